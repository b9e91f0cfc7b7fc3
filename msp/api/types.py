"""Field types shared by the API schemas: bounded ids, versions and code lists."""

from enum import Enum
from typing import Annotated, Any

from django.db.models import TextChoices
from ninja import Field, Schema
from ninja.params import P, PathEx
from pydantic import field_validator

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

# The longest free text a record field takes: pages of notes, not a book.
MAX_TEXT = 20_000


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
    if "\x00" in value:
        return "Text cannot contain null characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "Text must be valid Unicode"
    return None


class InputSchema(Schema):
    """Base for request bodies and query strings. Refuses text that no database
    can store (null characters, lone surrogates) with a field error."""

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
