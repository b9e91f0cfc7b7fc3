"""Production refuses to start while demo accounts exist."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError


@register(deploy=True)
def no_demo_accounts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not settings.PRODUCTION:
        return []
    from msp.accounts.models import User

    try:
        if User.objects.filter(is_demo=True, is_active=True).exists():
            return [
                Error(
                    "Demo accounts exist. Remove them (manage.py remove_demo_data) before "
                    "running in production.",
                    id="msp.E001",
                )
            ]
    except DatabaseError:
        return []
    return []
