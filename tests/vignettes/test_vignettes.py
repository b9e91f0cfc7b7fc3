"""Every vignette, recorded through the API, must raise exactly the checks that
myths.md says it should: no fewer (a miss), no more (a false alarm)."""

import pytest

from tests.vignettes import conftest
from tests.vignettes.engine import Vignette, play
from tests.vignettes.suite import VIGNETTES


def _param(v: Vignette):
    marks = [pytest.mark.xfail(strict=True, reason=v.xfail)] if v.xfail else []
    return pytest.param(v, id=v.id, marks=marks)


def test_suite_is_big_enough():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids)), "vignette ids must be unique"
    for myth in range(1, 12):
        poor = [v for v in VIGNETTES if v.id.startswith(f"m{myth}-") and v.expected]
        assert len(poor) >= 3, f"myth {myth} has {len(poor)} vignettes"
    assert len([v for v in VIGNETTES if v.id.startswith("good-")]) >= 10
    assert all(not v.expected for v in VIGNETTES if v.id.startswith("good-"))


@pytest.mark.parametrize("vignette", [_param(v) for v in VIGNETTES])
def test_vignette(vignette: Vignette, api, practitioner, manager):
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
