"""Sessions saved when they change, and otherwise at most once a minute.

Saving the session on every request (Django's ``SESSION_SAVE_EVERY_REQUEST``)
writes a row per page view just to push the idle timeout back. Instead
``SessionTouchMiddleware`` saves an unchanged session only when its last save
is more than ``TOUCH_SECONDS`` old, and this engine stores an expiry that much
later than the idle timeout, so a session still ends no earlier than
``SESSION_COOKIE_AGE`` after the last request, and at most ``TOUCH_SECONDS``
after that. "Stay signed in" (``touch``) always saves.
"""

import time
from collections.abc import Callable

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.http import HttpRequest, HttpResponse

TOUCH_SECONDS = 60
TOUCHED_KEY = "msp_touched"


class SessionStore(DatabaseSessionStore):
    """The database session store, kept ``TOUCH_SECONDS`` past the idle timeout."""

    def get_session_cookie_age(self) -> int:
        return int(super().get_session_cookie_age()) + TOUCH_SECONDS


def touch(request: HttpRequest) -> None:
    """Save the session at the end of this request, restarting the idle timeout."""
    request.session[TOUCHED_KEY] = int(time.time())


class SessionTouchMiddleware:
    """Place just below SessionMiddleware: it marks the session to be saved when
    it changed (stamping the time) or was last saved more than a minute ago."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or response.status_code == 500:
            return response
        if session.modified:
            if not session.is_empty():
                session[TOUCHED_KEY] = int(time.time())
        elif (
            session.accessed
            and not session.is_empty()
            and int(time.time()) - int(session.get(TOUCHED_KEY, 0)) >= TOUCH_SECONDS
        ):
            touch(request)
        return response
