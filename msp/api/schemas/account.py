import datetime

from ninja import Field, Schema

from msp.api.schemas.common import TeamRef


class TokenOut(Schema):
    name: str
    prefix: str = Field(description="The first characters of the token, to tell tokens apart")
    scope: str = Field(description="`read` (GET only) or `write` (read and change)")
    expires_at: datetime.datetime


class MeOut(Schema):
    username: str
    display_name: str
    role: str = Field(description="The role's code, e.g. `practitioner`")
    role_label: str
    team: TeamRef | None
    token: TokenOut = Field(description="The token this request was sent with")


class CosignerOut(Schema):
    id: int = Field(description="Send it as `cosigner_id` when recording an override")
    name: str
    role: str
    team: TeamRef | None
