"""The two ways to write an audit event. Call ``record_change`` inside the same
transaction as the change it describes (action functions do)."""

import datetime
import decimal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models

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
    return AuditEvent.objects.create(
        user=by,
        action=action,
        channel=current_channel.get(),
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
    return AuditEvent.objects.create(
        user=by,
        action=AuditEvent.VIEW,
        channel=current_channel.get(),
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        case_id=case_id,
        person_id=person_id,
    )
