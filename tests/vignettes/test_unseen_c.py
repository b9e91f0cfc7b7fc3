"""The third blind vignette set (unseen_c.py), played as the others are: every
vignette must raise exactly the checks its story expects. Where the guard
disagrees, the vignette is a strict xfail with the difference noted, so that
the measured precision and recall stay honest and a change in the guard shows."""

import pytest

from tests.vignettes import conftest
from tests.vignettes.engine import Vignette, play
from tests.vignettes.unseen_c import VIGNETTES


def _param(v: Vignette):
    marks = [pytest.mark.xfail(strict=True, reason=v.xfail)] if v.xfail else []
    return pytest.param(v, id=v.id, marks=marks)


def test_set_is_balanced():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids)) == 20
    poor = [v for v in VIGNETTES if v.id.startswith("c-p")]
    assert len(poor) == 10 and all(v.expected for v in poor)
    good = [v for v in VIGNETTES if v.id.startswith("c-g")]
    assert len(good) == 10 and all(not v.expected for v in good)


@pytest.mark.parametrize("vignette", [_param(v) for v in VIGNETTES])
def test_unseen_c_vignette(vignette: Vignette, api, practitioner, manager):
    played = play(vignette, api(practitioner), api(manager), manager.pk, practitioner.pk)
    conftest.RESULTS.append(
        {
            "id": vignette.id,
            "expected": sorted(vignette.expected),
            "got": sorted(played.got),
            "xfail": vignette.xfail,
        }
    )
    missed = sorted(vignette.expected - played.got)
    extra = sorted(played.got - vignette.expected)
    assert not missed and not extra, (
        f"{vignette.id}: missed {missed}, false alarms {extra} "
        f"(closing: {played.closure_status}; {'; '.join(played.notes)})\n{vignette.story}"
    )
