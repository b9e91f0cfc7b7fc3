"""Nothing typed is lost when the session ends: a form posted after the idle
timeout is kept (server-side, signed, for a few minutes, never passwords or
tokens), the user signs in again, and the same page is shown with what they
typed filled in. Nothing is submitted for them, and nobody else gets it.

Who posted is read from the expired session the browser still names (the
session key is secret), or, once a first request after the end has removed
that cookie, from a signed note of it (``msp_ended``: the user id and a digest
of the session hash). The user's session hash must still match: a password
change since means nothing is kept."""

import datetime
import hashlib
import secrets
from collections.abc import Callable
from importlib import import_module
from typing import Any, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.datastructures import MultiValueDict
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from msp.accounts.models import KeptForm, User
from msp.govuk.kept import showing

COOKIE = "msp_kept"
# A signed note of whose session ended (user id and session hash, no more).
ENDED = "msp_ended"
SALT = "msp.accounts.kept"
KEPT_MESSAGE = "We kept what you typed. Check it and submit again."
SIGNED_OUT_MESSAGE = (
    "You were signed out because you had not done anything for a while. "
    "Sign in again to carry on: what you typed has been kept."
)
# Never kept: secrets, and the tokens of the page the user submitted.
DROPPED = ("csrfmiddlewaretoken", "submission_token")
SECRET_WORDS = ("password", "token", "secret", "otp", "passkey", "credential")


def keepable(name: str) -> bool:
    lowered = name.lower()
    return name not in DROPPED and not any(word in lowered for word in SECRET_WORDS)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def lifetime() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.KEPT_FORM_MINUTES)


def _checked(user_pk: Any, session_hash: Any) -> User | None:
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None or not constant_time_compare(
        str(session_hash or ""), _hash(user.get_session_auth_hash())
    ):
        return None
    return user


def _ended_session(request: HttpRequest) -> tuple[Any, Any] | None:
    """(user id, digest of the session hash) of the ended session the browser's cookie names."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    get_model = getattr(store, "get_model_class", None)
    if not key or get_model is None:
        return None
    row = get_model().objects.filter(session_key=key).first()
    if row is None:
        return None
    decoded = row.get_decoded()
    # The session hash itself never leaves the server: only a digest of it.
    return decoded.get(SESSION_KEY), _hash(str(decoded.get(HASH_SESSION_KEY, "")))


def user_of_ended_session(request: HttpRequest) -> User | None:
    """The user whose session has ended: from the ended session the browser
    still names, or (once the first request after the end has removed that
    cookie) from the signed note of it this middleware left."""
    ended = _ended_session(request)
    if ended is None:
        try:
            ended = signing.loads(request.COOKIES.get(ENDED, ""), salt=ENDED, max_age=lifetime())
        except signing.BadSignature:
            return None
    if not isinstance(ended, list | tuple) or len(ended) != 2:
        return None
    return _checked(*ended)


def page_of(request: HttpRequest) -> str:
    """The page the form was on: where the browser says it came from (same
    site only), else the address it was posted to."""
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        path = urlsplit(referer).path
        if path:
            return path
    return request.path


def keep(request: HttpRequest, user: User) -> str | None:
    """Store the posted fields; return the key for the browser's cookie (None:
    nothing typed to keep)."""
    KeptForm.objects.filter(created_at__lt=timezone.now() - lifetime()).delete()
    fields = {k: request.POST.getlist(k) for k in request.POST if keepable(k)}
    if not fields:
        return None
    key = secrets.token_urlsafe(32)
    KeptForm.objects.create(
        key_hash=_hash(key),
        user=user,
        path=page_of(request),
        data=signing.dumps(fields, salt=SALT, compress=True),
    )
    return key


def take(request: HttpRequest, user: User) -> MultiValueDict[str, str] | Literal[False] | None:
    """The kept fields for this user and page (used once). False: the kept form
    is gone or someone else's, and the cookie should go."""
    key = request.COOKIES.get(COOKIE, "")
    kept = KeptForm.objects.filter(
        key_hash=_hash(key), created_at__gte=timezone.now() - lifetime()
    ).first()
    if kept is None or kept.user_id != user.pk:
        KeptForm.objects.filter(key_hash=_hash(key)).delete()
        return False
    if kept.path != request.path:
        return None
    kept.delete()
    try:
        fields = signing.loads(kept.data, salt=SALT)
    except signing.BadSignature:
        return False
    return MultiValueDict({k: list(v) for k, v in fields.items() if keepable(k)})


class KeptFormMiddleware:
    """Placed just before LoginRequiredMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self._signed_out(request)
        if ENDED in request.COOKIES:
            response = self._signed_in(request)
            response.delete_cookie(ENDED, samesite="Lax")
            return response
        return self._signed_in(request)

    def _signed_out(self, request: HttpRequest) -> HttpResponse:
        """The first request after the session ended removes its cookie: note
        whose it was, so a form submitted later is still kept for them."""
        ended = _ended_session(request) if ENDED not in request.COOKIES else None
        response = self.get_response(request)
        if ended is not None and _checked(*ended) is not None:
            response.set_cookie(
                ENDED,
                signing.dumps(list(ended), salt=ENDED),
                max_age=int(lifetime().total_seconds()),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def _signed_in(self, request: HttpRequest) -> HttpResponse:
        if COOKIE not in request.COOKIES or request.method != "GET":
            return self.get_response(request)
        user = request.user
        if not isinstance(user, User):
            return self.get_response(request)
        found = take(request, user)
        if found is None:
            return self.get_response(request)
        if found is False:
            response = self.get_response(request)
        else:
            request.msp_kept_form = found  # type: ignore[attr-defined]  # see process_view
            with showing(found):
                response = self.get_response(request)
        response.delete_cookie(COOKIE, samesite="Lax")
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if getattr(request, "msp_kept_form", None) is not None:
            messages.info(request, KEPT_MESSAGE)  # here: the message store is set up now
            return None
        if (
            request.method != "POST"
            or request.user.is_authenticated
            or request.path_info.startswith("/api/")
            or not getattr(view_func, "login_required", True)
        ):
            return None
        user = user_of_ended_session(request)
        if user is None:
            return None
        key = keep(request, user)
        if key is None:
            return None
        messages.info(request, SIGNED_OUT_MESSAGE)
        query = urlencode({"next": page_of(request)})
        response = HttpResponseRedirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")
        response.set_cookie(
            COOKIE,
            key,
            max_age=int(lifetime().total_seconds()),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
