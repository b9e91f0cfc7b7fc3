"""Fixtures for the web page tests."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from msp.audit.models import AuditEvent
from tests import factories


@pytest.fixture
def case_in(practitioner):
    """case_in("enquiry") -> a North team case at that state, raised by the practitioner."""

    def make(state="raised", **kwargs):
        return factories.case(practitioner, state=state, **kwargs)

    return make


def _visible(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("&#x27;", "'")


def h1_of(response) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)
    assert found, "the page has no h1"
    return html_lib.unescape(" ".join(found.group(1).split()))


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    return _visible(response.content.decode())


def part_of(response, marker: str, end: str | None = None) -> str:
    """The visible text from the first ``marker`` in the HTML (to ``end``)."""
    html = response.content.decode()
    start = html.index(marker)
    stop = html.index(end, start) if end and end in html[start:] else len(html)
    return _visible(html[start:stop])


def chronology_of(response) -> str:
    return part_of(response, 'class="moj-timeline"')


def summary_of(response) -> str:
    """The error summary's text."""
    return part_of(response, 'class="govuk-error-summary"', "</ul>")


def section_of(response, anchor: str) -> str:
    """One section of the case page: from its heading to the next h2."""
    return part_of(response, f'id="{anchor}"', "<h2")


def views_of(case) -> int:
    return AuditEvent.objects.filter(action="view", case_id=case.pk).count()


def date_parts(name: str, day) -> dict[str, str]:
    """The three inputs of a GOV.UK date field, filled with ``day``."""
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def close_properly(case, by):
    """Close a case at "closing" as a careful worker would: the advocacy test
    recorded (a legal duty the closing gate checks) and every outcome rated."""
    from msp.enquiries import actions
    from tests import record_factories

    if not case.advocacy_assessments.exists():
        record_factories.advocacy(case, by)
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=by, expected_version=outcome.version, achievement="fully")
    case = factories.fresh(case)
    actions.close_case(case, by=by, expected_version=case.version, **factories.CLOSURE)
    return factories.fresh(case)


@pytest.fixture
def closed_case(practitioner):
    """A North team case, closed after an enquiry."""
    return close_properly(factories.case(practitioner, state="closing"), practitioner)


class WholeCase:
    """Every page of a case read one after another, as one response."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.status_code = 200


def whole_case(client, pk: int) -> WholeCase:
    """The case's section pages, its chronology and then its overview (last, so
    that ``section_of`` finds a record section before the overview's link to it)."""
    from msp.cases.page import SECTION_PAGES

    urls = [reverse(f"cases:section-{slug}", args=[pk]) for slug in SECTION_PAGES]
    urls += [reverse("cases:chronology", args=[pk]), reverse("cases:detail", args=[pk])]
    pages = [client.get(url) for url in urls]
    whole = WholeCase(b"".join(p.content for p in pages))
    whole.status_code = pages[-1].status_code
    return whole
