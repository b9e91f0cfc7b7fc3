"""The safeguarding plan and its actions, self-neglect (with clutter ratings),
and the person who raised the concern (feedback and escalations)."""

import datetime

from ninja import Field

from msp.api.schemas.common import NAME, RecordOut, singleton_version, text
from msp.api.types import MAX_ID, MAX_TEXT, InputSchema, IsoDate, Version, codes, optional
from msp.enquiries.models.plan import ActionStatus, OwnerKind

# --- The plan ---------------------------------------------------------------------------


class PlanIn(InputSchema):
    """Send the fields to set. Fields you leave out keep their values (when
    creating, they start blank)."""

    version: Version | None = singleton_version()
    person_involvement: str = optional(
        max_length=MAX_TEXT, description="Required: how the person was involved in the plan"
    )
    pace: str = optional(max_length=MAX_TEXT, description="The pace the person chose")
    next_review_on: IsoDate | None = optional(
        description="Not in the past (a date already on the plan may stay)"
    )


class PlanOut(RecordOut):
    person_involvement: str
    pace: str
    next_review_on: datetime.date | None


OUTCOME_ID = "The desired outcome on this case the action works towards"
DUE_ON = "Not before today (when changing an action, its due date may stay as it was)"


class PlanActionIn(InputSchema):
    description: str = text(description="What will be done")
    owner_kind: OwnerKind = Field(description=codes(OwnerKind))
    owner_name: str = Field(max_length=NAME, description="Who will do it")
    due_on: IsoDate = Field(description=DUE_ON)
    status: ActionStatus = Field(ActionStatus.NOT_STARTED, description=codes(ActionStatus))
    outcome_id: int | None = Field(None, ge=1, le=MAX_ID, description=OUTCOME_ID)


class PlanActionPatch(InputSchema):
    """Send only the fields to change, with the action's version."""

    version: Version = Field(description="The plan action's version")
    description: str = optional(max_length=MAX_TEXT)
    owner_kind: OwnerKind = optional(description=codes(OwnerKind))
    owner_name: str = optional(max_length=NAME)
    due_on: IsoDate = optional(description=DUE_ON)
    status: ActionStatus = optional(description=codes(ActionStatus))
    outcome_id: int | None = optional(ge=1, le=MAX_ID, description=OUTCOME_ID + "; null for none")


class PlanActionOut(RecordOut):
    description: str
    owner_kind: OwnerKind
    owner_name: str
    due_on: datetime.date
    status: ActionStatus
    outcome_id: int | None
    overdue: bool = Field(description="Past its due date and not done or stopped")


# --- Self-neglect -------------------------------------------------------------------------


class SelfNeglectIn(InputSchema):
    """Send the fields to set. Fields you leave out keep their values (when
    creating, they start blank)."""

    version: Version | None = singleton_version()
    background_and_history: str = optional(
        max_length=MAX_TEXT, description="Required: the person's background and history"
    )
    trusted_person: str = optional(max_length=NAME, description="Someone the person trusts")


class SelfNeglectOut(RecordOut):
    background_and_history: str
    trusted_person: str


class ClutterRatingIn(InputSchema):
    room: str = Field(max_length=100)
    rating: int = Field(description="The clutter image rating, from 1 to 9")
    rated_on: IsoDate


class ClutterRatingOut(RecordOut):
    room: str
    rating: int
    rated_on: datetime.date


# --- The person who raised the concern -------------------------------------------------


class FeedbackIn(InputSchema):
    concern_id: int = Field(ge=1, le=MAX_ID, description="The concern on this case it answers")
    given_on: IsoDate
    what_was_said: str = text(description="What the person who raised the concern was told")
    limited_by_consent: bool = Field(
        False, description="Less was shared because the person did not consent"
    )


class FeedbackOut(RecordOut):
    concern_id: int
    given_on: datetime.date
    what_was_said: str
    limited_by_consent: bool


class EscalationIn(InputSchema):
    raised_on: IsoDate
    details: str = text(
        description="What the person who raised the concern says has not been dealt with"
    )


class ResolutionIn(InputSchema):
    version: Version = Field(description="The escalation's version")
    resolution: str = text(description="How the escalation was resolved")
    resolved_on: IsoDate = Field(description="Not before the escalation was raised")


class EscalationOut(RecordOut):
    raised_on: datetime.date
    details: str
    resolution: str
    resolved_on: datetime.date | None
    resolved: bool
