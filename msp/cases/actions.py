"""Restricting a case to named people, and break-glass access to it.

Each function checks, changes and writes its audit event in one transaction.
Only a safeguarding lead who can open the case (named on it, or through
break-glass) may restrict it, change who is named or lift the restriction.
Restricting narrows access, never widens it: only people whose role and team
already let them read the case can be named.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from msp.accounts.access import (
    can_allocate,
    can_be_allocated,
    can_open_case,
    get_case_to_break_glass,
    readable_cases,
)
from msp.accounts.models import CASEWORK_ROLES, Role, User
from msp.audit.log import record_change
from msp.cases.alerts import send_break_glass_alert
from msp.cases.errors import ActionError, InvalidTransition
from msp.cases.history import When, case_happened_at, when_changes
from msp.cases.models import BreakGlassGrant, Case, CaseRestriction
from msp.cases.workflow import transition

REASON_MIN_CHARS = 20
REASON_MIN_WORDS = 4
REASON_TOO_SHORT = (
    "Give a fuller reason: at least 4 words and 20 characters, saying why you need it"
)
NO_LEAD_LEFT = "Name at least one safeguarding lead, so someone can manage the restriction"


def reason_problem(reason: str) -> str | None:
    """What is wrong with a reason for restricting or breaking the glass, if anything."""
    text = " ".join(reason.split())
    if not text:
        return "Enter the reason"
    if len(text) < REASON_MIN_CHARS or len(text.split(" ")) < REASON_MIN_WORDS:
        return REASON_TOO_SHORT
    return None


def _check_reason(reason: str) -> str:
    problem = reason_problem(reason)
    if problem:
        raise ValidationError({"reason": [problem]})
    return " ".join(reason.split())


def could_read(user: User, case: Case) -> bool:
    """Whether the user's role and team would let them read the case, restricted or not."""
    if not user.is_active or user.role not in CASEWORK_ROLES:
        return False
    if user.role in (Role.SAFEGUARDING_LEAD, Role.TEAM_MANAGER):
        return True
    return user.team_id is not None and user.team_id == case.team_id


def people_who_could_be_named(case: Case) -> list[User]:
    """Active casework staff whose role and team let them read the case."""
    users = User.objects.filter(is_active=True, role__in=list(CASEWORK_ROLES)).order_by(
        "first_name", "last_name", "username"
    )
    return [u for u in users.select_related("team") if could_read(u, case)]


def _check_manager(by: User, case: Case) -> None:
    if by.role != Role.SAFEGUARDING_LEAD:
        raise PermissionDenied("Only a safeguarding lead can restrict a case or change who sees it")
    if not can_open_case(by, case):
        raise PermissionDenied("You can manage the restriction once you can open the case")


def _check_named(case: Case, named: list[User]) -> None:
    shut_out = [u.display_name for u in named if not could_read(u, case)]
    if shut_out:
        raise ValidationError(
            {
                "named": [
                    f"{', '.join(shut_out)} cannot see this team's cases, so cannot be named. "
                    "Move the case to their team first if they need it"
                ]
            }
        )
    if not any(u.role == Role.SAFEGUARDING_LEAD for u in named):
        raise ValidationError({"named": [NO_LEAD_LEFT]})


def _names(users: Iterable[User]) -> list[str]:
    return sorted(u.display_name for u in users)


@transaction.atomic
def restrict_case(case: Case, *, by: User, reason: str, named: Iterable[User]) -> CaseRestriction:
    """Restrict the case to ``named`` people and the lead restricting it."""
    _check_manager(by, case)
    reason = _check_reason(reason)
    people = {u.pk: u for u in [*named, by]}
    _check_named(case, list(people.values()))
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if CaseRestriction.objects.filter(case=locked).exists():
        raise ActionError("This case is already restricted. Change who is named instead.")
    restriction = CaseRestriction.objects.create(case=locked, reason=reason, restricted_by=by)
    restriction.named.set(people.values())
    record_change(
        by=by,
        action="case.restricted",
        obj=locked,
        changes={"named_people": [None, _names(people.values())]},
        case_id=locked.pk,
        person_id=locked.person_id,
        reason=reason,
    )
    return restriction


@transaction.atomic
def change_named_people(
    case: Case, *, by: User, named: Iterable[User], reason: str = ""
) -> CaseRestriction:
    """Replace the people named on the restriction."""
    _check_manager(by, case)
    restriction = _locked_restriction(case)
    people = {u.pk: u for u in named}
    _check_named(case, list(people.values()))
    before = list(restriction.named.all())
    if {u.pk for u in before} == set(people):
        return restriction
    restriction.named.set(people.values())
    record_change(
        by=by,
        action="case.restriction_changed",
        obj=case,
        changes={"named_people": [_names(before), _names(people.values())]},
        case_id=case.pk,
        person_id=case.person_id,
        reason=" ".join(reason.split()),
    )
    return restriction


@transaction.atomic
def lift_restriction(case: Case, *, by: User, reason: str) -> None:
    _check_manager(by, case)
    reason = _check_reason(reason)
    restriction = _locked_restriction(case)
    before = _names(restriction.named.all())
    restriction.delete()
    record_change(
        by=by,
        action="case.restriction_lifted",
        obj=case,
        changes={"named_people": [before, None]},
        case_id=case.pk,
        person_id=case.person_id,
        reason=reason,
    )


def _locked_restriction(case: Case) -> CaseRestriction:
    Case.objects.select_for_update().get(pk=case.pk)
    restriction = CaseRestriction.objects.filter(case_id=case.pk).first()
    if restriction is None:
        raise ActionError("This case is not restricted.")
    return restriction


def break_glass_minutes() -> int:
    return int(settings.BREAK_GLASS_MINUTES)


@transaction.atomic
def break_glass(
    case_id: int, *, by: User, reason: str, now: datetime.datetime | None = None
) -> BreakGlassGrant:
    """Give ``by`` time-limited access to a restricted case they are not named
    on, record it with their reason and alert the safeguarding leads. Raises
    Http404 for people whose role could not read the case anyway."""
    case = get_case_to_break_glass(by, case_id)
    reason = _check_reason(reason)
    if not CaseRestriction.objects.filter(case=case).exists():
        raise ActionError("This case is not restricted: you can open it without break-glass.")
    if readable_cases(by).filter(pk=case.pk).exists():
        raise ActionError("You can already open this case.")
    now = now or timezone.now()
    grant = BreakGlassGrant.objects.create(
        case=case,
        user=by,
        reason=reason,
        granted_at=now,
        expires_at=now + datetime.timedelta(minutes=break_glass_minutes()),
    )
    record_change(
        by=by,
        action="case.break_glass",
        obj=case,
        changes={"expires_at": [None, grant.expires_at.isoformat()]},
        case_id=case.pk,
        person_id=case.person_id,
        reason=reason,
    )
    transaction.on_commit(lambda: send_break_glass_alert(grant))
    return grant


def unacknowledged_alerts() -> list[BreakGlassGrant]:
    return list(
        BreakGlassGrant.objects.filter(acknowledged_at__isnull=True)
        .select_related("case", "user")
        .order_by("-granted_at", "-id")
    )


def unacknowledged_alert_count(user: User) -> int:
    """How many alerts wait for a safeguarding lead; 0 for anyone else."""
    if user.role != Role.SAFEGUARDING_LEAD:
        return 0
    return BreakGlassGrant.objects.filter(acknowledged_at__isnull=True).count()


@transaction.atomic
def acknowledge_alert(grant_id: int, *, by: User) -> BreakGlassGrant:
    if by.role != Role.SAFEGUARDING_LEAD:
        raise PermissionDenied("Only a safeguarding lead can acknowledge break-glass alerts")
    grant = BreakGlassGrant.objects.select_for_update().filter(pk=grant_id).first()
    if grant is None:
        raise ActionError("There is no such alert.")
    if grant.acknowledged_at is not None:
        return grant
    if grant.user_id == by.pk:
        raise ActionError("Another safeguarding lead must acknowledge your own break-glass.")
    grant.acknowledged_by = by
    grant.acknowledged_at = timezone.now()
    grant.save(update_fields=["acknowledged_by", "acknowledged_at"])
    record_change(
        by=by,
        action="case.break_glass_acknowledged",
        obj=grant,
        changes={"acknowledged_at": [None, grant.acknowledged_at.isoformat()]},
        case_id=grant.case_id,
    )
    return grant


# Allocation --------------------------------------------------------------------------

NOT_ALLOCATOR = "Only a team manager of the case's team or a safeguarding lead can allocate a case"


def _name(user: User | None) -> str | None:
    return user.display_name if user is not None else None


@transaction.atomic
def allocate_case(
    case: Case,
    *,
    by: User,
    worker: User,
    expected_version: int | None,
    reason: str = "",
    at: When = None,
) -> Case:
    """Make ``worker`` the case's allocated (lead) worker. Re-allocation is
    audited like any change and shows in the chronology, with the reason."""
    if not can_allocate(by, case):
        raise PermissionDenied(NOT_ALLOCATOR)
    if not can_be_allocated(worker, case):
        raise ValidationError(
            {
                "worker": [
                    f"{worker.display_name} cannot work on this team's cases. Choose "
                    "someone in the team"
                ]
            }
        )
    before = Case.objects.select_related("lead_worker").get(pk=case.pk).lead_worker
    if before is not None and before.pk == worker.pk:
        raise InvalidTransition(f"The case is already allocated to {worker.display_name}.")
    moment = case_happened_at(case, at)
    return transition(
        case,
        "allocate",
        by=by,
        expected_version=expected_version,
        fields={"lead_worker": worker},
        reason=" ".join(reason.split()),
        extra_changes={
            "allocated_to": [_name(before), worker.display_name],
            **when_changes(at, moment),
        },
    )
