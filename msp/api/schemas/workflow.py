"""Request bodies for raising concerns and moving cases through the workflow.
Every change carries the ``version`` of the record it was based on."""

from typing import Annotated

from ninja import Field
from pydantic import AliasChoices, StringConstraints

from msp.api.types import MAX_ID, MAX_TEXT, InputSchema, IsoDate, Version, codes
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

NAME = 200  # the length of the name-like concern fields


class ConcernDetailsIn(InputSchema):
    raised_on: IsoDate = Field(description="Date the concern was raised; not in the future")
    raised_via: RaisedVia = Field(description=codes(RaisedVia))
    referrer_anonymous: bool = False
    referrer_confidential: bool = False
    referrer_name: str = Field(
        "",
        max_length=NAME,
        description=(
            "Required unless anonymous, raised by council staff, or raised by the person "
            "themselves (`raised_via` `self`: leave it out; the referrer is filled from the "
            "person's record, and any name, role or organisation given is replaced)"
        ),
    )
    referrer_job_title: str = Field(
        "",
        max_length=NAME,
        # The old name is accepted until the next API version (deprecated).
        validation_alias=AliasChoices("referrer_job_title", "referrer_role"),
        description="Their role or job title. Until API v2 the old name `referrer_role` is "
        "also accepted (deprecated)",
    )
    referrer_organisation: str = Field("", max_length=NAME)
    referrer_contact: str = Field("", max_length=300)
    referrer_relationship: str = Field("", max_length=NAME)
    what_happened: str
    abuse_types: list[AbuseType] = Field(min_length=1, description=codes(AbuseType))
    location_of_risk: LocationOfRisk = Field(description=codes(LocationOfRisk))
    sources_of_risk: list[SourceOfRisk] = Field(min_length=1, description=codes(SourceOfRisk))
    immediate_safety_actions: str = ""
    person_aware: YesNoUnknown = YesNoUnknown.UNKNOWN
    person_wishes: str = ""


class ConcernIn(ConcernDetailsIn):
    team_id: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description=(
            "The team that will triage the concern. Defaults to your team; "
            "safeguarding leads, who have no team, must give one."
        ),
    )


class DecisionIn(InputSchema):
    version: Version
    decided_on: IsoDate | None = Field(
        None,
        description="The day the decision was made, if earlier than today (recorded after "
        "the event): not in the future, not before the case's first concern. "
        "It is recorded now; the audit log keeps both.",
    )
    has_care_and_support_needs: YesNoUnknown
    care_and_support_needs_evidence: str
    experiencing_or_at_risk: YesNoUnknown
    experiencing_or_at_risk_evidence: str
    unable_to_protect_self: YesNoUnknown
    unable_to_protect_self_evidence: str
    result: DecisionResult = Field(
        description=codes(DecisionResult)
        + ". A section 42 enquiry needs 'yes' to all three criteria, and must be chosen "
        "when all three are 'yes'."
    )
    proportionate_response: ProportionateResponse | None = Field(
        None, description="Required when the result is `none`. " + codes(ProportionateResponse)
    )
    response_details: str = ""


class EnquiryIn(InputSchema):
    version: Version
    started_on: IsoDate | None = Field(
        None,
        description="The day the enquiry started, if earlier than today (recorded after "
        "the event): not in the future, not before the case's first concern. "
        "It is recorded now; the audit log keeps both.",
    )
    lead_worker_id: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description=(
            "Who leads the enquiry. Defaults to the case's allocated worker. Naming someone "
            "else allocates the case to them (team managers and safeguarding leads only). "
            "An unallocated case must be allocated first, unless the council's policy is "
            "that whoever starts the enquiry takes the case."
        ),
    )


class AllocationIn(InputSchema):
    version: Version
    worker_id: int = Field(
        ge=1, le=MAX_ID, description="The practitioner, manager or lead to allocate the case to"
    )
    reason: str = Field("", max_length=1000, description="Why, shown in the chronology")


class OutcomeIn(InputSchema):
    version: Version = Field(description="The case's version")
    text: str = Field(description="What the person wants to happen, in their own words")
    whose_words: WhoseWords = Field(description=codes(WhoseWords))
    representative_name: str = Field(
        "", max_length=200, description="Required when whose_words is `representative`"
    )
    representative_relationship: str = Field("", max_length=200)


class RevisionIn(InputSchema):
    version: Version = Field(description="The outcome's version")
    text: str
    whose_words: WhoseWords = Field(description=codes(WhoseWords))
    representative_name: str = Field("", max_length=200)
    representative_relationship: str = Field("", max_length=200)
    reason: str = Field(description="Why the outcome changed, or what was discussed")


class RatingIn(InputSchema):
    version: Version = Field(description="The outcome's version")
    achievement: Achievement = Field(description=codes(Achievement))
    person_view: str = ""


class ReasonIn(InputSchema):
    version: Version
    reason: str = ""


class ReopenIn(ConcernDetailsIn):
    """Why the case is reopened, and the new concern it is reopened from."""

    version: Version
    reason: str = Field(description="Why the case is being reopened")


class AddConcernIn(ConcernDetailsIn):
    """A repeat concern about the person, added to their open case."""

    version: Version


CheckId = Annotated[str, StringConstraints(pattern=r"^M[0-9]{1,2}\.[a-z]$")]
OverrideReason = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class ClosureIn(InputSchema):
    """The enquiry fields (action_result to capacity_support) are required when the
    case had an enquiry.

    Closing runs the practice guard. While a legal duty (a DUTY finding) is not
    shown as met, closing is refused with 409 and the findings, unless a team
    manager or safeguarding lead overrides each failing duty in `duty_overrides`
    with the reason the case can close all the same."""

    version: Version
    closed_on: IsoDate | None = Field(
        None,
        description="The day the case was closed, if earlier than today (recorded after "
        "the event): not in the future, not before the case's first concern. "
        "It is recorded now; the audit log keeps both.",
    )
    reason: ClosureReason = Field(description=codes(ClosureReason))
    reason_details: str = Field("", description="Required when the reason is `other`")
    action_result: ActionResult | None = Field(None, description=codes(ActionResult))
    risk_outcome: RiskOutcome | None = Field(
        None, description="Required when action_result is `risk_action`. " + codes(RiskOutcome)
    )
    msp_asked: MspAsked | None = Field(
        None, description="Was the person asked what outcomes they wanted? " + codes(MspAsked)
    )
    experience_asked: ExperienceAsked | None = Field(
        None,
        description="Was the person asked about their experience of safeguarding (the outcome "
        "survey's questions)? Optional. " + codes(ExperienceAsked),
    )
    lacked_capacity: LackedCapacity | None = Field(None, description=codes(LackedCapacity))
    capacity_support: bool | None = Field(
        None, description="Required when lacked_capacity is `yes`"
    )
    open_door: str = Field(
        "",
        max_length=MAX_TEXT,
        description="How the person can come back to us if they want help later",
    )
    duty_overrides: dict[CheckId, OverrideReason] | None = Field(
        None,
        max_length=20,
        description=(
            "Team managers and safeguarding leads only: for each failing DUTY check to "
            'override, its id and the reason the case can close all the same, as {"M4.a": '
            '"reason"}. Overrides of checks that pass are ignored.'
        ),
    )
