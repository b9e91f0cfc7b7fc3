import datetime

from ninja import Field, Schema

from msp.api.schemas.common import PageIn, TeamRef
from msp.api.types import MAX_ID, InputSchema, IsoDate, Version, codes, optional
from msp.limits import NAME
from msp.people.codes import ContactSafety, Ethnicity, Gender, PrimarySupportReason

NHS_HELP = "10 digits; spaces and hyphens are ignored. Leave blank if not known."


class PersonIn(InputSchema):
    given_name: str = Field(min_length=1, max_length=NAME)
    family_name: str = Field(min_length=1, max_length=NAME)
    preferred_name: str = Field("", max_length=NAME)
    date_of_birth: IsoDate = Field(description="The person must be 18 or over")
    nhs_number: str = Field("", max_length=20, description=NHS_HELP)
    address: str = ""
    postcode: str = Field("", max_length=10)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    gender: Gender = Field(Gender.NOT_KNOWN, description=codes(Gender))
    ethnicity: Ethnicity = Field(Ethnicity.NOT_KNOWN, description=codes(Ethnicity))
    primary_support_reason: PrimarySupportReason = Field(
        PrimarySupportReason.NOT_KNOWN, description=codes(PrimarySupportReason)
    )
    communication_needs: str = ""
    safe_to_phone: ContactSafety = ContactSafety.UNKNOWN
    safe_to_write: ContactSafety = ContactSafety.UNKNOWN
    safe_to_leave_message: ContactSafety = ContactSafety.UNKNOWN
    do_not_tell: str = Field("", description="People who must not learn about the concern")


class NewPersonIn(PersonIn):
    team_id: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description=(
            "The team recording the person. Defaults to your team; safeguarding leads, "
            "who have no team, must give one."
        ),
    )


class PersonPatch(InputSchema):
    """Send only the fields to change, with the version you loaded."""

    version: Version

    given_name: str = optional(min_length=1, max_length=NAME)
    family_name: str = optional(min_length=1, max_length=NAME)
    preferred_name: str = optional(max_length=NAME)
    date_of_birth: IsoDate = optional()
    nhs_number: str = optional(max_length=20, description=NHS_HELP)
    address: str = optional()
    postcode: str = optional(max_length=10)
    phone: str = optional(max_length=40)
    email: str = optional(max_length=254)
    gender: Gender = optional(description=codes(Gender))
    ethnicity: Ethnicity = optional(description=codes(Ethnicity))
    primary_support_reason: PrimarySupportReason = optional(description=codes(PrimarySupportReason))
    communication_needs: str = optional()
    safe_to_phone: ContactSafety = optional()
    safe_to_write: ContactSafety = optional()
    safe_to_leave_message: ContactSafety = optional()
    do_not_tell: str = optional()


class PeopleQuery(PageIn):
    q: str = Field(
        "", max_length=NAME, description="Words from the person's name, or their NHS number"
    )


class PersonSummary(Schema):
    """Who the person is, and whether it is safe to contact them."""

    id: int
    full_name: str
    preferred_name: str
    date_of_birth: datetime.date
    age: int
    nhs_number: str
    safe_to_phone: ContactSafety
    safe_to_write: ContactSafety
    safe_to_leave_message: ContactSafety
    do_not_tell: str
    contact_warnings: list[str] = Field(
        description="Plain-English warnings to show wherever contact details are shown"
    )
    communication_needs: str


class PersonOut(PersonSummary):
    given_name: str
    family_name: str
    date_of_death: datetime.date | None
    address: str
    postcode: str
    phone: str
    email: str
    gender: Gender
    ethnicity: Ethnicity
    primary_support_reason: PrimarySupportReason
    team: TeamRef | None = Field(description="The team that first recorded the person")
    created_at: datetime.datetime
    version: int


class PersonPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[PersonSummary]
