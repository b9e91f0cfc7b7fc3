"""The case chronology, derived from the audit log: nothing is typed twice."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import TextChoices

from msp.audit.models import AuditEvent
from msp.cases.models import Case, EnquiryType
from msp.concerns.codes import DecisionResult
from msp.enquiries.codes import Achievement, ActionResult, ClosureReason, RiskOutcome, WhoseWords

TITLES = {
    "case.raised": "Concern raised",
    "case.start_triage": "Triage started",
    "case.record_decision": "Section 42 decision recorded",
    "case.start_enquiry": "Enquiry started",
    "case.add_outcome": "Desired outcome recorded",
    "outcome.revised": "Desired outcome revisited",
    "case.start_closing": "Closing started",
    "outcome.rated": "Outcome achievement recorded",
    "case.return_to_enquiry": "Returned to the enquiry",
    "case.close_case": "Case closed",
    "case.reopen_case": "Case reopened",
}

# Fields worth showing in the chronology, with their labels. Anything else in
# the audit record stays in the audit log.
SHOWN_FIELDS = {
    "what_happened": "What happened",
    "result": "Decision",
    "enquiry_type": "Enquiry type",
    "text": "Outcome",
    "whose_words": "Whose words",
    "achievement": "Achieved",
    "person_view": "The person's view",
    "reason": "Reason",
    "action_result": "Action and result",
    "risk_outcome": "Risk outcome",
}


@dataclass(frozen=True)
class Entry:
    at: datetime
    title: str
    by: str
    details: list[tuple[str, str]]
    reason: str
    action: str


# Fields stored as codes, shown by their labels
CODES: dict[str, type[TextChoices]] = {
    "result": DecisionResult,
    "enquiry_type": EnquiryType,
    "whose_words": WhoseWords,
    "achievement": Achievement,
    "action_result": ActionResult,
    "risk_outcome": RiskOutcome,
    "reason": ClosureReason,
}


def _value(key: str, value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    if key in CODES:
        labels = dict(CODES[key].choices)
        return str(labels.get(value, value))
    return str(value)


def chronology(case: Case) -> list[Entry]:
    events = (
        AuditEvent.objects.changes()
        .filter(case_id=case.pk, action__in=TITLES.keys())
        .select_related("user")
        .order_by("at", "id")
    )
    entries = []
    for event in events:
        details = [
            (label, _value(key, event.changes[key][1]))
            for key, label in SHOWN_FIELDS.items()
            if key in event.changes and _value(key, event.changes[key][1])
        ]
        entries.append(
            Entry(
                at=event.at,
                title=TITLES[event.action],
                by=event.user.display_name if event.user else "System",
                details=details,
                reason=event.reason,
                action=event.action,
            )
        )
    return entries
