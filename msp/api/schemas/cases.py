import datetime
from typing import Literal, get_args

from ninja import Field, Schema

from msp.api.schemas.common import PageIn, TeamRef, UserRef
from msp.api.schemas.findings import FindingOut
from msp.api.schemas.people import PersonSummary
from msp.api.types import MAX_ID, codes
from msp.cases.models import CaseState, EnquiryType
from msp.cases.workflow import TRANSITIONS
from msp.concerns.codes import (
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    SourceOfRisk,
    YesNoUnknown,
)
from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)

# The workflow actions, as named in msp.cases.workflow.TRANSITIONS.
ActionName = Literal[
    "start_triage",
    "record_decision",
    "start_enquiry",
    "add_outcome",
    "revise_outcome",
    "start_closing",
    "rate_outcome",
    "return_to_enquiry",
    "close_case",
    "reopen_case",
    "allocate",
    "add_concern",
]
assert set(get_args(ActionName)) == set(TRANSITIONS), "ActionName must match TRANSITIONS"


class CaseQuery(PageIn):
    state: CaseState | None = Field(None, description=codes(CaseState))
    team: int | None = Field(None, ge=1, le=MAX_ID, description="Team id")


class CaseSummary(Schema):
    id: int
    reference: str
    state: CaseState
    state_label: str
    enquiry_type: EnquiryType | None
    person: PersonSummary
    team: TeamRef
    lead_worker: UserRef | None
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    version: int


class RestrictedCaseRef(Schema):
    id: int
    reference: str
    restricted: bool = True


class CasePage(Schema):
    count: int = Field(description="How many cases up to the end of this page (never a total)")
    more: bool = Field(description="Whether more cases (or restricted references) follow")
    next: str | None = Field(description="The link to the next page, or null on the last")
    limit: int
    offset: int
    items: list[CaseSummary]
    restricted: list[RestrictedCaseRef] = Field(
        default_factory=list,
        description="Cases matching the filters that are restricted to named people you "
        "are not one of: their reference only, paged with the same limit and offset. "
        "Opening one gives 403.",
    )


class ConcernOut(Schema):
    id: int
    raised_on: datetime.date
    received_at: datetime.datetime
    raised_via: RaisedVia
    raised_by: UserRef | None
    referrer_anonymous: bool
    referrer_confidential: bool = Field(
        description=(
            "The referrer's identity must be kept from the person and the source of risk. "
            "Only team managers and safeguarding leads see it: for others the referrer's "
            "details are empty and 'referrer' says it is confidential"
        )
    )
    referrer: str = Field(description="Who raised it, or 'Anonymous'")
    referrer_name: str
    referrer_job_title: str
    referrer_organisation: str
    referrer_contact: str
    referrer_relationship: str
    what_happened: str
    abuse_types: list[AbuseType]
    location_of_risk: LocationOfRisk
    sources_of_risk: list[SourceOfRisk]
    immediate_safety_actions: str
    person_aware: YesNoUnknown
    person_wishes: str


class DecisionOut(Schema):
    id: int
    has_care_and_support_needs: YesNoUnknown
    care_and_support_needs_evidence: str
    experiencing_or_at_risk: YesNoUnknown
    experiencing_or_at_risk_evidence: str
    unable_to_protect_self: YesNoUnknown
    unable_to_protect_self_evidence: str
    result: DecisionResult
    proportionate_response: ProportionateResponse | None
    response_details: str
    decided_at: datetime.datetime
    decided_by: UserRef


class RevisionOut(Schema):
    number: int
    text: str
    whose_words: WhoseWords
    whose_words_display: str
    representative_name: str
    representative_relationship: str
    reason: str = Field(description="Why it changed (blank for the first revision)")
    recorded_at: datetime.datetime
    recorded_by: UserRef


class OutcomeOut(Schema):
    id: int
    case_id: int
    case_version: int = Field(description="The case's version, for the next case action")
    current: RevisionOut = Field(description="The outcome's current words")
    revision_count: int
    achievement: Achievement | None = Field(description="How far it was achieved, at closure")
    person_view: str
    rated_at: datetime.datetime | None
    rated_by: UserRef | None
    version: int = Field(description="The outcome's version, for revising or rating it")


class ClosureOut(Schema):
    id: int
    closed_at: datetime.datetime
    closed_by: UserRef
    reason: ClosureReason
    reason_details: str
    action_result: ActionResult | None
    risk_outcome: RiskOutcome | None
    msp_asked: MspAsked | None
    experience_asked: ExperienceAsked | None
    lacked_capacity: LackedCapacity | None
    capacity_support: bool | None


class CaseDetail(CaseSummary):
    enquiry_started_at: datetime.datetime | None
    concerns: list[ConcernOut]
    decisions: list[DecisionOut]
    desired_outcomes: list[OutcomeOut]
    closures: list[ClosureOut]
    can_change: bool = Field(description="Whether you may change this case")
    allowed_actions: list[ActionName] = Field(
        description="The workflow actions you may take on the case now"
    )
    findings: list[FindingOut] = Field(
        description="The practice guard's open questions about the record, in check-id order. "
        "DUTY findings block closure unless a manager overrides them with a reason."
    )


class ChronologyDetail(Schema):
    label: str
    value: str


class ChronologyEntry(Schema):
    at: datetime.datetime
    action: str
    title: str
    by: str
    details: list[ChronologyDetail]
    reason: str
