"""What every vignette set's test does: one pytest parameter per vignette (a
strict xfail where the guard is known to disagree, so a fix shows as an
unexpected pass), and playing a vignette through the API, keeping what it
expected and got for score.py, and failing on any miss or false alarm."""

from typing import Any

import pytest

from tests.vignettes import conftest
from tests.vignettes.engine import Vignette, play


def as_param(v: Vignette) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=v.xfail)] if v.xfail else []
    return pytest.param(v, id=v.id, marks=marks)


def play_and_judge(vignette: Vignette, api: Any, practitioner: Any, manager: Any) -> None:
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
