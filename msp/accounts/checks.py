"""Production refuses to start while demo accounts exist."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

DEMO_MESSAGE = (
    "Demo accounts exist. Remove them with 'manage.py remove_demo_data' before running "
    "in production."
)


def active_demo_accounts_exist() -> bool:
    from msp.accounts.models import User

    try:
        return User.objects.filter(is_demo=True, is_active=True).exists()
    except DatabaseError:  # not migrated yet: nothing to refuse
        return False


@register()
def no_demo_accounts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.PRODUCTION and kwargs.get("databases") and active_demo_accounts_exist():
        return [Error(DEMO_MESSAGE, id="msp.E001")]
    return []


def refuse_demo_accounts_in_production() -> None:
    """Called by the WSGI entry point, so a production server will not start."""
    if settings.PRODUCTION and active_demo_accounts_exist():
        raise ImproperlyConfigured(DEMO_MESSAGE)


PASSKEYS_MESSAGE = (
    "Passkeys cannot be used: no allowed host is a domain name and no https origin is "
    "trusted. Set MSP_ALLOWED_HOSTS to the service's domain (or MSP_WEBAUTHN_RP_ID and "
    "MSP_CSRF_TRUSTED_ORIGINS); authenticator apps and backup codes still work."
)


@register()
def passkeys_have_an_origin(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.OTP_WEBAUTHN_ALLOWED_ORIGINS:
        return []
    return [Warning(PASSKEYS_MESSAGE, id="msp.W020")]
