"""The third blind vignette set (unseen_c.py), played as the others are: every
vignette must raise exactly the checks its story expects. Where the guard
disagrees, the vignette is a strict xfail with the difference noted, so that
the measured precision and recall stay honest and a change in the guard shows."""

import pytest

from tests.vignettes.engine import Vignette
from tests.vignettes.judge import as_param, play_and_judge
from tests.vignettes.unseen_c import VIGNETTES


def test_set_is_balanced():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids)) == 20
    poor = [v for v in VIGNETTES if v.id.startswith("c-p")]
    assert len(poor) == 10 and all(v.expected for v in poor)
    good = [v for v in VIGNETTES if v.id.startswith("c-g")]
    assert len(good) == 10 and all(not v.expected for v in good)


@pytest.mark.parametrize("vignette", [as_param(v) for v in VIGNETTES])
def test_unseen_c_vignette(vignette: Vignette, api, practitioner, manager):
    play_and_judge(vignette, api, practitioner, manager)
