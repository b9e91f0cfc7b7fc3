"""Sending the referrer their reference by email, through the project's
delivery interface (GOV.UK Notify in production, a local outbox in development
and tests). The secret is never sent: it is shown once on the confirmation page.

The email goes after the report is committed, so a slow or failing service
never loses a report. A failure is written to the audit log (without the
address or any typed text) so that it is visible, not silent; the referrer
already has the reference on screen."""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction

from msp.audit.log import record_change
from msp.delivery.interface import DeliveryFailed, send_email
from msp.frontdoor.models import PublicReport

log = logging.getLogger(__name__)


def reference_email(report: PublicReport) -> tuple[str, str]:
    """The subject and body of the email: the reference and how to check on it."""
    council = getattr(settings, "COUNCIL_NAME", "") or "the council"
    subject = f"Your safeguarding report: reference {report.reference}"
    body = (
        f"Thank you for telling us. Your reference is {report.reference}.\n\n"
        "To see what has happened to your report, or to tell us you are not happy with "
        "how it was dealt with, go to the report status page and enter this reference "
        "and the secret you were shown when you sent the report.\n\n"
        "If someone is in immediate danger, call 999.\n\n"
        f"From the adult safeguarding team at {council}, phone {settings.COUNCIL_PHONE}."
    )
    return subject, body


def _send(report_id: int) -> None:
    report = PublicReport.objects.get(pk=report_id)
    subject, body = reference_email(report)
    try:
        receipt = send_email(
            to=report.referrer_email, subject=subject, body=body, reference=report.reference
        )
    except DeliveryFailed as failure:
        log.warning("report reference email not sent (report %s): %s", report.pk, failure)
        record_change(
            by=None,
            action="report.reference_email_failed",
            obj=report,
            changes={"sent": [None, False]},
            reason=str(failure),
        )
        return
    record_change(
        by=None,
        action="report.reference_emailed",
        obj=report,
        changes={"sent": [None, True], "receipt": [None, receipt.id]},
    )


def send_reference(report: PublicReport) -> None:
    """Email the referrer their reference once the report is saved."""
    if report.referrer_email:
        transaction.on_commit(partial(_send, report.pk))
