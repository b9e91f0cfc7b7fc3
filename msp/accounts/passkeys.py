"""Passkeys as a second factor (django-otp-webauthn): adding, naming, removing
and signing in with one. Each change is one function that runs in one
transaction and writes its audit event; no key or credential id is recorded,
only the passkey's name and its number in our database."""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from msp.accounts import signin_audit
from msp.accounts.models import User

NAME_MAX = 60

PASSKEY_ADDED = "account.passkey_added"
PASSKEY_RENAMED = "account.passkey_renamed"
PASSKEY_REMOVED = "account.passkey_removed"
PASSKEY_USED = "account.passkey_used"


def of(user: User) -> list[WebAuthnCredential]:
    """The user's passkeys, oldest first."""
    return list(WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at"))


def has_passkey(user: User) -> bool:
    return bool(WebAuthnCredential.objects.filter(user=user, confirmed=True).exists())


def owned(user: User, pk: int) -> WebAuthnCredential | None:
    """One of the user's own passkeys, or None (someone else's is never found)."""
    return WebAuthnCredential.objects.filter(user=user, pk=pk, confirmed=True).first()


def default_name() -> str:
    return f"Passkey added {timezone.localdate():%-d %B %Y}"


def added(user: User, passkey: WebAuthnCredential, request: HttpRequest) -> None:
    """Called in the transaction that saved a newly registered passkey."""
    passkey.name = default_name()
    passkey.save(update_fields=["name"])
    signin_audit.record(
        PASSKEY_ADDED,
        account=user,
        by=user,
        request=request,
        changes={"passkey": [None, passkey.pk], "name": [None, passkey.name]},
    )


def rename(user: User, passkey: WebAuthnCredential, name: str, request: HttpRequest) -> None:
    with transaction.atomic():
        old = passkey.name
        passkey.name = name
        passkey.save(update_fields=["name"])
        signin_audit.record(
            PASSKEY_RENAMED,
            account=user,
            by=user,
            request=request,
            changes={"passkey": [None, passkey.pk], "name": [old, name]},
        )


def remove(user: User, passkey: WebAuthnCredential, request: HttpRequest) -> bool:
    """Remove a passkey. When it was the user's last second factor, their
    backup codes go too (they belong to a second factor). Returns whether the
    user still has two-factor sign-in."""
    with transaction.atomic():
        pk, name = passkey.pk, passkey.name
        passkey.delete()
        still_on = (
            has_passkey(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        )
        if not still_on:
            StaticDevice.objects.filter(user=user).delete()
        signin_audit.record(
            PASSKEY_REMOVED,
            account=user,
            by=user,
            request=request,
            changes={
                "passkey": [pk, None],
                "name": [name, None],
                "two_factor_on": [None, still_on],
            },
        )
    return still_on


def used(user: User, passkey: WebAuthnCredential, request: HttpRequest) -> None:
    signin_audit.record(
        PASSKEY_USED,
        account=user,
        by=user,
        request=request,
        changes={"passkey": [None, passkey.pk], "name": [None, passkey.name]},
    )
