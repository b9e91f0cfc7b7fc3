"""When something on a case happened, as against when it was recorded.

A worker may record a past event (a visit last Tuesday, a decision made on
paper, a case brought over from an older system) with the date it really
happened. The recording time is always now, and is the audit event's time.

``when_problem`` is the one rule, a pure function: a past event may not be
dated before the case's first concern, nor in the future. ``happened_at``
applies it for the action functions, which accept ``at=None`` (meaning now).
"""

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from msp.audit.log import Changes

if TYPE_CHECKING:
    from msp.cases.models import Case

When = datetime.datetime | datetime.date | None

FUTURE = "{what} cannot be in the future"
BEFORE_CONCERN = "{what} cannot be before the first concern was raised ({day})"


def long_date(day: datetime.date) -> str:
    """3 March 2026"""
    return f"{day.day} {day:%B %Y}"


def when_problem(
    at: datetime.datetime,
    *,
    now: datetime.datetime,
    first_concern_on: datetime.date | None,
    what: str = "The date it happened",
) -> str | None:
    """What is wrong with dating an event ``at``, in plain English, or None.
    ``first_concern_on`` is the day the case's earliest concern was raised
    (None while the case has no concern yet)."""
    if at > now:
        return FUTURE.format(what=what)
    day = timezone.localtime(at).date() if timezone.is_aware(at) else at.date()
    if first_concern_on is not None and day < first_concern_on:
        return BEFORE_CONCERN.format(what=what, day=long_date(first_concern_on))
    return None


def as_moment(at: datetime.datetime | datetime.date) -> datetime.datetime:
    """An aware datetime for ``at``. A date alone means midday, local time (so
    the day is the same in every time zone the council might show), or now
    when it is today."""
    if isinstance(at, datetime.datetime):
        return at if timezone.is_aware(at) else timezone.make_aware(at)
    if at == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(at, datetime.time(12)))


def day_of(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def happened_at(
    at: When,
    *,
    first_concern_on: datetime.date | None,
    field: str = "happened_on",
    what: str = "The date it happened",
) -> datetime.datetime:
    """``at`` checked against the rule (``ValidationError`` naming ``field``),
    or now when not given."""
    if at is None:
        return timezone.now()
    moment = as_moment(at)
    now = timezone.now()
    problem = when_problem(moment, now=now, first_concern_on=first_concern_on, what=what)
    if problem:
        raise ValidationError({field: problem})
    return moment


def first_concern_on(case: "Case") -> datetime.date | None:
    """The day the case's earliest concern was raised."""
    day: datetime.date | None = (
        case.concerns.order_by("raised_on").values_list("raised_on", flat=True).first()
    )
    return day


def case_happened_at(
    case: "Case", at: When, *, field: str = "happened_on", what: str = "The date it happened"
) -> datetime.datetime:
    """``happened_at`` for an event on ``case``."""
    return happened_at(at, first_concern_on=first_concern_on(case), field=field, what=what)


def when_changes(at: When, moment: datetime.datetime) -> Changes:
    """What the audit event adds for an event recorded after the fact: the
    time it happened (the event's own time is when it was recorded)."""
    if at is None:
        return {}
    return {"happened_at": [None, moment.isoformat()]}
