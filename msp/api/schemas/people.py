import datetime
from typing import Any

from ninja import Field, Schema
from pydantic import model_validator

from msp.api.schemas.common import PageIn, TeamRef
from msp.api.types import MAX_ID, InputSchema, IsoDate, Version, codes, optional
from msp.limits import NAME
from msp.people.codes import ContactSafety, Ethnicity, Gender, PrimarySupportReason
from msp.people.validators import estimated_date_of_birth

NHS_HELP = "10 digits; spaces and hyphens are ignored. Leave blank if not known."


class PersonIn(InputSchema):
    given_name: str = Field(min_length=1, max_length=NAME)
    family_name: str = Field(min_length=1, max_length=NAME)
    preferred_name: str = Field("", max_length=NAME)
    date_of_birth: IsoDate | None = Field(
        None, description="The person must be 18 or over. Send this or `estimated_age`"
    )
    estimated_age: int | None = Field(
        None,
        ge=18,
        le=120,
        description="When the date of birth is not known: their age, as best known. "
        "Shown as “about N”; `date_of_birth_estimated` is then true",
    )
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

    @model_validator(mode="after")
    def date_or_age(self) -> "PersonIn":
        if self.date_of_birth is None and self.estimated_age is None:
            raise ValueError("Send their date of birth, or their estimated age if it is not known")
        return self

    def person_values(self) -> dict[str, Any]:
        """The values for the action function, the date worked out from an estimated age."""
        values = self.values(exclude={"estimated_age"})
        if self.date_of_birth is None and self.estimated_age is not None:
            values["date_of_birth"] = estimated_date_of_birth(self.estimated_age)
            values["date_of_birth_estimated"] = True
        return values


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
        "",
        max_length=NAME,
        description="Name, date of birth or year, NHS number, postcode or address words",
    )


class PersonSummary(Schema):
    """Who the person is, and whether it is safe to contact them."""

    id: int
    full_name: str
    preferred_name: str
    date_of_birth: datetime.date
    date_of_birth_estimated: bool = Field(
        description="True when only an estimated age is known: show “about {age}”, not the date"
    )
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
    count: int = Field(description="How many people up to the end of this page (never a total)")
    more: bool = Field(description="Whether more people match: refine the search, or page on")
    next: str | None = Field(description="The link to the next page, or null on the last")
    limit: int
    offset: int
    items: list[PersonSummary]


class MergeIn(InputSchema):
    merged_person_id: int = Field(ge=1, description="The other record of the same person")
    reason: str = Field(min_length=1, max_length=2000, description="Why they are the same person")
