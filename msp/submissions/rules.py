"""Pure rules for submissions: what a valid key is, what counts as the same
request, and when a remembered submission is forgotten."""

import hashlib
import hmac
import json
import re
from datetime import datetime, timedelta
from typing import Any

# How long a key is remembered. A client retrying after a network failure, or a
# person pressing back and submitting again, does so within minutes; a day is
# generous and keeps the table small.
KEEP_FOR = timedelta(hours=24)

MAX_KEY_LENGTH = 255
# Printable ASCII without spaces: UUIDs, ULIDs and random tokens all fit.
_KEY = re.compile(r"[!-~]{1,255}")


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be used as an idempotency key, or None when it can."""
    if not key:
        return "Idempotency-Key must not be empty"
    if len(key) > MAX_KEY_LENGTH:
        return f"Idempotency-Key must be at most {MAX_KEY_LENGTH} characters"
    if not _KEY.fullmatch(key):
        return "Idempotency-Key must be printable ASCII characters without spaces, such as a UUID"
    return None


def fingerprint(secret: str, operation: str, target: str, data: Any) -> str:
    """A keyed hash of what the request asks for, so the same body gives the same
    fingerprint whatever the order of its fields, and the stored value reveals
    nothing about the body."""
    canonical = json.dumps(
        {"operation": operation, "target": target, "data": data},
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hmac.new(secret.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def expired(created_at: datetime, now: datetime) -> bool:
    return now - created_at >= KEEP_FOR


def cutoff(now: datetime) -> datetime:
    """Submissions created before this are forgotten."""
    return now - KEEP_FOR
