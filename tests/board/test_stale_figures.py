"""A board page never waits for a count it has made before: when cases change
after the year's figures were counted, the page shows the figures counted
last, says when they were counted, and queues one recount in the background;
once the worker has counted, the page shows the new figures."""

import csv
import io
import re

import pytest
from django.tasks import task_backends
from django.urls import reverse

from msp.assurance.freshness import version_of
from msp.board.measures import count_board_task
from msp.board.models import StoredFigures
from tests.board.conftest import D, journey

pytestmark = pytest.mark.django_db

URL = reverse("board:dashboard")
CSV_URL = reverse("board:download")
QUEUED = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
WARNING = 'id="figures-age"'


def _figures(html: str) -> str:
    """The page's tables, which hold every figure it shows."""
    return "".join(re.findall(r"<table.*?</table>", html, re.DOTALL))


def _queued() -> int:
    return len(task_backends["default"].results)  # type: ignore[attr-defined]


def test_changed_cases_show_the_last_figures_while_they_are_counted_again(
    client_for, board_member, practitioner, year, settings
):
    settings.TASKS = QUEUED  # queued, and run by hand below
    client = client_for(board_member)
    first = client.get(URL, {"year": 2025}).content.decode()
    assert WARNING not in first  # nothing stored yet: counted for this request
    assert StoredFigures.objects.get(year=2025).data_version == version_of(2025)

    # Six more concerns about physical abuse in the year: enough to move a
    # rounded figure.
    for _ in range(6):
        journey(practitioner, D(2025, 6, 2))
    assert StoredFigures.objects.get(year=2025).data_version < version_of(2025)

    stale = client.get(URL, {"year": 2025}).content.decode()
    assert WARNING in stale
    assert "Cases have changed since then and are being counted again" in stale
    assert _figures(stale) == _figures(first)  # the figures counted last, as they were
    assert _queued() == 1
    client.get(URL, {"year": 2025, "quarter": 1})
    assert _queued() == 1  # one recount per change, however many pages are asked for
    rows = list(csv.reader(io.StringIO(client.get(CSV_URL, {"year": 2025}).content.decode())))
    assert rows[0][0].startswith("Counted at ") and "not counted yet" in rows[0][0]

    count_board_task.call(2025)  # what the worker does
    fresh = client.get(URL, {"year": 2025}).content.decode()
    assert WARNING not in fresh
    assert _figures(fresh) != _figures(first)
    assert StoredFigures.objects.get(year=2025).data_version == version_of(2025)
    rows = list(csv.reader(io.StringIO(client.get(CSV_URL, {"year": 2025}).content.decode())))
    assert not rows[0][0].startswith("Counted at ")
