"""What the practice guard says about a case, and why closing may be refused."""

from typing import Any

from ninja import Field, Schema

from msp.api.types import MAX_TEXT, InputSchema, codes
from msp.enquiries.codes import (
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
)
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


class ClosureCheckQuery(InputSchema):
    """The closure to check, as the close request would send it (without
    `version` and `duty_overrides`). Only `reason` is required: leave out what
    you have not decided yet, and the answer says what is still missing."""

    reason: ClosureReason = Field(description=codes(ClosureReason))
    reason_details: str = Field("", max_length=MAX_TEXT, description="Needed when `other`")
    action_result: ActionResult | None = Field(None, description=codes(ActionResult))
    risk_outcome: RiskOutcome | None = Field(None, description=codes(RiskOutcome))
    msp_asked: MspAsked | None = Field(None, description=codes(MspAsked))
    experience_asked: ExperienceAsked | None = Field(None, description=codes(ExperienceAsked))
    lacked_capacity: LackedCapacity | None = Field(None, description=codes(LackedCapacity))
    capacity_support: bool | None = Field(None)
    open_door: str = Field("", max_length=MAX_TEXT, description="How the person can come back")


class RoleOut(Schema):
    code: str = Field(description="The role's code, such as `team_manager`")
    label: str = Field(description="The role's name in words")


class ClosureCheckOut(Schema):
    """What closing the case with these values would meet now. Nothing is saved;
    the close request runs the same rules and the same guard."""

    would_close: bool = Field(
        description="True when closing with these values would succeed without any override"
    )
    problems: dict[str, str] = Field(
        description="What closing would be refused for before the guard runs, as "
        "{field: message}; `__all__` is about the case (such as its state)"
    )
    findings: list[FindingOut] = Field(
        description="Everything the guard would find, in check-id order, prompts included"
    )
    blocking: list[FindingOut] = Field(
        description="The DUTY findings that would stop the case closing unless overridden"
    )
    overridable_by: list[RoleOut] = Field(
        description="Who may override a blocking finding, with a reason for each"
    )
    you_can_override: bool = Field(description="Whether you may override them")
