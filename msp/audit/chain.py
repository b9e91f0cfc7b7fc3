"""The hash chain that lets the audit log prove nothing was changed, removed,
reordered or cut off. Pure functions: no database.

Each event's ``content_hash`` is SHA-256 over a canonical serialisation of what
it records; its ``chain_hash`` is SHA-256 over the previous event's chain hash,
its own content hash and its sequence number. Changing, removing or reordering
any event breaks every link after it.
"""

import datetime
import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64


def _instant(at: datetime.datetime | str) -> str:
    if isinstance(at, str):  # raw SQLite values
        at = datetime.datetime.fromisoformat(at)
    if at.tzinfo is None:
        at = at.replace(tzinfo=datetime.UTC)
    return at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


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
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


def chain_hash(previous: str, content: str, seq: int) -> str:
    return hashlib.sha256(f"{previous}{content}{seq}".encode()).hexdigest()
