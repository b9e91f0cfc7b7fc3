"""API token authentication: ``Authorization: Bearer <token>``.

Tokens expire, and a read-only token (scope ``read``, the default) may only
GET: any other method is refused here, once, for every operation (403).

Operations that change a record also check, right after the token, that the
user may change it. This runs before the request body is validated, so someone
who may not see a record gets 404 (or 403) whatever they send, as on the web.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from msp.accounts.models import ApiToken, User
from msp.accounts.tokens import revoke_token
from msp.api.types import MAX_ID

NO_TOKEN = "Send your API token in the Authorization header, as 'Bearer <token>'."
NOT_BEARER = "The Authorization header must be 'Bearer <token>'."
BAD_TOKEN = (
    "This API token is not valid. It may be mistyped or revoked, or its account may be "
    "inactive. Ask an administrator for a new token."
)
STALE = "The account was deactivated or its password changed since the token was issued"
EXPIRED = "This API token has expired. Ask an administrator for a new token."
READ_ONLY = (
    "This API token can only read (its scope is 'read'). Changing records needs a token "
    "with the 'write' scope."
)
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# check(user, record id): raises Http404 or PermissionDenied if the user may not go on.
AccessCheck = Callable[[User, int], object]


class TokenAuth(HttpBearer):
    """Each failure raises with its own reason, so the 401 body says why."""

    def __init__(self, param: str | None = None, check: AccessCheck | None = None) -> None:
        super().__init__()
        self.param = param
        self.check = check

    def __call__(self, request: HttpRequest) -> User:
        header = request.headers.get(self.header, "")
        if not header.strip():
            raise AuthenticationError(message=NO_TOKEN)
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise AuthenticationError(message=NOT_BEARER)
        user = self.authenticate(request, token.strip())
        if request.method not in READ_METHODS and not current_token(request).can_write:
            raise PermissionDenied(READ_ONLY)
        self._check_access(request, user)
        return user

    def authenticate(self, request: HttpRequest, token: str) -> User:
        found = ApiToken.objects.authenticate(token)
        if found is None:
            stale = ApiToken.objects.find(token)
            if stale is not None:
                # Deactivated or password changed behind the signals' back:
                # revoke it for good, so reactivating the account does not
                # bring it back.
                revoke_token(stale, by=None, reason=STALE)
            raise AuthenticationError(message=BAD_TOKEN)
        if found.is_expired:
            raise AuthenticationError(message=EXPIRED)
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user

    def _check_access(self, request: HttpRequest, user: User) -> None:
        if self.param is None or self.check is None or request.resolver_match is None:
            return
        raw = request.resolver_match.kwargs.get(self.param)
        # An id that is not a number is left for validation to refuse (422).
        if isinstance(raw, str) and raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_ID:
            self.check(user, int(raw))


def current_user(request: HttpRequest) -> User:
    """The user whose token authenticated this request."""
    user: Any = getattr(request, "auth", None)
    if not isinstance(user, User):  # pragma: no cover - TokenAuth guards every operation
        raise AuthenticationError(message=NO_TOKEN)
    return user


def current_token(request: HttpRequest) -> ApiToken:
    """The token that authenticated this request."""
    token: Any = getattr(request, "api_token", None)
    if not isinstance(token, ApiToken):  # pragma: no cover - TokenAuth guards every operation
        raise AuthenticationError(message=NO_TOKEN)
    return token
