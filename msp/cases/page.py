"""What the case page shows, gathered in a fixed number of queries."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from msp.accounts.access import can_change_case
from msp.accounts.models import User
from msp.cases.chronology import Entry, chronology
from msp.cases.models import Case, CaseState
from msp.cases.workflow import STATE_HELP, TRANSITIONS, allowed
from msp.concerns.codes import AbuseType, DecisionResult, SourceOfRisk
from msp.concerns.models import Concern, Section42Decision
from msp.concerns.rules import CRITERIA
from msp.enquiries.models import Closure, DesiredOutcome, OutcomeRevision

Rows = list[tuple[str, str]]

CRITERIA_QUESTIONS = {
    "has_care_and_support_needs": "Does the person have needs for care and support?",
    "experiencing_or_at_risk": "Is the person experiencing, or at risk of, abuse or neglect?",
    "unable_to_protect_self": (
        "As a result of those needs, is the person unable to protect themselves from the "
        "abuse or neglect, or the risk of it?"
    ),
}


def _date(value: Any) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _labels(codes: list[str], choices: Any) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)


def concern_rows(concern: Concern) -> Rows:
    referrer = concern.referrer_display
    if referrer == "Not recorded" and concern.raised_by is not None:
        referrer = concern.raised_by.display_name
    if concern.referrer_confidential:
        referrer += " (confidential: do not share who raised it)"
    rows = [
        ("Date raised", _date(concern.raised_on)),
        ("Raised by", f"{concern.get_raised_via_display()}: {referrer}"),
        ("What happened", concern.what_happened),
        ("Types of abuse or neglect", _labels(concern.abuse_types, AbuseType.choices)),
        ("Where it happened", concern.get_location_of_risk_display()),
        ("Source of risk", _labels(concern.sources_of_risk, SourceOfRisk.choices)),
        ("Immediate actions to keep the person safe", concern.immediate_safety_actions),
        ("Does the person know about the concern?", concern.get_person_aware_display()),
        ("What the person wants to happen", concern.person_wishes),
    ]
    return [(k, v) for k, v in rows if v]


def decision_rows(decision: Section42Decision) -> Rows:
    rows: Rows = []
    for answer, evidence, _label in CRITERIA:
        display = getattr(decision, f"get_{answer}_display")()
        rows.append((CRITERIA_QUESTIONS[answer], f"{display}\n{getattr(decision, evidence)}"))
    rows.append(("What happens next", decision.get_result_display()))
    if decision.result == DecisionResult.NONE:
        rows.append(("Proportionate response", decision.get_proportionate_response_display()))
        rows.append(("Details", decision.response_details))
    rows.append(("Decided", f"{_date(decision.decided_at)} by {decision.decided_by.display_name}"))
    return rows


def closure_rows(closure: Closure) -> Rows:
    support = {True: "Yes", False: "No", None: ""}[closure.capacity_support]
    rows = [
        ("Why the case closed", closure.get_reason_display()),
        ("Details", closure.reason_details),
        ("What the enquiry found", closure.get_action_result_display()),
        ("Risk outcome", closure.get_risk_outcome_display()),
        ("Was the person asked what outcomes they wanted?", closure.get_msp_asked_display()),
        ("Did the person lack capacity?", closure.get_lacked_capacity_display()),
        ("Supported by an advocate, family member or friend", support),
        ("Closed", f"{_date(closure.closed_at)} by {closure.closed_by.display_name}"),
    ]
    return [(k, v) for k, v in rows if v]


@dataclass
class OutcomeView:
    number: int
    outcome: DesiredOutcome
    current: OutcomeRevision
    revisions: list[OutcomeRevision]
    can_revise: bool
    can_rate: bool

    @property
    def revisited(self) -> int:
        return len(self.revisions) - 1


@dataclass
class Button:
    label: str
    url: str
    post: bool = False


@dataclass
class CasePage:
    case: Case
    concerns: list[tuple[Concern, Rows]]
    decision_rows: Rows
    outcomes: list[OutcomeView]
    closure_rows: Rows
    chronology: list[Entry]
    buttons: list[Button] = field(default_factory=list)

    @property
    def state_help(self) -> str:
        return STATE_HELP[CaseState(self.case.state)]


def _buttons(case: Case, decision: Section42Decision | None) -> list[Button]:
    no_enquiry = decision is not None and decision.result == DecisionResult.NONE
    wanted = {
        "start_triage": ("concerns:start-triage", True, True),
        "record_decision": ("concerns:decision", False, True),
        "start_enquiry": ("enquiries:start", True, not no_enquiry),
        "add_outcome": ("enquiries:add-outcome", False, True),
        "start_closing": ("enquiries:start-closing", True, bool(case.enquiry_type) or no_enquiry),
        "close_case": ("enquiries:close", False, True),
        "return_to_enquiry": ("enquiries:return", True, bool(case.enquiry_type)),
        "reopen_case": ("enquiries:reopen", False, True),
    }
    return [
        Button(TRANSITIONS[name].label, reverse(url, args=[case.pk]), post)
        for name, (url, post, sensible) in wanted.items()
        if sensible and allowed(case, name)
    ]


def case_page(case: Case, user: User) -> CasePage:
    concerns = list(case.concerns.select_related("raised_by"))
    decision = case.decisions.select_related("decided_by").order_by("-decided_at", "-id").first()
    revisions = OutcomeRevision.objects.select_related("recorded_by").order_by("number")
    outcomes = list(
        DesiredOutcome.objects.filter(case=case).prefetch_related(
            Prefetch("revisions", queryset=revisions)
        )
    )
    closure = None
    if case.state == CaseState.CLOSED:
        closure = case.closures.select_related("closed_by").order_by("-closed_at", "-id").first()
    can_change = can_change_case(user, case)
    views = []
    for number, outcome in enumerate(outcomes, start=1):
        revs = list(outcome.revisions.all())
        views.append(
            OutcomeView(
                number=number,
                outcome=outcome,
                current=revs[-1],
                revisions=revs,
                can_revise=can_change and allowed(case, "revise_outcome"),
                can_rate=can_change and allowed(case, "rate_outcome"),
            )
        )
    return CasePage(
        case=case,
        concerns=[(c, concern_rows(c)) for c in concerns],
        decision_rows=decision_rows(decision) if decision else [],
        outcomes=views,
        closure_rows=closure_rows(closure) if closure else [],
        chronology=chronology(case),
        buttons=_buttons(case, decision) if can_change else [],
    )
