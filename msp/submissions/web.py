"""One-time tokens on web forms that create something.

Each time a creating form is shown it carries a new random token in a hidden
field (``{% submission_token %}``). Submitting it claims the token; submitting the
same form again (a double click, or back and submit) finds the claim and is sent
to the record the first submission created instead of creating a second one.
A submission with errors creates nothing, so the token stays free and the
corrected form, which keeps the same token, can use it.
"""

import secrets
from collections.abc import Callable

from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest

from msp.accounts.models import User
from msp.submissions.models import Channel, Submission
from msp.submissions.once import KeyReused, Once, carry_out_once
from msp.submissions.rules import key_problem

TOKEN_FIELD = "submission_token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def posted_token(request: HttpRequest) -> str | None:
    """The form's token, or None when it has none we can use."""
    token = request.POST.get(TOKEN_FIELD, "")
    return token if token and key_problem(token) is None else None


def already_submitted(request: HttpRequest, *, user: User) -> bool:
    """Whether this form's token already created something (a resubmission)."""
    token = posted_token(request)
    return token is not None and (
        Submission.objects.filter(user=user, channel=Channel.WEB, key=token)
        .exclude(target_id=None)
        .exists()
    )


def submit_once[T](
    request: HttpRequest,
    *,
    user: User,
    operation: str,
    act: Callable[[], T],
    target_of: Callable[[T], int | None],
) -> Once[T]:
    """Run ``act`` (which validates the form and calls one action) once per token.

    A form without a token (one shown before tokens existed) is carried out as it is."""
    token = posted_token(request)
    if token is None:
        result = act()
        return Once(result=result, target_id=target_of(result))
    try:
        return carry_out_once(
            user=user,
            channel=Channel.WEB,
            key=token,
            operation=operation,
            act=act,
            target_of=target_of,
        )
    except KeyReused:
        raise SuspiciousOperation("A form token was sent with a different form") from None
