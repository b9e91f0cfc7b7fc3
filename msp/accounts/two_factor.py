"""Two-factor sign-in: an authenticator app (TOTP, django-otp), passkeys
(``msp.accounts.passkeys``) and single-use backup codes. Each change is one
function that runs in one transaction and writes its audit event; no code or
secret is ever recorded."""

import base64
import secrets

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from msp.accounts import signin_audit
from msp.accounts.models import User

APP_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"
# Letters and digits that cannot be mistaken for each other when read aloud or typed.
BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_LENGTH = 10


def required() -> bool:
    return bool(settings.TWO_FACTOR == "required")


def app_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_app(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def has_two_factor(user: User) -> bool:
    """An authenticator app or a passkey (backup codes come with either)."""
    return has_app(user) or bool(
        WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def has_backup_codes(user: User) -> bool:
    """Whether backup codes were ever made (all of them may have been used)."""
    return bool(StaticDevice.objects.filter(user=user).exists())


def backup_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


# -- Setting up ------------------------------------------------------------------


def pending_app(user: User) -> TOTPDevice:
    """The authenticator app being set up: made once, kept until confirmed, so
    reloading the page shows the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret key as an authenticator app asks for it, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The set-up link as an inline SVG QR code (no external service, no styles)."""
    code = qrcode.QRCode(border=4, image_factory=qrcode.image.svg.SvgPathImage)
    code.add_data(device.config_url)
    svg: str = code.make_image().to_string(encoding="unicode")
    return svg.replace(
        "<svg ",
        '<svg role="img" aria-label="QR code to scan with your authenticator app" ',
        1,
    )


def _new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [
        "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_LENGTH))
        for _ in range(settings.BACKUP_CODES)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=kept(c)) for c in codes)
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def kept(code: str) -> str:
    """What is stored for a backup code: a keyed hash (HMAC with the secret
    key), never the code, so the table alone does not let anyone sign in.
    Sixteen hexadecimal characters: the width django-otp stores."""
    return salted_hmac("msp.backup-code", code, algorithm="sha256").hexdigest()[:16]


def confirm_app(
    user: User, device: TOTPDevice, code: str, request: HttpRequest
) -> list[str] | None:
    """Confirm the app with a code from it. Returns the new backup codes (to
    show once), or None if the code was wrong."""
    if not device.verify_token(_digits(code)):
        code_failed(user, request)
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save()
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = _new_backup_codes(user)
        signin_audit.record(
            signin_audit.TWO_FACTOR_SET_UP,
            account=user,
            by=user,
            request=request,
            changes={"backup_codes": [None, len(codes)]},
        )
    return codes


def regenerate_backup_codes(user: User, request: HttpRequest) -> list[str]:
    """New backup codes; the old ones stop working."""
    with transaction.atomic():
        codes = _new_backup_codes(user)
        signin_audit.record(
            signin_audit.BACKUP_CODES_MADE,
            account=user,
            by=user,
            request=request,
            changes={"backup_codes": [None, len(codes)]},
        )
    return codes


def reset(user: User, *, by: User, request: HttpRequest | None = None) -> None:
    """Remove the app, the passkeys and the backup codes. In required mode the
    user sets up again at their next sign-in."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        passkeys = WebAuthnCredential.objects.filter(user=user)
        removed += passkeys.count()
        passkeys.delete()
        StaticDevice.objects.filter(user=user).delete()
        signin_audit.record(
            signin_audit.TWO_FACTOR_RESET,
            account=user,
            by=by,
            request=request,
            changes={"devices_removed": [None, removed]},
        )


# -- Signing in ------------------------------------------------------------------


def _digits(code: str) -> str:
    return "".join(code.split())


def _backup(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def verify(user: User, code: str, request: HttpRequest) -> Device | None:
    """The device that accepts ``code`` (a 6-digit code from the app, or a
    backup code, which then stops working), or None. Wrong codes count towards
    the lock-out like wrong passwords, and django-otp makes each wrong code wait
    longer before the next is tried."""
    digits = _digits(code)
    if digits.isdigit() and len(digits) == 6:
        app = app_device(user)
        if app is not None and app.verify_token(digits):
            return app
    else:
        backup = StaticDevice.objects.filter(user=user, confirmed=True).first()
        if backup is not None and backup.verify_token(kept(_backup(code))):
            signin_audit.record(
                signin_audit.BACKUP_CODE_USED,
                account=user,
                by=user,
                request=request,
                changes={"backup_codes_left": [None, backup.token_set.count()]},
            )
            return backup
    code_failed(user, request)
    return None


def code_failed(user: User, request: HttpRequest, stage: str = "two-factor code") -> None:
    """A wrong code or a refused passkey: counted towards the lock-out."""
    # Django's own signal: django-axes counts it, and signin_audit records it.
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "stage": stage},
        request=request,
    )
