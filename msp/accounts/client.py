"""Where a request came from, for lock-out and the audit log."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from. Behind our proxies (``MSP_BEHIND_PROXY``)
    it is the X-Forwarded-For entry ``MSP_PROXY_COUNT`` places from the right:
    the one our nearest proxy saw. Entries further left are whatever the client
    sent and cannot be trusted."""
    remote = request.META.get("REMOTE_ADDR") or None
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < settings.PROXY_COUNT:
        return remote
    candidate = forwarded[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
