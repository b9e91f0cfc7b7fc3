"""Lock-out after repeated failed sign-ins (django-axes), told to the user in
plain English, and unlocked only through ``unlock`` so that it is audited.

django-axes counts failures per username and, separately, per client address;
``settings.AXES_*`` holds the limits. The functions here are the hooks it calls
(the client's address, a log label without personal data, the page a locked-out
person sees) and the administrator's unlock."""

import datetime
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from msp.accounts import signin_audit
from msp.accounts.models import User


def client_str(
    username: str | None, ip_address: str | None, user_agent: str, path_info: Any, request: Any
) -> str:
    """What django-axes writes in the logs: never a username or an address."""
    return "a client (see the audit log)"


def cool_off() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.LOCKOUT_MINUTES)


def locked_out_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    """The page for a locked-out sign-in. The same whether or not the username
    exists, so it tells an attacker nothing."""
    until = timezone.localtime() + cool_off()
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": settings.LOCKOUT_MINUTES, "until": until},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def is_locked(request: HttpRequest, username: str) -> bool:
    return bool(AxesProxyHandler.is_locked(request, {"username": username}))


def forget_failures(username: str) -> None:
    """A complete sign-in (password, and code if asked for) clears that
    username's failures. Not the password step alone: otherwise someone who
    knows the password could guess codes without end."""
    reset(username=username)


def unlock(*, by: User | None, username: str = "", ip_address: str = "") -> int:
    """Clear the failed attempts for a username or a client address, and record
    who did it. Returns how many records of attempts were cleared."""
    if not username and not ip_address:
        raise ValueError("Give a username or an address to unlock")
    with transaction.atomic():
        cleared = 0
        if username:
            cleared += reset(username=username)
        if ip_address:
            cleared += reset(ip=ip_address)
        account = User.objects.filter(username=username).first() if username else None
        signin_audit.record(
            signin_audit.UNLOCKED,
            account=account,
            by=by,
            object_type="accounts.user" if username else "accounts.address",
            object_id="" if username else ip_address,
            changes={
                "unlocked_address": [None, ip_address or None],
                "attempts_cleared": [None, cleared],
            },
        )
    return cleared
