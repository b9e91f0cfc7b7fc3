import datetime
from typing import Any

from ninja import Field, Schema

from msp.api.types import MAX_TEXT, InputSchema, Version
from msp.limits import SHORT_TEXT

NAME = SHORT_TEXT  # the length of the record's name fields (who did something)


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in words to show a person")


class ValidationErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(
        description="Messages for each field. `__all__` holds errors about the whole request."
    )


class ConflictOut(Schema):
    detail: str = Field(description="Why the change was refused")
    current_version: int | None = Field(
        default=None, description="Only when someone saved the record since you loaded it"
    )
    changed_by: str | None = Field(default=None, description="Who saved it")
    changes: dict[str, Any] | None = Field(
        default=None, description="What they changed, as {field: [old, new]}"
    )


class UserRef(Schema):
    id: int
    name: str


class TeamRef(Schema):
    id: int
    name: str


class RecordOut(Schema):
    """What every part of the enquiry record has."""

    id: int
    case_id: int
    recorded_at: datetime.datetime
    recorded_by: UserRef = Field(description="Who first recorded it; later changes are audited")
    version: int = Field(description="Send it back to change the record")


def text(default: str | None = None, **kwargs: Any) -> Any:
    """A free-text field of up to MAX_TEXT characters; required without ``default``."""
    if default is None:
        return Field(max_length=MAX_TEXT, **kwargs)
    return Field(default, max_length=MAX_TEXT, **kwargs)


def singleton_version() -> Any:
    """``version`` for a record the case has one of, saved with PUT."""
    return Field(
        None,
        description=(
            "Leave out (or send null) to create the record. To change it, send the version "
            "you loaded: if someone has saved it since, the change is refused with 409."
        ),
    )


class VersionIn(InputSchema):
    version: Version


class PageIn(InputSchema):
    limit: int = Field(50, ge=1, le=100, description="How many items to return")
    offset: int = Field(0, ge=0, le=1_000_000, description="How many items to skip")


# A 403 on a read is a restricted case: its body adds ``reference``,
# ``restricted`` and ``break_glass_url`` to ``detail``.
READ_ERRORS: dict[int, type[Schema]] = {
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ValidationErrorOut,
}
WRITE_ERRORS: dict[int, type[Schema]] = {
    **READ_ERRORS,
    409: ConflictOut,
}
