"""Audit events for signing in: failures, lock-outs, successes, unlocks and
two-factor changes. No password or code is ever recorded, and a username typed
at sign-in is recorded only when it is a real account's (people sometimes type
their password in the username box).

The failure and lock-out events come from signals (Django's
``user_login_failed``, django-axes' ``user_locked_out``) because they happen
inside ``authenticate``; everything else is written by the function that makes
the change, in its transaction."""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from msp.accounts.client import client_address
from msp.accounts.models import User
from msp.audit.channel import current_channel
from msp.audit.models import AuditEvent

SIGNED_IN = "account.signed_in"
SIGN_IN_FAILED = "account.sign_in_failed"
LOCKED_OUT = "account.locked_out"
UNLOCKED = "account.unlocked"
PASSWORD_ACCEPTED = "account.password_accepted"
PASSWORD_CHANGED = "account.password_changed"
CODE_FAILED = "account.two_factor_code_failed"
TWO_FACTOR_SET_UP = "account.two_factor_set_up"
TWO_FACTOR_RESET = "account.two_factor_reset"
BACKUP_CODES_MADE = "account.backup_codes_made"
BACKUP_CODE_USED = "account.backup_code_used"


def address_of(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from_axes = getattr(request, "axes_ip_address", None)
    if from_axes:
        return str(from_axes)
    return client_address(request)


def record(
    action: str,
    *,
    account: User | None,
    by: User | None,
    request: HttpRequest | None = None,
    changes: dict[str, Any] | None = None,
    object_type: str = "accounts.user",
    object_id: str = "",
) -> AuditEvent:
    details = dict(changes or {})
    address = address_of(request)
    if address:
        details["ip_address"] = [None, address]
    return AuditEvent.objects.create(
        user=by,
        action=action,
        channel=current_channel.get(),
        object_type=object_type,
        object_id=str(account.pk) if account is not None else object_id,
        changes=details,
    )


def _account(username: Any) -> User | None:
    if not isinstance(username, str) or not username:
        return None
    return User.objects.filter(username=username).first()


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    account = _account(credentials.get("username"))
    locked = bool(getattr(request, "axes_locked_out", False))
    record(
        SIGN_IN_FAILED,
        account=account,
        by=None,
        request=request,
        changes={
            "known_account": [None, account is not None],
            "stage": [None, str(credentials.get("stage", "password"))],
            "while_locked_out": [None, locked],
        },
    )


@receiver(user_locked_out)
def _locked_out(
    sender: Any,
    request: HttpRequest | None = None,
    username: str | None = None,
    ip_address: str | None = None,
    **kwargs: Any,
) -> None:
    account = _account(username)
    record(
        LOCKED_OUT,
        account=account,
        by=None,
        request=request,
        changes={"known_account": [None, account is not None]},
    )
