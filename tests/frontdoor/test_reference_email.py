"""A referrer who gives an email address is sent their reference (never the
secret) through the delivery interface, once the report is saved; a failed
send is written to the audit log, and the report is kept."""

import pytest

from msp.audit.models import AuditEvent
from msp.delivery.interface import DeliveryFailed
from msp.delivery.outbox import messages
from msp.frontdoor.models import PublicReport
from tests.frontdoor.helpers import send_report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def outbox(settings, tmp_path):
    settings.DELIVERY_BACKEND = "outbox"
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    return tmp_path / "outbox"


def test_a_named_referrer_is_emailed_the_reference_but_not_the_secret(client_for, outbox):
    reference, secret = send_report(client_for(None), identity={"identity": "named"})
    sent = [m for m in messages(outbox) if m.get("kind") == "email"]
    assert len(sent) == 1
    assert sent[0]["to"] == "rosa@example.org"
    assert reference in sent[0]["body"] and reference in sent[0]["subject"]
    assert secret not in sent[0]["body"]
    assert "Edith" not in sent[0]["body"]
    assert AuditEvent.objects.filter(action="report.reference_emailed").count() == 1


def test_an_anonymous_referrer_is_sent_nothing(client_for, outbox):
    send_report(client_for(None))
    assert messages(outbox) == []


def test_a_failed_send_keeps_the_report_and_is_visible_in_the_audit_log(
    client_for, outbox, monkeypatch
):
    def refuse(**_kwargs):
        raise DeliveryFailed("The email service did not answer", temporary=True)

    monkeypatch.setattr("msp.frontdoor.delivery.send_email", refuse)
    reference, _ = send_report(client_for(None), identity={"identity": "named"})
    assert PublicReport.objects.get().reference == reference
    failed = AuditEvent.objects.get(action="report.reference_email_failed")
    assert "rosa@example.org" not in str(failed.changes) + failed.reason
