"""The parts of a demo case's record kept during the case: contacts, capacity,
best interests, advocacy, risk, overrides, the plan, self-neglect, the person
who raised the concern, death, involvement and notes.

Each class is one call of an action function in ``msp.enquiries.actions``, and
its fields are that function's keyword arguments, except:

- dates are not given: the loader uses the day the step happens, and fields
  such as ``due_in`` say how many days after that day something falls;
- names of the worker doing something (``assessor_name``, ``done_by`` ...)
  default to the name of the demo account that records it;
- ``stage`` says where in the case's timeline the record is made, ``after``
  how many days after the step before it (fewest, most), ``by`` who records
  it (the case's worker, its team's manager, or the safeguarding lead), and
  ``second`` that it belongs to the case's second episode, after a reopening.

Plain frozen dataclasses, so a scenario reads as data and ``build_plan`` stays
pure."""

from dataclasses import dataclass
from typing import ClassVar

# Where in a case's timeline a record is made (see data.py).
RAISED = "raised"  # after the concern is raised, before triage
TRIAGE = "triage"  # during triage, before the decision
START = "start"  # after the decision (and the start of any enquiry), before outcomes
DURING = "during"  # after the desired outcomes are recorded, before they are revisited
LATE = "late"  # after the outcomes are revisited, before closing starts
CLOSING = "closing"  # after closing starts, before the case closes
STAGES = (RAISED, TRIAGE, START, DURING, LATE, CLOSING)

# Days after the step before, by stage, unless a record says otherwise.
DEFAULT_GAPS = {
    RAISED: (0, 1),
    TRIAGE: (0, 2),
    START: (1, 3),
    DURING: (2, 6),
    LATE: (3, 9),
    CLOSING: (0, 2),
}

# Who records it.
WORKER = "worker"
MANAGER = "manager"
LEAD = "lead"

# Answers
YES, NO, NOT_KNOWN = "yes", "no", "unknown"


# Records that usually follow straight on from the one before (the actions
# taken after a risk assessment, the actions of a plan, the rooms rated on one
# visit).
FOLLOW_ON_GAP = (0, 1)


@dataclass(frozen=True, kw_only=True)
class Record:
    stage: str = START
    after: tuple[int, int] | None = None
    by: str = WORKER
    second: bool = False

    follows_on: ClassVar[bool] = False

    @property
    def gap(self) -> tuple[int, int]:
        if self.after is not None:
            return self.after
        return FOLLOW_ON_GAP if self.follows_on else DEFAULT_GAPS[self.stage]


@dataclass(frozen=True)
class Part:
    """One part of the functional test of capacity: able or unable, and why."""

    ability: str  # "able" or "unable"
    evidence: str


def able(evidence: str) -> Part:
    return Part("able", evidence)


def unable(evidence: str) -> Part:
    return Part("unable", evidence)


@dataclass(frozen=True, kw_only=True)
class Contact(Record):
    method: str  # ContactMethod
    outcome: str = "spoke"  # ContactOutcome
    who_was_present: str = "No one else"
    seen_alone: str = "yes"  # SeenAlone
    coercion_indicators: tuple[str, ...] = ()
    coercion_conclusion: str = ""
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class Capacity(Record):
    decision: str
    support_given: str
    understand: Part
    retain: Part
    use_or_weigh: Part
    communicate: Part
    impairment: str  # yes, no, unknown
    impairment_evidence: str = ""
    executive_function: str = ""
    reassess_in: int | None = None  # days
    assessor_name: str = ""


@dataclass(frozen=True)
class Consultee:
    name: str
    role: str  # ConsulteeRole
    views: str


@dataclass(frozen=True, kw_only=True)
class BestInterests(Record):
    """Linked to the case's latest capacity assessment, if it has one."""

    decision: str
    past_wishes: str
    present_wishes: str
    consulted: tuple[Consultee, ...]
    less_restrictive_options: str
    outcome: str
    reasons: str
    beliefs_and_values: str = ""
    decision_maker: str = ""


DIFFICULTIES = ("understanding", "retaining", "using_or_weighing", "communicating")


@dataclass(frozen=True, kw_only=True)
class Advocacy(Record):
    """The section 68 test. ``difficulties`` names the parts, from
    ``DIFFICULTIES``, the person would have substantial difficulty with."""

    result: str  # AdvocacyResult
    difficulties: tuple[str, ...] = ()
    appropriate_individual: str = NO
    appropriate_individual_name: str = ""
    individual_implicated: bool = False
    advocate_name: str = ""
    reason: str = ""
    imca_details: str = ""  # an IMCA was instructed when given


@dataclass(frozen=True, kw_only=True)
class Risk(Record):
    """Creates the case's risk assessment, or replaces what it says."""

    risk_to_person: str
    other_adults_at_risk: str = NO
    children_at_risk: str = NO
    public_at_risk: str = NO
    risk_to_others: str = ""
    source_trust_role: str = "none"  # TrustRole
    source_has_contact_with_others_at_risk: str = NO
    crime_may_have_been_committed: str = NO
    police_decision: str = ""  # PoliceDecision
    police_decision_reason: str = ""


@dataclass(frozen=True, kw_only=True)
class RiskAction(Record):
    follows_on: ClassVar[bool] = True

    kind: str  # RiskToOthersKind
    details: str
    done_by: str = ""


@dataclass(frozen=True, kw_only=True)
class Override(Record):
    """A decision against someone's wishes. The co-signer is the manager of the
    case's team; ``Cosign`` records their confirmation."""

    kind: str  # OverrideKind
    ground: str  # OverrideGround
    legal_basis: str
    rationale: str
    decided_by: str
    person_told: bool
    advised_by: str = ""
    shared_what: str = ""
    shared_with: str = ""
    not_told_reason: str = ""


@dataclass(frozen=True, kw_only=True)
class Cosign(Record):
    """The team manager co-signs the case's ``override``-th override (0 is the first)."""

    follows_on: ClassVar[bool] = True

    override: int = 0
    by: str = MANAGER


@dataclass(frozen=True, kw_only=True)
class Plan(Record):
    """Creates the safeguarding plan, or replaces what it says."""

    person_involvement: str
    pace: str = ""
    review_in: int | None = None  # days


@dataclass(frozen=True, kw_only=True)
class PlanAction(Record):
    """``due_in`` days after the day it is added. ``outcome`` is the index of
    the desired outcome it serves, if any."""

    follows_on: ClassVar[bool] = True

    description: str
    owner_kind: str  # OwnerKind
    due_in: int
    owner_name: str = ""
    status: str = "not_started"  # ActionStatus
    outcome: int | None = None


@dataclass(frozen=True, kw_only=True)
class PlanActionUpdate(Record):
    """A new status for the case's ``action``-th plan action (0 is the first)."""

    action: int
    status: str


@dataclass(frozen=True, kw_only=True)
class SelfNeglect(Record):
    background_and_history: str
    trusted_person: str = ""


@dataclass(frozen=True, kw_only=True)
class Clutter(Record):
    follows_on: ClassVar[bool] = True

    room: str
    rating: int


@dataclass(frozen=True, kw_only=True)
class Feedback(Record):
    """Feedback to whoever raised the case's concern."""

    what_was_said: str
    limited_by_consent: bool = False


@dataclass(frozen=True, kw_only=True)
class Escalation(Record):
    details: str


@dataclass(frozen=True, kw_only=True)
class EscalationResolved(Record):
    """Resolves the case's ``escalation``-th escalation (0 is the first)."""

    resolution: str
    escalation: int = 0


@dataclass(frozen=True, kw_only=True)
class Death(Record):
    """The person died ``days_before`` days before the day it is recorded. When
    the review criteria may be met, the case was referred to the board that day."""

    others_remain_at_risk: str
    sar_criteria_may_be_met: str
    sar_considerations: str
    days_before: int = 1


@dataclass(frozen=True, kw_only=True)
class Involvement(Record):
    """Creates the involvement record; later ones change only the fields they give."""

    person_told: str = ""  # PersonTold
    not_told_reason: str = ""
    person_involvement: str = ""
    outcomes_not_asked_reason: str = ""
    options_explained: str = ""
    reasons_for_declining: str = ""
    referrer_part: tuple[str, ...] = ()  # ReferrerPart
    referrer_part_details: str = ""
    pattern_review: str = ""


@dataclass(frozen=True, kw_only=True)
class Note(Record):
    text: str


# Records that refer back to an earlier one: (class, the earlier class, field).
REFERS_BACK: tuple[tuple[type[Record], type[Record], str], ...] = (
    (Cosign, Override, "override"),
    (PlanActionUpdate, PlanAction, "action"),
    (EscalationResolved, Escalation, "escalation"),
)
