"""The shapes of the demo scenarios. Plain frozen dataclasses, so the scenario
modules read as data. The parts of the record kept during a case (contacts,
capacity, risk, the plan ...) are in ``records.py``."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from msp.cases.models import CaseState
from msp.concerns.codes import DecisionResult, RaisedVia, YesNoUnknown
from msp.demo.records import Record
from msp.people.codes import ContactSafety

SAFE = ContactSafety.SAFE.value
NOT_SAFE = ContactSafety.NOT_SAFE.value
UNKNOWN = ContactSafety.UNKNOWN.value

GOOD = "good"
POOR = "poor"


class DemoScenarioError(ValueError):
    """A scenario cannot be carried out as written: the load stops, naming it."""


@dataclass(frozen=True)
class PersonSpec:
    """An adult. ``key`` links cases to the person; the loader adds the NHS
    number, date of birth, address and phone from the seeded generator."""

    key: str
    given_name: str
    family_name: str
    gender: str
    age: int
    ethnicity: str
    support: str
    team: str  # a key of accounts.TEAMS
    preferred_name: str = ""
    communication_needs: str = ""
    safe_to_phone: str = SAFE
    safe_to_write: str = SAFE
    safe_to_leave_message: str = UNKNOWN
    do_not_tell: str = ""
    care_setting: str = ""  # a key of places.CARE_SETTINGS: lives there, not at home
    has_email: bool = False
    has_nhs_number: bool = True


@dataclass(frozen=True)
class Referrer:
    via: str = RaisedVia.STAFF.value
    name: str = ""
    role: str = ""
    organisation: str = ""
    relationship: str = ""
    contact: str = ""
    anonymous: bool = False
    confidential: bool = False


@dataclass(frozen=True)
class Decision:
    result: str
    needs: str
    at_risk: str
    protect: str
    needs_answer: str = YesNoUnknown.YES.value
    at_risk_answer: str = YesNoUnknown.YES.value
    protect_answer: str = YesNoUnknown.YES.value
    response: str = ""
    response_details: str = ""

    @property
    def makes_enquiry(self) -> bool:
        return self.result != DecisionResult.NONE


@dataclass(frozen=True)
class Revision:
    text: str
    reason: str


@dataclass(frozen=True)
class Outcome:
    """A desired outcome. An empty ``representative`` means the person's own words."""

    text: str
    achievement: str = ""
    person_view: str = ""
    representative: str = ""
    relationship: str = ""
    revisions: tuple[Revision, ...] = ()


@dataclass(frozen=True)
class ClosureSpec:
    """How the case closes. ``overrides`` are the legal duties the practice
    guard will find unmet, each with the manager's reason for closing all the
    same ({check id: reason}); the loader refuses to close a case the guard
    blocks, and refuses an override the guard did not need."""

    reason: str
    details: str = ""
    action_result: str = ""
    risk_outcome: str = ""
    msp_asked: str = ""
    lacked_capacity: str = ""
    capacity_support: bool | None = None
    open_door: str = ""
    overrides: Mapping[str, str] = field(default_factory=dict)
    # Blank: an independent survey follows where the person was asked about
    # outcomes, else they were not asked (the scenarios predate the question).
    experience_asked: str = ""


@dataclass(frozen=True)
class Reopening:
    """A closed case reopened; it may then run on to a second closure."""

    reason: str
    state: str = CaseState.TRIAGE.value  # where the case ends up
    decision: Decision | None = None
    outcomes: tuple[Outcome, ...] = ()
    closure: ClosureSpec | None = None


@dataclass(frozen=True)
class CaseSpec:
    """One case. ``state`` is where it ends up; the steps to get there are the
    ordinary workflow. ``myth`` and ``practice`` say which myth in
    docs myths.md the case illustrates, handled well ("good") or badly ("poor")."""

    key: str
    person: str
    state: str  # before any reopening; see final_state
    referrer: Referrer
    what_happened: str
    abuse_types: tuple[str, ...]
    location: str
    sources: tuple[str, ...]
    team: str = ""  # defaults to the person's team
    myth: str = ""
    practice: str = ""
    shows: str = ""  # what the scenario is meant to show, for reviewers
    immediate_actions: str = ""
    person_aware: str = YesNoUnknown.YES.value
    person_wishes: str = ""
    decision: Decision | None = None
    outcomes: tuple[Outcome, ...] = ()
    closure: ClosureSpec | None = None
    reopening: Reopening | None = None
    months_ago: float = 0.0  # roughly when it was raised; 0 lets the loader choose
    tags: tuple[str, ...] = field(default=())
    # The record kept during the case, in order within each stage. Records
    # marked ``second`` belong to the episode after the reopening.
    records: tuple[Record, ...] = ()

    @property
    def final_state(self) -> str:
        """Where the case ends up, after any reopening."""
        return self.reopening.state if self.reopening else self.state
