"""Every vignette, recorded through the API, must raise exactly the checks that
myths.md says it should: no fewer (a miss), no more (a false alarm)."""

import pytest

from tests.vignettes.engine import Vignette
from tests.vignettes.judge import as_param, play_and_judge
from tests.vignettes.suite import VIGNETTES


def test_suite_is_big_enough():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids)), "vignette ids must be unique"
    for myth in range(1, 12):
        poor = [v for v in VIGNETTES if v.id.startswith(f"m{myth}-") and v.expected]
        assert len(poor) >= 3, f"myth {myth} has {len(poor)} vignettes"
    assert len([v for v in VIGNETTES if v.id.startswith("good-")]) >= 10
    assert all(not v.expected for v in VIGNETTES if v.id.startswith("good-"))


@pytest.mark.parametrize("vignette", [as_param(v) for v in VIGNETTES])
def test_vignette(vignette: Vignette, api, practitioner, manager):
    play_and_judge(vignette, api, practitioner, manager)
