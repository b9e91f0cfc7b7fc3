"""Risk to the person and to others, actions to protect others, decisions that
override someone's wishes, and the person's death."""

import datetime

from ninja import Field

from msp.api.schemas.common import NAME, RecordOut, UserRef, singleton_version, text
from msp.api.types import MAX_ID, MAX_TEXT, InputSchema, IsoDate, Version, codes, optional
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.overrides import OverrideGround, OverrideKind
from msp.enquiries.models.risk import PoliceDecision, RiskToOthersKind, TrustRole

ANSWER = codes(YesNoUnknown)

# --- The risk assessment ------------------------------------------------------------


class RiskAssessmentIn(InputSchema):
    """Send the fields to set. Fields you leave out keep their values (when
    creating, they start blank, and the required ones must be sent)."""

    version: Version | None = singleton_version()
    risk_to_person: str = optional(max_length=MAX_TEXT, description="Required")
    other_adults_at_risk: YesNoUnknown = optional(description="Required. " + ANSWER)
    children_at_risk: YesNoUnknown = optional(description="Required. " + ANSWER)
    public_at_risk: YesNoUnknown = optional(description="Required. " + ANSWER)
    risk_to_others: str = optional(max_length=MAX_TEXT)
    source_trust_role: TrustRole = optional(
        description="Required: is the source of risk in a position of trust? " + codes(TrustRole)
    )
    source_has_contact_with_others_at_risk: YesNoUnknown = optional(
        description="Required: does the source of risk have contact with other adults at risk "
        "or children? " + ANSWER
    )
    crime_may_have_been_committed: YesNoUnknown = optional(description="Required. " + ANSWER)
    police_decision: PoliceDecision | None = optional(
        description="Required when a crime may have been committed. " + codes(PoliceDecision)
    )
    police_decision_reason: str = optional(
        max_length=MAX_TEXT, description="Required when a crime may have been committed"
    )


class RiskAssessmentOut(RecordOut):
    risk_to_person: str
    other_adults_at_risk: YesNoUnknown
    children_at_risk: YesNoUnknown
    public_at_risk: YesNoUnknown
    risk_to_others: str
    source_trust_role: TrustRole
    source_has_contact_with_others_at_risk: YesNoUnknown
    crime_may_have_been_committed: YesNoUnknown
    police_decision: PoliceDecision | None
    police_decision_reason: str
    others_at_risk: bool = Field(
        description="Other adults, children or the public are at risk, or the source of risk "
        "has contact with others at risk"
    )
    source_in_position_of_trust: bool


# --- Actions to protect others --------------------------------------------------------


class RiskActionIn(InputSchema):
    kind: RiskToOthersKind = Field(description=codes(RiskToOthersKind))
    details: str = text()
    done_on: IsoDate
    done_by: str = Field(max_length=NAME)


class RiskActionOut(RecordOut):
    kind: RiskToOthersKind
    details: str
    done_on: datetime.date
    done_by: str


# --- Overrides ------------------------------------------------------------------------


class OverrideIn(InputSchema):
    """Action against someone's wishes, or information shared without consent."""

    kind: OverrideKind = Field(description=codes(OverrideKind))
    ground: OverrideGround = Field(description=codes(OverrideGround))
    legal_basis: str = text()
    rationale: str = text(description="Why")
    decided_by: str = Field(max_length=NAME)
    advised_by: str = Field("", max_length=NAME)
    decided_on: IsoDate
    shared_what: str = text("", description="Required when kind is `shared_without_consent`")
    shared_with: str = text("", description="Required when kind is `shared_without_consent`")
    shared_on: IsoDate | None = Field(
        None, description="Required when kind is `shared_without_consent`"
    )
    person_told: bool | None = Field(None, description="Required: was the person told?")
    person_told_on: IsoDate | None = Field(None, description="Required when told")
    not_told_reason: str = text("", description="Required when not told")
    cosigner_id: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="Required: the team manager or safeguarding lead, other than you, who "
        "will co-sign the decision",
    )


class OverrideOut(RecordOut):
    kind: OverrideKind
    ground: OverrideGround
    legal_basis: str
    rationale: str
    decided_by: str
    advised_by: str
    decided_on: datetime.date
    shared_what: str
    shared_with: str
    shared_on: datetime.date | None
    person_told: bool | None
    person_told_on: datetime.date | None
    not_told_reason: str
    cosigner: UserRef = Field(description="Who was named to co-sign")
    cosigned_at: datetime.datetime | None
    cosigned: bool = Field(description="The named co-signer has confirmed the decision")


# --- Death ------------------------------------------------------------------------------


class DeathIn(InputSchema):
    """Send the fields to set. Fields you leave out keep their values (when
    creating, the required ones must be sent). The date of death is also
    recorded on the person."""

    version: Version | None = singleton_version()
    date_of_death: IsoDate = optional(description="Required")
    others_remain_at_risk: YesNoUnknown = optional(
        description="May follow later (the guard asks for it). " + ANSWER
    )
    sar_criteria_may_be_met: YesNoUnknown = optional(
        description="May the Safeguarding Adults Review criteria be met? May follow later. "
        + ANSWER
    )
    sar_considerations: str = optional(
        max_length=MAX_TEXT,
        description="How the review criteria were considered. May follow later.",
    )
    sar_referred_on: IsoDate | None = optional(
        description="Required when sar_criteria_may_be_met is `yes`"
    )


class DeathOut(RecordOut):
    date_of_death: datetime.date
    others_remain_at_risk: YesNoUnknown | None = Field(description="Null until answered")
    sar_criteria_may_be_met: YesNoUnknown | None = Field(description="Null until answered")
    sar_considerations: str
    sar_referred_on: datetime.date | None
