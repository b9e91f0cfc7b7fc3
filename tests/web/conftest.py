"""Fixtures for the web page tests."""

import re

import pytest

from msp.audit.models import AuditEvent
from tests import factories


@pytest.fixture
def case_in(practitioner):
    """case_in("enquiry") -> a North team case at that state, raised by the practitioner."""

    def make(state="raised", **kwargs):
        return factories.case(practitioner, state=state, **kwargs)

    return make


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("&#x27;", "'")


def views_of(case) -> int:
    return AuditEvent.objects.filter(action="view", case_id=case.pk).count()
