"""Field types shared by the API schemas: bounded ids, versions and code lists."""

import datetime
import re
from enum import Enum
from typing import Annotated, Any

from django.db.models import TextChoices
from ninja import Field, Schema
from ninja.params import P, PathEx
from pydantic import AfterValidator, BeforeValidator, ConfigDict, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from msp.limits import LONG_TEXT

# Ids and versions are bounded so no database ever sees an integer it cannot store.
MAX_ID = 2**53
MAX_VERSION = 2**31 - 1

Version = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_VERSION,
        description=(
            "The version of the record you loaded. If someone has saved it since, the "
            "change is refused with 409 and their changes are returned."
        ),
    ),
]

CaseId = PathEx[int, P(ge=1, le=MAX_ID, description="Case id")]
PersonId = PathEx[int, P(ge=1, le=MAX_ID, description="Person id")]
OutcomeId = PathEx[int, P(ge=1, le=MAX_ID, description="Desired outcome id")]
OverrideId = PathEx[int, P(ge=1, le=MAX_ID, description="Override id")]
PlanActionId = PathEx[int, P(ge=1, le=MAX_ID, description="Plan action id")]
EscalationId = PathEx[int, P(ge=1, le=MAX_ID, description="Escalation id")]

# Dates are ISO 8601 strings and nothing else: pydantic alone would take a number
# as seconds since 1970 and a datetime at midnight as its date. Years are bounded so
# that date arithmetic (due dates, working days) never leaves the calendar.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2099
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_MESSAGE = "Enter a real date in the format YYYY-MM-DD"
YEAR_MESSAGE = f"Enter a date from {EARLIEST_YEAR} to {LATEST_YEAR}"


def _iso_date_text(value: Any) -> Any:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise PydanticCustomError("iso_date", DATE_MESSAGE)


def _in_range(value: datetime.date) -> datetime.date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise PydanticCustomError("date_range", YEAR_MESSAGE)
    return value


_YEARS = "(19|20)[0-9]{2}"  # EARLIEST_YEAR to LATEST_YEAR, for generators and clients

IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date_text),
    AfterValidator(_in_range),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": f"^{_YEARS}-[0-9]{{2}}-[0-9]{{2}}$",
            "description": f"A date, YYYY-MM-DD, from {EARLIEST_YEAR} to {LATEST_YEAR}",
        }
    ),
]
"""A date in a request: an ISO 8601 date string (YYYY-MM-DD), nothing else."""

# The longest free text a record field takes: pages of notes, not a book. Text
# fields that state no limit of their own get this one (see InputSchema).
MAX_TEXT = LONG_TEXT


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def optional(**kwargs: Any) -> Any:
    """A field a PATCH may leave out. It may not be sent as null; left out, it is
    not changed (read the body with ``values(exclude_unset=True)``)."""
    return Field(default=None, json_schema_extra=_no_default, **kwargs)


def codes(choices: type[TextChoices]) -> str:
    """An OpenAPI description listing each code with its label."""
    return "; ".join(f"`{value}`: {label}" for value, label in choices.choices)


def _bad_text(value: str) -> str | None:
    if len(value) > LONG_TEXT:
        return f"Must be {LONG_TEXT:,} characters or fewer"
    if "\x00" in value:
        return "Text cannot contain null characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "Text must be valid Unicode"
    return None


def _state_text_rules(schema: dict[str, Any]) -> None:
    """Say in the OpenAPI document what InputSchema and the rules enforce: text
    is at most LONG_TEXT characters unless the field says less, and required
    text may not be empty (the rules refuse it with a message of their own)."""
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        for option in [prop, *prop.get("anyOf", [])]:
            if option.get("type") != "string" or "enum" in option or "format" in option:
                continue
            option.setdefault("maxLength", LONG_TEXT)
            if name in required:
                option.setdefault("minLength", 1)


class InputSchema(Schema):
    """Base for request bodies and query strings. Refuses text that no database
    can store (null characters, lone surrogates) or longer than LONG_TEXT with a
    field error."""

    model_config = ConfigDict(json_schema_extra=_state_text_rules)

    @field_validator("*", mode="before")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        if isinstance(value, list):
            items = value
        elif isinstance(value, dict):
            items = [*value.keys(), *value.values()]
        else:
            items = [value]
        for item in items:
            if isinstance(item, str) and (problem := _bad_text(item)):
                raise ValueError(problem)
        return value

    def values(
        self, *, exclude_unset: bool = False, exclude: set[str] | None = None
    ) -> dict[str, Any]:
        """The fields as plain Python values (codes as strings), for action functions."""
        data = self.model_dump(exclude_unset=exclude_unset, exclude=exclude)
        return {key: _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    return value
