"""Every change the front door makes: a report received, a status checked, an
escalation raised or answered, feedback shared, and a report taken into the
work as a concern. Each runs in one transaction and writes its audit event.
Audit events for the public's actions have no user; they never hold what the
referrer typed, only which fields were given."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from msp.accounts.access import can_change_case, can_resolve_report_escalations
from msp.accounts.models import Team, User
from msp.audit.log import record_change, write
from msp.cases.models import Case, CaseState
from msp.concerns import actions as concern_actions
from msp.concerns.models import Concern
from msp.enquiries.actions.plan import add_referrer_feedback
from msp.frontdoor import delivery, rules
from msp.frontdoor.models import CHANNEL, PublicReport, ReportEscalation, SharedFeedback
from msp.people.models import Person

REPORT_FIELDS = (
    "referrer_kind",
    "anonymous",
    "confidential",
    "referrer_name",
    "referrer_organisation",
    "referrer_role",
    "referrer_email",
    "referrer_phone",
    "adult_name",
    "adult_age",
    "adult_address",
    "what_happened",
    "where",
    "adult_knows",
    "adult_wants",
)


def intake_team(address: str) -> Team | None:
    """The team covering the adult's postcode, else the default intake team,
    else none (the report waits for a safeguarding lead)."""
    name = rules.team_for_area(
        address, rules.parse_areas(settings.INTAKE_AREAS), settings.INTAKE_TEAM
    )
    return Team.objects.filter(name=name).first() if name else None


@transaction.atomic
def submit_report(
    answers: dict[str, Any], *, now: datetime.datetime | None = None
) -> tuple[PublicReport, str]:
    """Save a report from the public form. Returns it with its secret, which
    is stored only as a hash: show it once."""
    now = now or timezone.now()
    values = {k: answers[k] for k in REPORT_FIELDS if k in answers}
    if values.get("anonymous"):
        for key in ("referrer_name", "referrer_email", "referrer_phone", "referrer_role"):
            values[key] = ""
        values["confidential"] = False
    secret = rules.new_secret()
    reference = rules.new_reference()
    while PublicReport.objects.filter(reference=reference).exists():
        reference = rules.new_reference()
    report = PublicReport.objects.create(
        reference=reference,
        secret_hash=rules.hash_secret(secret),
        secret_expires_at=now + datetime.timedelta(days=settings.REPORT_SECRET_DAYS),
        received_at=now,
        channel=CHANNEL[values["referrer_kind"]],
        team=intake_team(values.get("adult_address", "")),
        **values,
    )
    record_change(
        by=None,
        action="report.received",
        obj=report,
        changes={
            "reference": [None, report.reference],
            "channel": [None, report.channel],
            "anonymous": [None, report.anonymous],
            "confidential": [None, report.confidential],
            "team": [None, report.team.name if report.team else None],
            "fields_given": [None, sorted(k for k, v in values.items() if v not in ("", None))],
        },
    )
    if report.referrer_email:
        delivery.send_reference(report)
    return report, secret


@dataclass(frozen=True)
class StatusCheck:
    report: PublicReport | None
    problem: str  # "" when the reference and secret match and have not expired


WRONG = "The reference or the secret is not right. Check them and try again"
EXPIRED = (
    "This secret has expired. Call the adult safeguarding team if you need to know more "
    "about your report"
)


@transaction.atomic
def check_status(
    reference: str, secret: str, *, now: datetime.datetime | None = None
) -> StatusCheck:
    """Find the report for a reference and secret. A wrong pair and an expired
    secret are audited (with the reference as typed, tidied, never the secret)."""
    now = now or timezone.now()
    tidy = rules.tidy_reference(reference)
    report = PublicReport.objects.filter(reference=tidy).first() if tidy else None
    if report is None or not rules.secret_matches(secret, report.secret_hash):
        write(
            by=None,
            action="report.status_refused",
            object_type="frontdoor.publicreport",
            object_id=str(report.pk) if report else "",
            changes={"reference": tidy[:16], "why": "wrong"},
        )
        return StatusCheck(None, WRONG)
    if report.secret_expires_at <= now:
        write(
            by=None,
            action="report.status_refused",
            object_type="frontdoor.publicreport",
            object_id=str(report.pk),
            changes={"reference": report.reference, "why": "expired"},
        )
        return StatusCheck(None, EXPIRED)
    record_change(by=None, action="report.status_checked", obj=report, changes={})
    return StatusCheck(report, "")


def report_case(report: PublicReport) -> Case | None:
    return report.concern.case if report.concern_id else None  # type: ignore[union-attr]


def status_of(report: PublicReport) -> rules.Status:
    case = report_case(report)
    return rules.status_for(case.state if case else None)


@transaction.atomic
def escalate(report: PublicReport, *, reason: str) -> ReportEscalation:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Tell us why you think your report was not dealt with"})
    escalation = ReportEscalation.objects.create(report=report, reason=reason)
    case = report_case(report)
    record_change(
        by=None,
        action="report.escalated",
        obj=escalation,
        changes={"report": [None, report.reference]},
        case_id=case.pk if case else None,
    )
    return escalation


@transaction.atomic
def resolve_escalation(escalation: ReportEscalation, *, by: User, response: str) -> None:
    if not can_resolve_report_escalations(by):
        raise PermissionDenied("Only a safeguarding lead can respond to an escalation")
    if escalation.resolved_at is not None:
        raise ValidationError({"response": "This escalation has already been answered"})
    response = response.strip()
    if not response:
        raise ValidationError({"response": "Enter what was done about the escalation"})
    escalation.response = response
    escalation.resolved_at = timezone.now()
    escalation.resolved_by = by
    escalation.save(update_fields=["response", "resolved_at", "resolved_by"])
    case = report_case(escalation.report)
    record_change(
        by=by,
        action="report.escalation_resolved",
        obj=escalation,
        changes={"response": [None, response]},
        case_id=case.pk if case else None,
    )


@transaction.atomic
def share_feedback(report: PublicReport, *, by: User, text: str) -> SharedFeedback:
    """Share what a worker chose to tell the referrer, shown on their status page."""
    case = report_case(report)
    if case is None or not can_change_case(by, case):
        raise PermissionDenied("You can share feedback only on a case you can change")
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter what to tell the person who made the report"})
    feedback = SharedFeedback.objects.create(report=report, text=text, shared_by=by)
    if case.state != CaseState.CLOSED:
        # Also the case's record of feedback given, which the guard reads (M9.a).
        # A closed case's record cannot change: the shared text is then only here.
        add_referrer_feedback(
            case,
            by=by,
            concern=report.concern,
            given_on=timezone.localdate(),
            what_was_said=text,
            limited_by_consent=False,
        )
    record_change(
        by=by,
        action="report.feedback_shared",
        obj=feedback,
        changes={"report": [None, report.reference], "text": [None, text]},
        case_id=case.pk,
        person_id=case.person_id,
    )
    return feedback


TRIAGE_FIELDS = ("abuse_types", "location_of_risk", "sources_of_risk")


def concern_values(report: PublicReport, triage: dict[str, Any]) -> dict[str, Any]:
    """The concern a report becomes: what the referrer told us, and the
    triager's classification (types, where, source of risk)."""
    contact = ", ".join(v for v in (report.referrer_email, report.referrer_phone) if v)
    what = report.what_happened
    if report.where:
        what = f"{what}\n\nWhere: {report.where}"
    return {
        "raised_on": timezone.localdate(report.received_at),
        "raised_via": report.channel,
        "referrer_anonymous": report.anonymous,
        "referrer_confidential": report.confidential,
        "referrer_name": report.referrer_name or ("" if report.anonymous else "Not given"),
        "referrer_role": report.referrer_role,
        "referrer_organisation": report.referrer_organisation,
        "referrer_contact": contact,
        "referrer_relationship": report.get_referrer_kind_display(),
        "what_happened": what,
        "person_aware": report.adult_knows,
        "person_wishes": report.adult_wants,
        **{
            k: triage[k]
            for k in ("abuse_types", "location_of_risk", "sources_of_risk")
            if k in triage
        },
    }


@transaction.atomic
def accept_report(
    report: PublicReport,
    *,
    by: User,
    person: Person,
    triage: dict[str, Any],
    open_case: Case | None = None,
    team: Team | None = None,
) -> Concern:
    """A triager confirms who the report is about: it becomes the first concern
    of a new case (in the report's team, or the triager's), or a repeat concern
    on ``open_case``. ``team`` is the triager's choice when no team covers the
    report's area. Records when it was triaged, for the time to triage."""
    report = PublicReport.objects.select_for_update().get(pk=report.pk)
    if report.concern_id is not None:
        raise ValidationError({"person": "This report has already been taken into a case"})
    values = concern_values(report, triage)
    if open_case is not None:
        concern = concern_actions.add_concern(
            open_case, by=by, expected_version=open_case.version, **values
        )
    else:
        case = concern_actions.raise_concern(
            person=person, by=by, team=report.team or team or by.team, **values
        )
        concern = case.concerns.get()
    report.concern = concern
    report.team = report.team or concern.case.team
    report.triaged_at = timezone.now()
    report.triaged_by = by
    report.save(update_fields=["concern", "team", "triaged_at", "triaged_by"])
    record_change(
        by=by,
        action="report.accepted",
        obj=report,
        changes={
            "concern_id": [None, concern.pk],
            "repeat": [None, open_case is not None],
            "hours_to_triage": [
                None,
                round((report.triaged_at - report.received_at).total_seconds() / 3600, 1),
            ],
        },
        case_id=concern.case_id,
        person_id=person.pk,
    )
    return concern
