"""Sending the referrer their reference by email. The sending itself belongs to
the letters work's delivery interface (GOV.UK Notify in production, a local
outbox in development); this module is the one hook the front door calls."""

from msp.frontdoor.models import PublicReport


def send_reference(report: PublicReport) -> None:
    """Email the referrer their reference (never the secret, which is shown once).

    TODO(letters): call the delivery interface here, e.g.
    ``msp.letters.delivery.send_email(to=report.referrer_email,
    template="report-reference", values={"reference": report.reference})``,
    once issue 11 item 6 lands. Until then nothing is sent."""
    return None
