"""Telling safeguarding leads that someone used break-glass.

Every grant is an alert in the service itself: leads see unacknowledged
grants on their "Break-glass alerts" page until one of them acknowledges it.
Other channels (email, for example) plug in as notifiers: classes with a
``break_glass(grant)`` method, listed by dotted path in
``settings.BREAK_GLASS_NOTIFIERS``. They run after the grant is saved; one that
fails is logged (without personal data) and does not undo the grant.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from msp.cases.models import BreakGlassGrant

logger = logging.getLogger(__name__)


class BreakGlassNotifier(Protocol):
    def break_glass(self, grant: BreakGlassGrant) -> None: ...


def notifiers() -> list[BreakGlassNotifier]:
    return [import_string(path)() for path in settings.BREAK_GLASS_NOTIFIERS]


def send_break_glass_alert(grant: BreakGlassGrant) -> None:
    for notifier in notifiers():
        try:
            notifier.break_glass(grant)
        except Exception as exc:
            logger.error(
                "Break-glass notifier %s failed with %s for grant %s",
                type(notifier).__name__,
                type(exc).__name__,
                grant.pk,
            )
