"""The one place audit events are written. Call ``record_change`` inside the
same transaction as the change it describes (action functions do);
``record_view`` for one record shown, ``record_views`` for a list (one event per
shown record, in one statement); ``record_refusal`` when access is refused.

Every write goes through ``AuditEvent.objects.append``, which seals the events
into the hash chain.
"""

import datetime
import decimal
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection, models

from msp.accounts.models import User
from msp.audit.channel import current_actor, current_channel, current_request
from msp.audit.models import AuditEvent

Changes = dict[str, list[Any]]


def plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def acting_user() -> User | None:
    """Who is making a change that reaches us without a ``by`` (a save caught by
    a signal): the signed-in user of the current request, or nobody (a
    management command or the shell, channel "system")."""
    actor = current_actor.get()
    if isinstance(actor, User):
        return actor
    request = current_request.get()
    user = getattr(request, "user", None)
    return user if isinstance(user, User) else None


@contextmanager
def acting_as(user: User | None) -> Iterator[None]:
    """Saves inside are recorded as made by ``user``."""
    token = current_actor.set(user)
    try:
        yield
    finally:
        current_actor.reset(token)


def diff(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    """Fields whose value differs, as {field: [old, new]}."""
    return {
        key: [plain(old.get(key)), plain(new[key])]
        for key in new
        if plain(old.get(key)) != plain(new[key])
    }


def created(values: dict[str, Any]) -> Changes:
    return {key: [None, plain(value)] for key, value in values.items()}


def record_change(
    *,
    by: User | None,
    action: str,
    obj: models.Model,
    changes: Changes,
    case_id: int | None = None,
    person_id: int | None = None,
    reason: str = "",
) -> AuditEvent:
    return write(
        by=by,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        case_id=case_id,
        person_id=person_id,
        changes=changes,
        reason=reason,
    )


def record_view(
    *, by: User, obj: models.Model, case_id: int | None = None, person_id: int | None = None
) -> AuditEvent:
    return record_views(by=by, shown=[(obj, case_id, person_id)])[0]


Shown = tuple[models.Model, int | None, int | None]  # (record, case id, person id)


def record_views(*, by: User, shown: Iterable[Shown]) -> list[AuditEvent]:
    """One ``view`` event per shown record, written in one statement."""
    channel = current_channel.get()
    return AuditEvent.objects.append(
        [
            AuditEvent(
                user=by,
                action=AuditEvent.VIEW,
                channel=channel,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                case_id=case_id,
                person_id=person_id,
            )
            for obj, case_id, person_id in shown
        ]
    )


def record_list(
    *,
    by: User,
    shown_in: str,
    cases: Iterable[tuple[int, int | None]] = (),
    people: Iterable[int] = (),
) -> list[AuditEvent]:
    """A list or search result: one ``view`` event per case (case id, person id)
    and per person shown, all in one statement. ``shown_in`` names the list
    (never the search terms, which may be a name)."""
    channel = current_channel.get()
    seen = {"shown_in": shown_in}
    events = [
        AuditEvent(
            user=by,
            action=AuditEvent.VIEW,
            channel=channel,
            object_type="cases.case",
            object_id=str(case_id),
            case_id=case_id,
            person_id=person_id,
            changes=seen,
        )
        for case_id, person_id in dict.fromkeys(cases)
    ] + [
        AuditEvent(
            user=by,
            action=AuditEvent.VIEW,
            channel=channel,
            object_type="people.person",
            object_id=str(person_id),
            person_id=person_id,
            changes=seen,
        )
        for person_id in dict.fromkeys(people)
    ]
    return AuditEvent.objects.append(events)


def write(
    *,
    by: User | None,
    action: str,
    object_type: str,
    object_id: str,
    changes: dict[str, Any] | None = None,
    case_id: int | None = None,
    person_id: int | None = None,
    reason: str = "",
) -> AuditEvent:
    """One event about something that is not a model row (an export, a return)."""
    event = AuditEvent(
        user=by,
        action=action,
        channel=current_channel.get(),
        object_type=object_type,
        object_id=object_id,
        case_id=case_id,
        person_id=person_id,
        changes=changes or {},
        reason=reason,
    )
    return AuditEvent.objects.append([event])[0]


# Refusals are written after the request's transaction, so that a failing
# request cannot roll them back. The middleware collects and flushes them.
_pending: ContextVar[list[AuditEvent] | None] = ContextVar("msp_audit_pending", default=None)


def record_refusal(*, by: User, kind: str, requested_id: int, status: int) -> None:
    """A 404 or 403 from the access rules: ``case.refused`` or ``person.refused``."""
    event = AuditEvent(
        user=by if by.is_authenticated else None,
        action=f"{kind}.refused",
        channel=current_channel.get(),
        object_type="cases.case" if kind == "case" else "people.person",
        object_id=str(requested_id),
        changes={"requested_id": requested_id, "status": status},
    )
    pending = _pending.get()
    if pending is not None and connection.in_atomic_block:
        pending.append(event)
    else:
        AuditEvent.objects.append([event])


def start_deferred() -> object:
    return _pending.set([])


def flush_deferred(token: Any) -> None:
    pending: Sequence[AuditEvent] = _pending.get() or []
    _pending.reset(token)
    if pending:
        AuditEvent.objects.append(pending)
