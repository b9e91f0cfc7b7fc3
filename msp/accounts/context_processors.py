from typing import Any

from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, Any]:
    return {"service_name": settings.SERVICE_NAME, "council_name": settings.COUNCIL_NAME}


def session_timeout(request: HttpRequest) -> dict[str, Any]:
    """When the timeout warning shows (see accounts/includes/timeout_warning.html)."""
    return {
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": min(
            settings.SESSION_WARNING_MINUTES * 60, settings.SESSION_COOKIE_AGE
        ),
    }
