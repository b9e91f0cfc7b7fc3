"""The case chronology, derived from the audit log: nothing is typed twice."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import TextChoices

from msp.audit.models import AuditEvent
from msp.cases.models import Case, EnquiryType
from msp.concerns.codes import DecisionResult, YesNoUnknown
from msp.enquiries.codes import Achievement, ActionResult, ClosureReason, RiskOutcome, WhoseWords
from msp.enquiries.models.advocacy import AdvocacyResult
from msp.enquiries.models.contacts import ContactMethod, ContactOutcome
from msp.enquiries.models.involvement import PersonTold
from msp.enquiries.models.overrides import OverrideGround, OverrideKind
from msp.enquiries.models.plan import ActionStatus
from msp.enquiries.models.restrictions import RestrictionBasis
from msp.enquiries.models.risk import PoliceDecision, RiskToOthersKind
from msp.words import plain

TITLES = {
    "case.raised": "Concern raised",
    "report.accepted": "Report from the front door taken into the case",
    "report.feedback_shared": "Feedback shared with the referrer online",
    "report.escalated": "The referrer escalated their report",
    "report.escalation_resolved": "The referrer's escalation answered",
    "case.start_triage": "Triage started",
    "case.record_decision": "Section 42 decision recorded",
    "case.start_enquiry": "Enquiry started",
    "case.add_outcome": "Desired outcome recorded",
    "outcome.said_at_concern": "What the person said at the concern recorded as a desired outcome",
    "outcome.revised": "Desired outcome revisited",
    "case.start_closing": "Closing started",
    "outcome.rated": "Outcome achievement recorded",
    "case.return_to_enquiry": "Returned to the enquiry",
    "case.close_case": "Case closed",
    "case.reopen_case": "Case reopened from a new concern",
    "case.add_concern": "New concern added to the open case",
    "survey.response_recorded": "Outcome survey recorded",
    # The record kept during the case (msp/enquiries/actions/)
    "capacity.assessed": "Capacity assessment recorded",
    "best_interests.decided": "Best-interests decision recorded",
    "restriction.recorded": "Restriction or decision made for the person recorded",
    "advocacy.assessed": "Advocacy assessment recorded",
    "contact.recorded": "Contact with the person recorded",
    "risk.assessed": "Risk assessment saved",
    "risk_action.recorded": "Action to protect others recorded",
    "override.recorded": "Decision against someone's wishes recorded",
    "override.cosigned": "Decision against someone's wishes co-signed",
    "plan.saved": "Safeguarding plan saved",
    "plan_action.added": "Plan action added",
    "plan_action.updated": "Plan action updated",
    "self_neglect.saved": "Self-neglect record saved",
    "clutter.rated": "Clutter rating recorded",
    "feedback.given": "Feedback given to the person who raised the concern",
    "escalation.raised": "The person who raised the concern escalated it",
    "escalation.resolved": "Escalation resolved",
    "death.recorded": "The person's death recorded",
    "involvement.saved": "The person's involvement recorded",
    "note.added": "Case note added",
    # Restriction and break-glass (msp/cases/actions.py)
    "case.restricted": "Case restricted to named people",
    "case.restriction_changed": "People who may see the case changed",
    "case.restriction_lifted": "Restriction lifted",
    "case.break_glass": "Restricted case opened through break-glass",
    # Allocation (msp/cases/actions.py)
    "case.allocate": "Case allocated",
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

# The parts of the record kept during the case reuse field names that mean
# something else elsewhere ("decision", "outcome", "kind", "result", "text"), so
# what their events show, and which code lists label them, is set per action.
# An action listed here shows these fields instead of SHOWN_FIELDS.
RECORD_SHOWN_FIELDS: dict[str, dict[str, str]] = {
    "capacity.assessed": {"decision": "Decision"},
    "best_interests.decided": {"decision": "Decision", "outcome": "What was decided"},
    "restriction.recorded": {"what": "What was restricted or decided", "basis": "Basis"},
    "advocacy.assessed": {"result": "Result"},
    "contact.recorded": {"method": "How", "outcome": "What happened"},
    "risk.assessed": {"risk_to_person": "Risk to the person", "police_decision": "Police"},
    "risk_action.recorded": {"kind": "Action", "details": "Details"},
    "override.recorded": {"kind": "What was done", "ground": "Ground"},
    "override.cosigned": {},
    "plan.saved": {"person_involvement": "How the person was involved"},
    "plan_action.added": {"description": "Action", "owner_name": "Who"},
    "plan_action.updated": {"description": "Action", "status": "Status"},
    "self_neglect.saved": {"background_and_history": "Background and history"},
    "clutter.rated": {"room": "Room", "rating": "Rating"},
    "feedback.given": {"what_was_said": "What they were told"},
    "report.accepted": {},
    "report.feedback_shared": {"text": "What they were told"},
    "report.escalated": {},
    "report.escalation_resolved": {"response": "Response"},
    "escalation.raised": {"details": "What they said"},
    "escalation.resolved": {"resolution": "Resolution"},
    "death.recorded": {
        "date_of_death": "Date of death",
        "sar_criteria_may_be_met": "Review criteria may be met",
    },
    "involvement.saved": {
        "person_told": "Person told",
        "person_involvement": "How the person took part",
    },
    "note.added": {"text": "Note"},
    "case.restricted": {"named_people": "Who may see it"},
    "case.restriction_changed": {"named_people": "Who may see it"},
    "case.restriction_lifted": {},
    "case.break_glass": {"expires_at": "Access until"},
    "case.allocate": {"allocated_to": "Allocated to"},
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

RECORD_CODES: dict[str, dict[str, type[TextChoices]]] = {
    "advocacy.assessed": {"result": AdvocacyResult},
    "contact.recorded": {"method": ContactMethod, "outcome": ContactOutcome},
    "risk.assessed": {"police_decision": PoliceDecision},
    "risk_action.recorded": {"kind": RiskToOthersKind},
    "override.recorded": {"kind": OverrideKind, "ground": OverrideGround},
    "plan_action.updated": {"status": ActionStatus},
    "death.recorded": {"sar_criteria_may_be_met": YesNoUnknown},
    "involvement.saved": {"person_told": PersonTold},
    "restriction.recorded": {"basis": RestrictionBasis},
}


def _value(key: str, value: Any, codes: dict[str, type[TextChoices]] = CODES) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    if key in codes:
        return plain(codes[key], value)
    return str(value)


def chronology(case: Case) -> list[Entry]:
    events = (
        AuditEvent.objects.changes()
        .filter(case_id=case.pk, action__in=TITLES.keys())
        .select_related("user")
        .order_by("at", "id")
    )
    return [_entry(event) for event in events]


# --- The chronology page: filtered by kind of event, one page at a time -------------

ACCESS_ACTIONS = frozenset(
    {
        "case.restricted",
        "case.restriction_changed",
        "case.restriction_lifted",
        "case.break_glass",
        "case.allocate",
    }
)
OUTCOME_ACTIONS = frozenset(
    {"case.add_outcome", "outcome.said_at_concern", "outcome.revised", "outcome.rated"}
)
CASE_STEPS = frozenset(
    a for a in TITLES if a.startswith("case.") or a == "survey.response_recorded"
)

# What the filter offers: (value, label, actions)
KINDS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("steps", "Steps in the case", CASE_STEPS - ACCESS_ACTIONS - OUTCOME_ACTIONS),
    ("outcomes", "Desired outcomes", OUTCOME_ACTIONS),
    ("record", "The record", frozenset(TITLES) - CASE_STEPS - OUTCOME_ACTIONS),
    ("access", "Allocation and access", ACCESS_ACTIONS),
)
PER_PAGE = 25


def _entry(event: AuditEvent) -> Entry:
    shown = RECORD_SHOWN_FIELDS.get(event.action, SHOWN_FIELDS)
    codes = RECORD_CODES.get(event.action, {}) if event.action in RECORD_SHOWN_FIELDS else CODES
    details = [
        (label, _value(key, event.changes[key][1], codes))
        for key, label in shown.items()
        if key in event.changes and _value(key, event.changes[key][1], codes)
    ]
    return Entry(
        at=event.at,
        title=TITLES[event.action],
        by=event.user.display_name if event.user else "System",
        details=details,
        reason=event.reason,
        action=event.action,
    )


def chronology_events(case_pk: int, kinds: Iterable[str] = ()) -> Any:
    """The case's chronology events, newest first, limited to ``kinds``: a
    query that reads through the (case, action, at) index; slice it to read
    only the events a page shows."""
    chosen = {k for k in kinds if k in {v for v, _l, _a in KINDS}}
    actions = [a for v, _l, acts in KINDS if not chosen or v in chosen for a in sorted(acts)]
    return (
        AuditEvent.objects.filter(case_id=case_pk, action__in=actions)
        # Said outright (no view is in ``actions``) so that the database can
        # read through the partial index, which leaves views out.
        .exclude(action=AuditEvent.VIEW)
        .select_related("user")
        .order_by("-at", "-id")
    )


def entries(events: Iterable[AuditEvent]) -> list[Entry]:
    return [_entry(e) for e in events]
