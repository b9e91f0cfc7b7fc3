from typing import Any

from ninja import Field, Schema

from msp.api.types import InputSchema, Version


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


class VersionIn(InputSchema):
    version: Version


class PageIn(InputSchema):
    limit: int = Field(50, ge=1, le=100, description="How many items to return")
    offset: int = Field(0, ge=0, le=1_000_000, description="How many items to skip")


READ_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {
    **READ_ERRORS,
    403: ErrorOut,
    409: ConflictOut,
}
