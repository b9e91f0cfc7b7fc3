"""Nobody uses the service half signed in: a user who has set up two-factor
sign-in must enter a code, and when ``MSP_TWO_FACTOR=required`` a user who has
not set it up must do so, before any page other than the sign-in steps.
API requests authenticate with tokens and are not affected."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from msp.accounts import two_factor
from msp.accounts.models import User

# The pages a signed-in user may see before the second step.
ALLOWED = frozenset(
    {
        "accounts:sign-in",
        "accounts:sign-out",
        "accounts:signed-out",
        "accounts:two-factor-code",
        "accounts:two-factor-set-up",
        # Using a passkey at sign-in, or adding one as the first second factor
        # (the library refuses to add one while another second factor is unused).
        "accounts:passkey-use-begin",
        "accounts:passkey-use-complete",
        "accounts:passkey-add-begin",
        "accounts:passkey-add-complete",
    }
)


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        user = request.user
        if not isinstance(user, User) or request.path_info.startswith("/api/"):
            return None
        if user.is_verified():  # type: ignore[attr-defined]  # added by OTPMiddleware
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED:
            return None
        next_step = cached_second_step(request, user)
        if next_step is None:
            return None
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return HttpResponseRedirect(reverse(next_step) + (f"?{query}" if query else ""))


def second_step(user: User) -> str | None:
    """The page a user whose password was accepted must go through next, if any."""
    if two_factor.has_two_factor(user):
        return "accounts:two-factor-code"
    if two_factor.required():
        return "accounts:two-factor-set-up"
    return None


SESSION_KEY = "msp_second_step"


def cached_second_step(request: HttpRequest, user: User) -> str | None:
    """``second_step``, remembered for the session so pages cost no extra query.
    Views that change a user's two-factor set-up call ``forget_second_step``."""
    if SESSION_KEY not in request.session:
        request.session[SESSION_KEY] = second_step(user) or ""
    return request.session[SESSION_KEY] or None


def forget_second_step(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


@receiver(user_logged_in)
def _remember_second_step(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Work out the second step when the password is accepted, so pages do not."""
    if isinstance(user, User) and hasattr(request, "session"):
        request.session[SESSION_KEY] = second_step(user) or ""
