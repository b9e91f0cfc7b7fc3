"""What the practice guard says about a case, and why closing may be refused."""

from typing import Any

from ninja import Field, Schema

from msp.practice.findings import Principle, Severity, Stage


class FindingOut(Schema):
    """A question the record does not yet answer. DUTY findings are legal duties:
    they block closure unless a team manager or safeguarding lead overrides them
    with a reason. PROMPT findings are good practice and never block."""

    check_id: str = Field(description="The check's stable id, such as `M4.a`")
    severity: Severity
    stage: Stage = Field(description="The stage of the case the check is about")
    question: str = Field(description="The question the worker is asked")
    missing: str = Field(description="What the record does not show yet")
    reality: str = Field(description="Why it matters: the reality behind the myth")
    principles: list[Principle] = Field(description="The safeguarding principles it serves")
    fix_url: str | None = Field(
        description="The page of this service where the missing part is recorded, or null "
        "if there is no such page"
    )


class ClosureConflictOut(Schema):
    """409 from closing a case: a conflict of versions or state, or a legal duty
    the record does not show as met."""

    detail: str = Field(description="Why the change was refused")
    current_version: int | None = Field(
        default=None, description="Only when someone saved the record since you loaded it"
    )
    changed_by: str | None = Field(default=None, description="Who saved it")
    changes: dict[str, Any] | None = Field(
        default=None, description="What they changed, as {field: [old, new]}"
    )
    findings: list[FindingOut] | None = Field(
        default=None,
        description="When a legal duty blocks closure: the DUTY findings that block it",
    )
    all_findings: list[FindingOut] | None = Field(
        default=None,
        description="When a legal duty blocks closure: everything the guard found, "
        "prompts included",
    )
