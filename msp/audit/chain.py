"""The hash chain that lets the audit log prove nothing was changed, removed,
reordered or cut off. Pure functions: no database.

Each event's ``content_hash`` is SHA-256 over a canonical serialisation of what
it records; its ``chain_hash`` is SHA-256 over the previous event's chain hash,
its own content hash and its sequence number. Changing, removing or reordering
any event breaks every link after it.
"""

import datetime
import hashlib
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64


_ENCODER = DjangoJSONEncoder(sort_keys=True, separators=(",", ":"))


def _instant(at: datetime.datetime | str) -> str:
    """The instant in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``. Naive values are
    UTC (SQLite keeps naive UTC text, which the walk reads raw)."""
    if isinstance(at, str):
        if len(at) == 26 and at[10] == " ":
            return f"{at[:10]}T{at[11:]}Z"
        if len(at) == 19 and at[10] == " ":
            return f"{at[:10]}T{at[11:]}.000000Z"
        at = datetime.datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(datetime.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds") + "Z"


def content_hash(
    *,
    at: datetime.datetime | str,
    user_id: int | None,
    action: str,
    channel: str,
    object_type: str,
    object_id: str,
    case_id: int | None,
    person_id: int | None,
    changes: Any,
    reason: str,
) -> str:
    payload = [
        _instant(at),
        user_id,
        action,
        channel,
        object_type,
        object_id,
        case_id,
        person_id,
        changes,
        reason,
    ]
    text = _ENCODER.encode(payload)
    return hashlib.sha256(text.encode()).hexdigest()


def chain_hash(previous: str, content: str, seq: int) -> str:
    return hashlib.sha256(f"{previous}{content}{seq}".encode()).hexdigest()
