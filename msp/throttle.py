"""Counting attempts in a time window with Django's cache, for the pages open
to anyone (the public report form and its status page). Sign-in has its own
lock-out (django-axes, msp/accounts/lockout.py); this is for pages without an
account. Keys are hashed, so no address or session key is stored in clear.

With one cache per process (the default local-memory cache) each process
counts on its own; configure a shared cache for several processes."""

import hashlib
import time

from django.core.cache import cache


def _key(scope: str, who: str, window: int) -> str:
    digest = hashlib.sha256(f"{scope}\x00{who}".encode()).hexdigest()[:32]
    return f"msp-throttle:{scope}:{digest}:{int(time.time()) // window}"


def count(scope: str, who: str, *, window: int) -> int:
    """How many times ``who`` has been counted in ``scope`` in the current window."""
    return int(cache.get(_key(scope, who, window), 0))


def hit(scope: str, who: str, *, window: int) -> int:
    """Count one more attempt and return the new total for the window."""
    key = _key(scope, who, window)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between the two calls
        cache.add(key, 1, timeout=window)
        return 1


def over(scope: str, whos: list[str], *, limit: int, window: int) -> bool:
    """Whether any of ``whos`` (an address, a session) has reached ``limit``."""
    return any(count(scope, who, window=window) >= limit for who in whos if who)
