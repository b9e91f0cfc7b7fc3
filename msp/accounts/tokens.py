"""API tokens: issued, revoked by their owner or an administrator, and revoked
automatically when their user's password changes or the account is
deactivated. Each is audited in the same transaction."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from msp.accounts.models import ApiToken, TokenScope, User
from msp.audit.log import acting_user, created, record_change

PASSWORD_CHANGED = "The account's password changed"
DEACTIVATED = "The account was deactivated"


@transaction.atomic
def issue_token(
    user: User,
    *,
    by: User | None,
    name: str = "",
    scope: str = TokenScope.READ,
    days: int | None = None,
) -> tuple[ApiToken, str]:
    token, raw = ApiToken.objects.issue(user, name=name, scope=scope, days=days)
    record_change(
        by=by,
        action="api_token.issued",
        obj=token,
        changes=created(
            {
                "user": user.pk,
                "name": name,
                "prefix": token.prefix,
                "scope": scope,
                "expires_at": token.expires_at,
            }
        ),
    )
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, by: User | None, reason: str = "") -> bool:
    """Revoke ``token``; False if it was already revoked (nothing recorded)."""
    now = timezone.now()
    if not ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now):
        return False
    token.revoked_at = now
    record_change(
        by=by,
        action="api_token.revoked",
        obj=token,
        changes={"revoked_at": [None, now.isoformat()]},
        reason=reason,
    )
    return True


def revoke_all(user: User, *, by: User | None, reason: str) -> int:
    return sum(revoke_token(t, by=by, reason=reason) for t in user.api_tokens.live())


# Every way a password changes or an account is deactivated ends in User.save():
# the admin, set_password() then save(), changepassword, a future page.


def _remember(sender: Any, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    old = None
    if instance.pk is not None and not instance._state.adding:
        old = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    instance._msp_token_old = old  # type: ignore[attr-defined]


def _revoke_if_needed(sender: Any, instance: User, raw: bool = False, **kwargs: Any) -> None:
    old = getattr(instance, "_msp_token_old", None)
    if raw or old is None:
        return
    if old["is_active"] and not instance.is_active:
        revoke_all(instance, by=acting_user(), reason=DEACTIVATED)
    elif old["password"] != instance.password:
        revoke_all(instance, by=acting_user(), reason=PASSWORD_CHANGED)


def connect() -> None:
    pre_save.connect(_remember, sender=User, dispatch_uid="msp-token-remember")
    post_save.connect(_revoke_if_needed, sender=User, dispatch_uid="msp-token-revoke")
