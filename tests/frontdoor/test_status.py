"""The referrer hears back: with the reference and secret they see the status
in words that say nothing about the adult, the feedback a worker shared, and
can escalate. Secrets expire; wrong guesses are limited and audited."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import CaseState
from msp.frontdoor import actions, rules
from msp.frontdoor.models import PublicReport, ReportEscalation
from tests.frontdoor.helpers import send_report

pytestmark = pytest.mark.django_db


def _check(client, reference, secret):
    return client.post(reverse("frontdoor:status"), {"reference": reference, "secret": secret})


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (None, "Received"),
        (CaseState.RAISED, "Received"),
        (CaseState.TRIAGE, "Being looked at"),
        (CaseState.DECIDED, "Being looked at"),
        (CaseState.ENQUIRY, "Being looked at"),
        (CaseState.CLOSING, "Being looked at"),
        (CaseState.CLOSED, "Closed"),
    ],
)
def test_status_words_say_only_where_the_report_is(state, words):
    status = rules.status_for(state)
    assert status.words == words
    for revealing in ("enquiry", "section 42", "decision", "abuse", "adult"):
        assert revealing not in status.explanation.lower()


def test_the_referrer_sees_the_status_with_reference_and_secret(client_for):
    client = client_for(None)
    reference, secret = send_report(client)
    response = _check(client_for(None), reference.lower().replace("-", " "), secret.lower())
    assert response.status_code == 302
    viewer = client_for(None)
    _check(viewer, reference, secret)
    html = viewer.get(reverse("frontdoor:status-view")).content.decode()
    assert "Received" in html
    assert "Edith" not in html and "nephew" not in html
    assert AuditEvent.objects.filter(action="report.status_checked").count() == 2


def test_a_wrong_secret_is_refused_and_audited(client_for):
    reference, _secret = send_report(client_for(None))
    client = client_for(None)
    response = _check(client, reference, "AAAA-AAAA-AAAA-AAAA")
    assert response.status_code == 400
    html = response.content.decode()
    assert "The reference or the secret is not right" in html
    assert f'value="{reference}"' in html  # what was typed is kept
    refused = AuditEvent.objects.get(action="report.status_refused")
    assert refused.changes == {"reference": reference, "why": "wrong"}
    assert client.get(reverse("frontdoor:status-view"))["Location"] == reverse("frontdoor:status")


def test_guessing_is_limited(client_for, settings):
    settings.STATUS_TRIES = 3
    reference, secret = send_report(client_for(None))
    client = client_for(None)
    for _ in range(3):
        assert _check(client, reference, "WRONG-WRONG").status_code == 400
    # Even the right secret is refused once the limit is reached.
    response = _check(client, reference, secret)
    assert response.status_code == 429
    assert AuditEvent.objects.filter(action="report.status_throttled").count() == 1


def test_a_secret_expires(client_for, settings):
    settings.REPORT_SECRET_DAYS = 180
    reference, secret = send_report(client_for(None))
    report = PublicReport.objects.get()
    assert report.secret_expires_at - report.received_at == datetime.timedelta(days=180)
    later = report.secret_expires_at + datetime.timedelta(seconds=1)
    assert actions.check_status(reference, secret, now=later).problem == actions.EXPIRED
    assert actions.check_status(reference, secret, now=timezone.now()).report == report
    assert AuditEvent.objects.filter(
        action="report.status_refused", changes__why="expired"
    ).exists()


def test_the_referrer_escalates_with_a_reason(client_for):
    reference, secret = send_report(client_for(None))
    client = client_for(None)
    _check(client, reference, secret)
    empty = client.post(reverse("frontdoor:escalate"), {"reason": "  "})
    assert empty.status_code == 400
    assert "Tell us why you think your report was not dealt with" in empty.content.decode()
    response = client.post(reverse("frontdoor:escalate"), {"reason": "Nobody called me back."})
    assert response["Location"] == reverse("frontdoor:status-view")
    escalation = ReportEscalation.objects.get()
    assert escalation.reason == "Nobody called me back."
    assert escalation.resolved_at is None
    html = client.get(reverse("frontdoor:status-view")).content.decode()
    assert "waiting for the safeguarding lead" in html
