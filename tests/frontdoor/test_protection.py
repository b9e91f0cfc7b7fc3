"""The public form protects itself and the people behind it: limits per
address and per session, a honeypot, and no personal data in the logs."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.frontdoor.models import PublicReport
from tests.frontdoor.helpers import fill_report, send_report

pytestmark = pytest.mark.django_db


def test_one_session_can_send_only_so_many_reports_an_hour(client_for, settings):
    settings.REPORTS_PER_SESSION = 2
    client = client_for(None)
    send_report(client)
    send_report(client)
    fill_report(client)
    response = client.post(reverse("frontdoor:check"), {"website": ""})
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert PublicReport.objects.count() == 2
    # What they typed is kept for later.
    assert "Edith Blackwood" in client.get(reverse("frontdoor:check")).content.decode()
    assert AuditEvent.objects.filter(action="report.throttled").count() == 1


def test_one_address_can_send_only_so_many_reports_an_hour(settings):
    settings.REPORTS_PER_ADDRESS = 2
    for _ in range(2):
        send_report(Client(REMOTE_ADDR="203.0.113.9"))
    late = Client(REMOTE_ADDR="203.0.113.9")
    fill_report(late)
    assert late.post(reverse("frontdoor:check"), {"website": ""}).status_code == 429
    # Another address is not affected.
    send_report(Client(REMOTE_ADDR="198.51.100.7"))
    assert PublicReport.objects.count() == 3


def test_a_filled_honeypot_looks_sent_but_keeps_nothing(client_for):
    client = client_for(None)
    fill_report(client)
    response = client.post(reverse("frontdoor:check"), {"website": "http://spam.example"})
    assert response["Location"] == reverse("frontdoor:done")
    assert "Report sent" in client.get(response["Location"]).content.decode()
    assert PublicReport.objects.count() == 0
    assert AuditEvent.objects.filter(action="report.honeypot").count() == 1


def test_the_honeypot_is_hidden_from_people(client_for):
    client = client_for(None)
    html = fill_report(client).content.decode()
    assert '<div hidden><div class="govuk-form-group">' in html


def test_nothing_the_referrer_typed_reaches_the_logs(client_for, caplog):
    caplog.set_level(logging.DEBUG)
    client = client_for(None)
    send_report(client, identity={"identity": "named"})
    client.post(reverse("frontdoor:status"), {"reference": "R-AAAA-AAAA", "secret": "nope"})
    logged = caplog.text
    for typed in ("Edith", "Blackwood", "Orchard", "nephew", "Rosa", "rosa@example.org"):
        assert typed not in logged
