"""Erasing personal data from old audit events without breaking the proof.

Retention calls ``redact_events``: it blanks each event's ``changes`` and
``reason`` and sets ``redacted_at``. The event keeps its sequence number and
both hashes, so ``verify_audit`` still checks the chain through it (it accepts a
redacted event's stored content hash, as it can no longer recompute it). One
tombstone event (``audit.redacted``) records how many events were redacted and
their id range, never what they said.

The database allows exactly this update and no other. On PostgreSQL it runs
through the SECURITY DEFINER function ``audit_redact``, owned by the owner
role, so the app's role needs no UPDATE right on the audit table.
"""

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import write

REDACTED = "audit.redacted"
BATCH = 5000
REDACT_SQL = (
    "UPDATE audit_auditevent SET changes = '{}', reason = '', redacted_at = %s "
    "WHERE redacted_at IS NULL"
)


def redact_events(event_ids: Iterable[int], *, by: User | None, reason: str) -> int:
    """Blank the changes and reason of the given events (those not already
    redacted). Returns how many were redacted."""
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    now = timezone.now()
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            if connection.vendor == "postgresql":
                cursor.execute("SELECT audit_redact(%s::bigint[], %s)", [batch, now])
                count += cursor.fetchone()[0]
            else:
                marks = ", ".join(["%s"] * len(batch))
                sql = f"{REDACT_SQL} AND id IN ({marks})"
                cursor.execute(
                    sql,
                    [connection.ops.adapt_datetimefield_value(now), *batch],
                )
                count += cursor.rowcount
        if count:
            write(
                by=by,
                action=REDACTED,
                object_type="audit.auditevent",
                object_id=f"{ids[0]}-{ids[-1]}",
                changes={"count": count, "first_id": ids[0], "last_id": ids[-1]},
                reason=reason,
            )
    return count
