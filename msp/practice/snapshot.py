"""An immutable picture of one case: exactly the facts the guard's checks read.

Built by ``msp.practice.loader.load_snapshot`` from the database, or directly
in tests. Collections are tuples and every class is frozen, so a check cannot
change what another check sees.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from msp.practice import reasons

# Codes are repeated here as plain strings so the checks need no models.
STATE_ENQUIRY = "enquiry"
STATE_CLOSING = "closing"
STATE_CLOSED = "closed"
ENQUIRY_STATES = frozenset({STATE_ENQUIRY, STATE_CLOSING, STATE_CLOSED})
ABLE, UNABLE = "able", "unable"
YES, NO, UNKNOWN = "yes", "no", "unknown"
FUNCTIONAL = ("understand", "retain", "use_or_weigh", "communicate")
TRUST_ROLES = frozenset({"paid_carer", "staff", "volunteer"})


@dataclass(frozen=True)
class CaseFacts:
    id: int
    state: str
    enquiry_type: str  # "s42", "other" or "" (no enquiry started)
    opened_on: datetime.date
    enquiry_started_on: datetime.date | None
    team_id: int

    @property
    def enquiry_under_way(self) -> bool:
        """An enquiry has started and the case is in or past it (a reopened
        case back at triage has not restarted its enquiry)."""
        return bool(self.enquiry_type) and self.state in ENQUIRY_STATES


@dataclass(frozen=True)
class PersonFacts:
    age: int
    date_of_death: datetime.date | None


@dataclass(frozen=True)
class ConcernFacts:
    id: int
    raised_on: datetime.date
    raised_via: str  # staff, partner, public, self
    abuse_types: tuple[str, ...]
    sources_of_risk: tuple[str, ...]
    referrer_anonymous: bool
    referrer_confidential: bool
    referrer_name: str
    referrer_job_title: str
    referrer_organisation: str
    person_aware: str  # yes, no, unknown
    what_happened: str = ""
    location_of_risk: str = ""  # LocationOfRisk code: the setting
    person_wishes: str = ""  # what the concern records the person wants

    @property
    def has_known_referrer(self) -> bool:
        """Someone other than the person raised it and we know who."""
        return not self.referrer_anonymous and self.raised_via != "self"


@dataclass(frozen=True)
class DecisionFacts:
    result: str  # s42, other, none
    proportionate_response: str
    response_details: str
    care_and_support_needs_evidence: str
    experiencing_or_at_risk_evidence: str
    unable_to_protect_self_evidence: str
    decided_on: datetime.date


@dataclass(frozen=True)
class OutcomeFacts:
    id: int
    text: str  # the current revision's words
    whose_words: str  # person, representative
    representative_name: str
    revision_count: int
    achievement: str  # fully, partially, not, "" (not rated)
    person_view: str


@dataclass(frozen=True)
class ClosureFacts:
    reason: str
    reason_details: str = ""
    action_result: str = ""
    risk_outcome: str = ""
    msp_asked: str = ""
    lacked_capacity: str = ""
    capacity_support: bool | None = None
    open_door: str = ""
    closed_on: datetime.date | None = None
    experience_asked: str = ""  # at_closure, survey_to_follow, not_asked, ""
    # Recorded closures only: the person's answers to the survey's questions
    # about their experience of safeguarding (questions 4 to 7) are recorded.
    experience_answered: bool = False

    @property
    def meant_reason(self) -> str:
        """The listed reason this closure means (an "other" whose words say a
        listed reason means that reason)."""
        return reasons.meant_reason(self.reason, self.reason_details)

    @property
    def ended_without_agreed_outcome(self) -> bool:
        """The person declined, stopped engaging or could not be contacted
        (however the worker recorded it), or the enquiry ceased at their
        request."""
        return reasons.ended_without_agreed_outcome(
            self.reason, self.reason_details, self.action_result
        )

    @property
    def person_declined(self) -> bool:
        """The old name for ``ended_without_agreed_outcome``."""
        return self.ended_without_agreed_outcome

    @property
    def person_died(self) -> bool:
        return self.meant_reason == reasons.DIED


@dataclass(frozen=True)
class ProposedClosure(ClosureFacts):
    """The closure the worker is asking for, from the close form's values."""

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> "ProposedClosure":
        def text(key: str) -> str:
            return str(values.get(key) or "")

        support = values.get("capacity_support")
        return cls(
            reason=text("reason"),
            reason_details=text("reason_details"),
            action_result=text("action_result"),
            risk_outcome=text("risk_outcome"),
            msp_asked=text("msp_asked"),
            lacked_capacity=text("lacked_capacity"),
            capacity_support=support if isinstance(support, bool) else None,
            open_door=text("open_door"),
            experience_asked=text("experience_asked"),
        )


@dataclass(frozen=True)
class CapacityFacts:
    id: int
    decision: str
    assessed_on: datetime.date
    understand: str
    understand_evidence: str
    retain: str
    retain_evidence: str
    use_or_weigh: str
    use_or_weigh_evidence: str
    communicate: str
    communicate_evidence: str
    impairment: str  # yes, no, unknown
    impairment_evidence: str
    executive_function: str

    @property
    def unable_parts(self) -> tuple[str, ...]:
        return tuple(p for p in FUNCTIONAL if getattr(self, p) == UNABLE)

    @property
    def finds_lack(self) -> bool:
        """Concludes the person lacks capacity for this decision: unable in
        part of the functional test, because of an impairment."""
        return bool(self.unable_parts) and self.impairment == YES


@dataclass(frozen=True)
class Consultee:
    name: str
    role: str


@dataclass(frozen=True)
class BestInterestsFacts:
    id: int
    capacity_assessment_id: int | None
    past_wishes: str
    present_wishes: str
    consulted: tuple[Consultee, ...]
    decided_on: datetime.date
    decision_maker: str = ""


@dataclass(frozen=True)
class RestrictionFacts:
    """Something restricted or decided for the person by someone else."""

    id: int
    kind: str  # contact, money, moving_home, leaving, care_or_treatment, other
    what: str
    decided_by: str
    decided_on: datetime.date
    basis: str  # consent, best_interests, court_order, mental_health_act, ...
    basis_details: str = ""
    capacity_assessment_id: int | None = None
    best_interests_decision_id: int | None = None
    review_on: datetime.date | None = None


@dataclass(frozen=True)
class AdvocacyFacts:
    id: int
    assessed_on: datetime.date
    difficulty_understanding: bool
    difficulty_retaining: bool
    difficulty_using_or_weighing: bool
    difficulty_communicating: bool
    appropriate_individual: str  # yes, no, unknown
    individual_implicated: bool
    result: str
    advocate_name: str
    reason: str

    @property
    def substantial_difficulty(self) -> bool:
        return any(
            (
                self.difficulty_understanding,
                self.difficulty_retaining,
                self.difficulty_using_or_weighing,
                self.difficulty_communicating,
            )
        )

    @property
    def advocate_duty_applies(self) -> bool:
        no_one = self.appropriate_individual != YES or self.individual_implicated
        return self.substantial_difficulty and no_one


@dataclass(frozen=True)
class ContactFacts:
    id: int
    contacted_on: datetime.date
    method: str
    outcome: str  # spoke, declined, no_answer, third_party, sent
    who_was_present: str
    seen_alone: str  # yes, tried, no, not_applicable
    coercion_indicators: tuple[str, ...]
    coercion_conclusion: str
    notes: str


@dataclass(frozen=True)
class RiskFacts:
    other_adults_at_risk: str
    children_at_risk: str
    public_at_risk: str
    source_trust_role: str
    source_has_contact_with_others_at_risk: str
    crime_may_have_been_committed: str
    police_decision: str
    police_decision_reason: str

    @property
    def others_at_risk(self) -> bool:
        return YES in (
            self.other_adults_at_risk,
            self.children_at_risk,
            self.public_at_risk,
            self.source_has_contact_with_others_at_risk,
        )

    @property
    def source_in_position_of_trust(self) -> bool:
        return self.source_trust_role in TRUST_ROLES


@dataclass(frozen=True)
class RiskActionFacts:
    kind: str
    done_on: datetime.date


@dataclass(frozen=True)
class OverrideFacts:
    id: int
    kind: str
    legal_basis: str
    rationale: str
    decided_by: str
    decided_on: datetime.date
    person_told: bool | None
    person_told_on: datetime.date | None
    not_told_reason: str
    cosigned: bool


@dataclass(frozen=True)
class PlanFacts:
    person_involvement: str
    pace: str


@dataclass(frozen=True)
class PlanActionFacts:
    id: int
    owner_kind: str
    status: str


@dataclass(frozen=True)
class SelfNeglectFacts:
    background_and_history: str
    trusted_person: str


@dataclass(frozen=True)
class ClutterFacts:
    room: str
    rating: int
    rated_on: datetime.date


@dataclass(frozen=True)
class FeedbackFacts:
    concern_id: int
    given_on: datetime.date
    what_was_said: str


@dataclass(frozen=True)
class EscalationFacts:
    raised_on: datetime.date
    resolved_on: datetime.date | None


@dataclass(frozen=True)
class DeathFacts:
    date_of_death: datetime.date
    others_remain_at_risk: str
    sar_criteria_may_be_met: str
    sar_considerations: str


@dataclass(frozen=True)
class InvolvementFacts:
    person_told: str = ""  # yes, no_risk, not_yet, ""
    not_told_reason: str = ""
    person_involvement: str = ""
    outcomes_not_asked_reason: str = ""
    options_explained: str = ""
    reasons_for_declining: str = ""
    referrer_part: tuple[str, ...] = ()  # ReferrerPart codes
    referrer_part_details: str = ""
    pattern_review: str = ""


@dataclass(frozen=True)
class NoteFacts:
    recorded_on: datetime.date
    text: str


@dataclass(frozen=True)
class LetterFacts:
    """A letter kept with the case (msp/letters): its words, as drafted or sent."""

    text: str
    sent: bool


@dataclass(frozen=True)
class CaseSnapshot:
    case: CaseFacts
    person: PersonFacts
    concerns: tuple[ConcernFacts, ...] = ()
    decision: DecisionFacts | None = None  # the latest
    outcomes: tuple[OutcomeFacts, ...] = ()
    latest_closure: ClosureFacts | None = None
    proposed_closure: ProposedClosure | None = None
    capacity_assessments: tuple[CapacityFacts, ...] = ()
    best_interests: tuple[BestInterestsFacts, ...] = ()
    restrictions: tuple[RestrictionFacts, ...] = ()
    advocacy: tuple[AdvocacyFacts, ...] = ()
    contacts: tuple[ContactFacts, ...] = ()
    risk: RiskFacts | None = None
    risk_actions: tuple[RiskActionFacts, ...] = ()
    overrides: tuple[OverrideFacts, ...] = ()
    plan: PlanFacts | None = None
    plan_actions: tuple[PlanActionFacts, ...] = ()
    self_neglect: SelfNeglectFacts | None = None
    clutter_ratings: tuple[ClutterFacts, ...] = ()
    feedback: tuple[FeedbackFacts, ...] = ()
    escalations: tuple[EscalationFacts, ...] = ()
    death: DeathFacts | None = None
    involvement: InvolvementFacts = InvolvementFacts()
    notes: tuple[NoteFacts, ...] = ()
    letters: tuple[LetterFacts, ...] = ()
    # Dates of concerns about the same person in their other cases, within the
    # configured window before this case's latest concern.
    other_concern_dates: tuple[datetime.date, ...] = ()

    @property
    def closure(self) -> ClosureFacts | None:
        """The closure being judged: the one proposed, else the case's own
        closure while it is closed (a reopened case has none)."""
        if self.proposed_closure is not None:
            return self.proposed_closure
        if self.case.state == STATE_CLOSED:
            return self.latest_closure
        return None

    @property
    def at_closure(self) -> bool:
        """Closing is under way, proposed, or done."""
        return self.closure is not None or self.case.state == STATE_CLOSING

    @property
    def enquiry_under_way(self) -> bool:
        return self.case.enquiry_under_way

    @property
    def had_enquiry(self) -> bool:
        return bool(self.case.enquiry_type)

    @property
    def capacity_lacking(self) -> bool:
        """An assessment found the person lacks capacity for a decision, or the
        closure says they lacked capacity."""
        closure = self.closure
        return any(a.finds_lack for a in self.capacity_assessments) or (
            closure is not None and closure.lacked_capacity == YES
        )

    @property
    def all_abuse_types(self) -> frozenset[str]:
        return frozenset(t for c in self.concerns for t in c.abuse_types)
