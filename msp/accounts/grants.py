"""The two-person rule for powerful roles (safeguarding lead, auditor,
administrator) and superuser status: one administrator asks, a second person
(another administrator or a safeguarding lead) approves or refuses. The request
and the decision are audited; the change to the account, made on approval, is
audited as the approver's."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from msp.accounts.access import why_not_decide
from msp.accounts.models import POWERFUL_ROLES, SUPERUSER, Role, RoleGrant, User
from msp.audit.log import acting_as, created, record_change


def needs_approval(role: str) -> bool:
    return role == SUPERUSER or role in POWERFUL_ROLES


@transaction.atomic
def request_role(
    user: User, role: str, *, by: User, activate_on_approval: bool = False
) -> RoleGrant:
    """Ask for ``user`` to be given ``role``. An earlier request still waiting
    for the same role is kept, not repeated."""
    if not needs_approval(role):
        raise ValueError(f"{role!r} does not need approval")
    waiting = RoleGrant.objects.filter(
        user=user, role=role, outcome=RoleGrant.Outcome.PENDING
    ).first()
    if waiting is not None:
        return waiting
    grant = RoleGrant.objects.create(
        user=user, role=role, requested_by=by, activate_on_approval=activate_on_approval
    )
    record_change(
        by=by,
        action="role_grant.requested",
        obj=grant,
        changes=created(
            {"user": user.pk, "role": role, "activate_on_approval": activate_on_approval}
        ),
    )
    return grant


@transaction.atomic
def decide_role(grant: RoleGrant, *, by: User, approve: bool) -> RoleGrant:
    """Approve or refuse ``grant``. Raises PermissionDenied, with the reason,
    for the person who asked, the person it is for, and anyone who may not
    decide; and for a request already decided."""
    locked = RoleGrant.objects.select_for_update().select_related("user").get(pk=grant.pk)
    reason = why_not_decide(by, locked)
    if reason:
        raise PermissionDenied(reason)
    locked.outcome = RoleGrant.Outcome.APPROVED if approve else RoleGrant.Outcome.REFUSED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["outcome", "decided_by", "decided_at"])
    record_change(
        by=by,
        action=f"role_grant.{locked.outcome}",
        obj=locked,
        changes={
            "outcome": [RoleGrant.Outcome.PENDING.value, locked.outcome],
            "decided_at": [None, locked.decided_at.isoformat()],
        },
    )
    if approve:
        account = User.objects.select_for_update().get(pk=locked.user_id)
        if locked.role == SUPERUSER:
            account.is_superuser = True
        else:
            account.role = Role(locked.role)
        if locked.activate_on_approval:
            account.is_active = True
        with acting_as(by):
            account.save()  # audited as account.changed by the signal
    return locked
