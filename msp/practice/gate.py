"""The closing gate: a case cannot close while a DUTY check fails, unless a
team manager or safeguarding lead overrides it with a reason. PROMPT findings
never block; they are recorded with the closure and counted in reports.

The close action calls ``check_closure`` before it creates the closure, and
``record_closure_findings`` after, in the same transaction.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from msp.accounts.models import Role, User
from msp.audit.log import record_change
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.enquiries.models import Closure
from msp.practice.findings import DUTY, Finding
from msp.practice.guard import closure_findings
from msp.practice.models import ClosureFinding, GuardConfig, RefusedClosure
from msp.practice.reasons import is_empty_reason

OVERRIDING_ROLES = frozenset({Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD})


@dataclass(frozen=True)
class ClosurePreview:
    """What closing a case with some proposed values would meet, before anything
    is saved: the input problems that would refuse it first (``problems``, {field:
    message}, ``__all__`` for the case's state), then everything the guard would
    find. The close action and the preview read the same one."""

    findings: tuple[Finding, ...]
    problems: Mapping[str, str] = field(default_factory=dict)

    @property
    def duties(self) -> tuple[Finding, ...]:
        """The legal duties not shown as met: each blocks closing unless overridden."""
        return tuple(f for f in self.findings if f.severity == DUTY)

    @property
    def prompts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity != DUTY)

    @property
    def overriding_roles(self) -> tuple[Role, ...]:
        """Who may override a failing duty with a reason, in a fixed order."""
        return tuple(r for r in Role if r in OVERRIDING_ROLES)

    @property
    def would_close(self) -> bool:
        """Would the case close with these values, without any override?"""
        return not self.problems and not self.duties


def preview_closure(
    case: Case, proposed: Mapping[str, Any], problems: Mapping[str, str] | None = None
) -> ClosurePreview:
    """Run the guard on ``case`` as if closed with ``proposed``; nothing is saved."""
    return ClosurePreview(findings=tuple(closure_findings(case, proposed)), problems=problems or {})


class GuardBlocked(ActionError):
    """A legal duty is not met and nobody with authority has overridden it.

    ``findings`` are the blocking DUTY findings; ``all_findings`` everything
    the guard found, prompts included."""

    def __init__(self, findings: Sequence[Finding], all_findings: Sequence[Finding]) -> None:
        ids = ", ".join(f.check_id for f in findings)
        super().__init__(
            f"This case cannot close yet: the record does not show a legal duty was met "
            f"({ids}). Record what is missing, or ask a team manager or safeguarding lead "
            f"to override it with a reason."
        )
        self.findings = tuple(findings)
        self.all_findings = tuple(all_findings)


def can_override(user: User) -> bool:
    return user.role in OVERRIDING_ROLES


def _applied_overrides(
    failing_duties: Sequence[Finding], by: User, duty_overrides: Mapping[str, str] | None
) -> dict[str, str]:
    """The overrides that apply to a failing DUTY, checked: {check id: reason}.
    Overrides for checks that now pass are ignored."""
    wanted = dict(duty_overrides or {})
    applied = {f.check_id: str(wanted[f.check_id]) for f in failing_duties if f.check_id in wanted}
    if not applied:
        return {}
    if not can_override(by):
        raise ValidationError(
            {
                "duty_overrides": (
                    "Only a team manager or safeguarding lead can close a case when a legal "
                    "duty is not shown as met"
                )
            }
        )
    config = GuardConfig.current()
    unexplained = sorted(
        check_id for check_id, reason in applied.items() if is_empty_reason(reason, config)
    )
    if unexplained:
        message = (
            f"Enter why the case can close although {', '.join(unexplained)} "
            f"{'is' if len(unexplained) == 1 else 'are'} not met"
        )
        if any(applied[check_id].strip() for check_id in unexplained):
            message += ", in your own words (a word such as 'NFA' or 'n/a' is not a reason)"
        raise ValidationError({"duty_overrides": message})
    return {k: v.strip() for k, v in applied.items()}


def check_closure(
    case: Case,
    *,
    by: User,
    proposed: Mapping[str, Any],
    duty_overrides: Mapping[str, str] | None,
) -> list[Finding]:
    """Run the guard on ``case`` as if closed with ``proposed``. Returns every
    finding (for ``record_closure_findings``); raises ``GuardBlocked`` when a
    failing DUTY is not overridden, and ``ValidationError`` on
    ``duty_overrides`` when an override is not allowed or has no reason."""
    preview = preview_closure(case, proposed)
    applied = _applied_overrides(preview.duties, by, duty_overrides)
    blocking = [f for f in preview.duties if f.check_id not in applied]
    if blocking:
        raise GuardBlocked(blocking, preview.findings)
    return list(preview.findings)


@transaction.atomic
def record_closure_findings(
    closure: Closure,
    findings: Sequence[Finding],
    duty_overrides: Mapping[str, str] | None,
    by: User,
) -> list[ClosureFinding]:
    """Save what the guard found at this closure, with any overrides, and
    audit it. Call with the findings ``check_closure`` returned."""
    overrides = {k: str(v).strip() for k, v in (duty_overrides or {}).items()}
    rows = []
    for f in findings:
        overridden = f.severity == DUTY and bool(overrides.get(f.check_id))
        rows.append(
            ClosureFinding(
                closure=closure,
                check_id=f.check_id,
                severity=f.severity,
                overridden=overridden,
                override_reason=overrides[f.check_id] if overridden else "",
                overridden_by=by if overridden else None,
            )
        )
    saved = ClosureFinding.objects.bulk_create(rows)
    if rows:
        changes: dict[str, list[Any]] = {
            "findings": [None, [f"{f.check_id} {f.severity}" for f in findings]]
        }
        overridden_ids = {r.check_id: r.override_reason for r in rows if r.overridden}
        if overridden_ids:
            changes["duty_overrides"] = [None, overridden_ids]
        record_change(
            by=by,
            action="closure.guard_findings",
            obj=closure,
            changes=changes,
            case_id=closure.case_id,
            person_id=Case.objects.values_list("person_id", flat=True).get(pk=closure.case_id),
        )
    return saved


@transaction.atomic
def remember_refused_closure(
    case: Case, *, by: User, proposed: Mapping[str, Any], refused: GuardBlocked
) -> None:
    """Keep the values a closure the guard refused was tried with, so the case's
    findings go on showing the checks that depend on the closure until the case
    moves on. Call after the refused attempt has rolled back; audited."""
    version = Case.objects.values_list("version", flat=True).get(pk=case.pk)
    RefusedClosure.objects.update_or_create(
        case=case,
        defaults={"case_version": version, "values": dict(proposed), "refused_by": by},
    )
    record_change(
        by=by,
        action="closure.refused",
        obj=case,
        changes={"blocking": [None, [f.check_id for f in refused.findings]]},
        case_id=case.pk,
        person_id=case.person_id,
    )
