import datetime

from ninja import Field, Schema

from msp.api.schemas.common import UserRef
from msp.api.types import MAX_TEXT, InputSchema


class RestrictionOut(Schema):
    case_id: int
    reference: str
    restricted: bool = Field(description="False once the restriction is lifted")
    reason: str | None = None
    restricted_by: UserRef | None = None
    restricted_at: datetime.datetime | None = None
    named: list[UserRef] = Field(default_factory=list, description="Who may see the case")


class RestrictionIn(InputSchema):
    named: list[int] = Field(
        description="The ids of the people who may see the case. Only people whose role "
        "and team already let them read it can be named, and at least one must be a "
        "safeguarding lead. When restricting, you are named automatically."
    )
    reason: str = Field(
        default="",
        max_length=MAX_TEXT,
        description="Why. Needed when restricting (at least 4 words and 20 characters); "
        "optional when changing who is named.",
    )


class LiftIn(InputSchema):
    reason: str = Field(max_length=MAX_TEXT, description="Why the restriction is lifted")


class RestrictedOut(Schema):
    """The body of a 403 for a restricted case you are not named on."""

    detail: str
    reference: str = Field(description="The case's reference: all you may know about it")
    restricted: bool = True
    break_glass_url: str = Field(
        description="Where a person can open the case in an emergency, giving a reason "
        "(web only: the API cannot break the glass)"
    )
