"""The parts of the record about the person's rights and voice: capacity,
best interests, advocacy, contacts (with coercion and control), involvement
and notes. Every record part carries who recorded it and its ``version``."""

import datetime

from ninja import Field, Schema
from pydantic import AliasChoices

from msp.api.schemas.common import NAME, RecordOut, singleton_version, text
from msp.api.types import MAX_ID, MAX_TEXT, InputSchema, IsoDate, Version, codes, optional
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.advocacy import AdvocacyResult
from msp.enquiries.models.best_interests import ConsulteeRole
from msp.enquiries.models.capacity import Ability
from msp.enquiries.models.contacts import (
    CoercionIndicator,
    ContactMethod,
    ContactOutcome,
    SeenAlone,
)
from msp.enquiries.models.involvement import PersonTold, ReferrerPart
from msp.enquiries.models.restrictions import RestrictionBasis, RestrictionKind

# --- Capacity ---------------------------------------------------------------------

ABILITY = codes(Ability)


class CapacityIn(InputSchema):
    decision: str = text(description="The one decision the person needs to make")
    assessed_on: IsoDate = Field(description="Not in the future, nor before the concern")
    assessor_name: str = Field(max_length=NAME)
    support_given: str = text(description="What was done to help the person decide")
    understand: Ability = Field(description=ABILITY)
    understand_evidence: str = text()
    retain: Ability = Field(description=ABILITY)
    retain_evidence: str = text()
    use_or_weigh: Ability = Field(description=ABILITY)
    use_or_weigh_evidence: str = text()
    communicate: Ability = Field(description=ABILITY)
    communicate_evidence: str = text()
    impairment: YesNoUnknown = Field(
        description="Is there an impairment of, or a disturbance in the functioning of, the "
        "mind or brain? " + codes(YesNoUnknown)
    )
    impairment_evidence: str = text(
        "", description="Required when the person is `unable` in any part of the test"
    )
    executive_function: str = text("", description="Can the person carry out what they decide?")
    reassess_on: IsoDate | None = Field(None, description="After the assessment")


class CapacityOut(RecordOut):
    decision: str
    assessed_on: datetime.date
    assessor_name: str
    support_given: str
    understand: Ability
    understand_evidence: str
    retain: Ability
    retain_evidence: str
    use_or_weigh: Ability
    use_or_weigh_evidence: str
    communicate: Ability
    communicate_evidence: str
    impairment: YesNoUnknown
    impairment_evidence: str
    executive_function: str
    reassess_on: datetime.date | None
    lacks_capacity: bool = Field(
        description="The person lacks capacity for this decision: unable in some part of the "
        "functional test, because of an impairment of the mind or brain"
    )


# --- Best interests ---------------------------------------------------------------


class ConsulteeIn(InputSchema):
    name: str = Field(max_length=NAME)
    role: ConsulteeRole = Field(description=codes(ConsulteeRole))
    views: str = text(description="What they said the person would want")


class ConsulteeOut(Schema):
    name: str
    role: ConsulteeRole
    views: str


class BestInterestsIn(InputSchema):
    capacity_assessment_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="The capacity assessment on this case it follows"
    )
    decision: str = text()
    past_wishes: str = text(description="The person's past wishes and feelings")
    present_wishes: str = text(description="The person's present wishes and feelings")
    beliefs_and_values: str = text("")
    consulted: list[ConsulteeIn] = Field(
        max_length=50, description="Everyone consulted: at least one"
    )
    less_restrictive_options: str = text()
    outcome: str = text(description="What was decided")
    reasons: str = text(description="Why it is in the person's best interests")
    decision_maker: str = Field(max_length=NAME)
    decided_on: IsoDate


class BestInterestsOut(RecordOut):
    capacity_assessment_id: int | None
    decision: str
    past_wishes: str
    present_wishes: str
    beliefs_and_values: str
    consulted: list[ConsulteeOut]
    less_restrictive_options: str
    outcome: str
    reasons: str
    decision_maker: str
    decided_on: datetime.date


# --- Restrictions and decisions made for the person -------------------------------


class RestrictionIn(InputSchema):
    """Something restricted or decided for the person by someone else. The
    practice guard asks that it rests on the person's agreement, a best-interests
    decision after a capacity assessment for this decision, or a named legal power."""

    kind: RestrictionKind = Field(description=codes(RestrictionKind))
    what: str = text(description="What was restricted or decided for the person")
    decided_by: str = Field(max_length=NAME, description="Who decided: name and role")
    decided_on: IsoDate
    basis: RestrictionBasis = Field(description=codes(RestrictionBasis))
    basis_details: str = text(
        "",
        description="The court order, section of the Act or legal power, or how the person "
        "agreed. Required for `court_order`, `mental_health_act` and `other_legal_power`",
    )
    capacity_assessment_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="The capacity assessment on this case it rests on"
    )
    best_interests_decision_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="The best-interests decision on this case it rests on"
    )
    review_on: IsoDate | None = Field(None, description="When it is to be reviewed")


class RestrictionOut(RecordOut):
    kind: RestrictionKind
    what: str
    decided_by: str
    decided_on: datetime.date
    basis: RestrictionBasis
    basis_details: str
    capacity_assessment_id: int | None
    best_interests_decision_id: int | None
    review_on: datetime.date | None


# --- Advocacy ---------------------------------------------------------------------

DIFFICULTY = "Would the person have substantial difficulty {}?"


class AdvocacyIn(InputSchema):
    """The Care Act section 68 test and its result."""

    assessed_on: IsoDate
    difficulty_understanding: bool = Field(
        description=DIFFICULTY.format("understanding the relevant information")
    )
    difficulty_retaining: bool = Field(description=DIFFICULTY.format("retaining the information"))
    difficulty_using_or_weighing: bool = Field(
        description=DIFFICULTY.format("using or weighing the information")
    )
    difficulty_communicating: bool = Field(
        description=DIFFICULTY.format("communicating their views, wishes and feelings")
    )
    appropriate_individual: YesNoUnknown = Field(
        description="Is there an appropriate person to support them? " + codes(YesNoUnknown)
    )
    appropriate_individual_name: str = Field(
        "", max_length=NAME, description="Required when appropriate_individual is `yes`"
    )
    individual_implicated: bool = Field(
        False, description="The appropriate person is implicated in the abuse or neglect"
    )
    result: AdvocacyResult = Field(
        description=codes(AdvocacyResult)
        + ". When the person has substantial difficulty and nobody appropriate to support "
        "them, an advocate must be arranged (or the person declined one)."
    )
    advocate_name: str = Field("", max_length=NAME, description="When an advocate was arranged")
    advocate_arranged_on: IsoDate | None = Field(None, description="When an advocate was arranged")
    reason: str = text("", description="Why no advocate: required unless one was arranged")
    imca_instructed: bool = Field(False, description="An IMCA was instructed")
    imca_details: str = text("", description="Who and when, if an IMCA was instructed")


class AdvocacyOut(RecordOut):
    assessed_on: datetime.date
    difficulty_understanding: bool
    difficulty_retaining: bool
    difficulty_using_or_weighing: bool
    difficulty_communicating: bool
    appropriate_individual: YesNoUnknown
    appropriate_individual_name: str
    individual_implicated: bool
    result: AdvocacyResult
    advocate_name: str
    advocate_arranged_on: datetime.date | None
    reason: str
    imca_instructed: bool
    imca_details: str
    substantial_difficulty: bool = Field(
        description="The person would have substantial difficulty in at least one way"
    )
    advocate_duty_applies: bool = Field(
        description="Substantial difficulty and nobody appropriate, and uninvolved, to "
        "support them: the duty to arrange an independent advocate applies"
    )


# --- Contacts ---------------------------------------------------------------------


class ContactIn(InputSchema):
    """A contact or attempt to contact the person."""

    contacted_on: IsoDate
    method: ContactMethod = Field(description=codes(ContactMethod))
    outcome: ContactOutcome = Field(description=codes(ContactOutcome))
    who_was_present: str = text(
        "", description="Required when someone was spoken to: who was there, or 'no one else'"
    )
    seen_alone: SeenAlone = Field(description=codes(SeenAlone))
    coercion_indicators: list[CoercionIndicator] = Field(
        [],
        max_length=20,
        description="Signs of coercion or control seen. " + codes(CoercionIndicator),
    )
    coercion_conclusion: str = text(
        "", description="What you concluded about coercion, control or undue influence"
    )
    notes: str = text("")


class ContactOut(RecordOut):
    contacted_on: datetime.date
    method: ContactMethod
    outcome: ContactOutcome
    who_was_present: str
    seen_alone: SeenAlone
    coercion_indicators: list[CoercionIndicator]
    coercion_conclusion: str
    notes: str


# --- Involvement ------------------------------------------------------------------


class InvolvementIn(InputSchema):
    """Send the fields to set. Fields you leave out keep their values (when
    creating, they start blank)."""

    version: Version | None = singleton_version()
    person_told: PersonTold | None = optional(
        description="Does the person know a concern was raised, and why? " + codes(PersonTold)
    )
    not_told_reason: str = optional(
        max_length=MAX_TEXT, description="Required when person_told is `no_risk`"
    )
    person_involvement: str = optional(max_length=MAX_TEXT)
    outcomes_not_asked_reason: str = optional(
        max_length=MAX_TEXT, description="Why the person has not been asked what they want"
    )
    options_explained: str = optional(
        max_length=MAX_TEXT, description="The options explained, and what each would mean"
    )
    reasons_for_declining: str = optional(
        max_length=MAX_TEXT, description="Why the person does not want support, in their words"
    )
    referrer_part: list[ReferrerPart] | None = optional(
        max_length=10,
        description="The part the person who raised the concern plays in the enquiry or plan. "
        "`referred_only` cannot be given with another answer. " + codes(ReferrerPart),
    )
    referrer_part_details: str = optional(
        max_length=MAX_TEXT,
        # The old name is accepted until the next API version (deprecated).
        validation_alias=AliasChoices("referrer_part_details", "referrer_role"),
        description="More about the part the person who raised the concern plays (optional). "
        "Until API v2 the old name `referrer_role` is also accepted (deprecated)",
    )
    pattern_review: str = optional(
        max_length=MAX_TEXT,
        description="Review of the pattern of concerns, and the multi-agency risk meeting",
    )


class InvolvementOut(RecordOut):
    person_told: PersonTold | None
    not_told_reason: str
    person_involvement: str
    outcomes_not_asked_reason: str
    options_explained: str
    reasons_for_declining: str
    referrer_part: list[ReferrerPart]
    referrer_part_details: str
    pattern_review: str


# --- Notes ------------------------------------------------------------------------


class NoteIn(InputSchema):
    text: str = text()
    happened_on: IsoDate | None = Field(
        None,
        description="The day what the note describes happened, if not today: not in the "
        "future, not before the case's first concern. The note is recorded now.",
    )


class NoteOut(RecordOut):
    text: str
    happened_on: datetime.date | None
