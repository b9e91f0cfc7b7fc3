"""Pure rules of the retention schedule: when a record is due, and what date of
birth to keep once a person is erased. No database here."""

import datetime
from dataclasses import dataclass

from msp.people.validators import years_between


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_on(start: datetime.date, *, keep_years: int, keep_days: int) -> datetime.date:
    """The first day a record whose clock started on ``start`` may be erased."""
    return add_years(start, keep_years) + datetime.timedelta(days=keep_days)


@dataclass(frozen=True)
class CaseFacts:
    """What the schedule needs to know about one case."""

    closed: bool
    had_enquiry: bool
    closed_on: datetime.date | None
    last_decided_on: datetime.date | None
    actions_not_done: int


def case_clock_starts(facts: CaseFacts) -> datetime.date | None:
    """When the case's retention clock started, or None while it must be kept
    whatever its age (still open, or a plan action not done).

    A case with an enquiry counts from its last closure. A case without one
    counts from its last decision or its last closure, whichever is later, so
    that a decision is never erased before the case it belongs to has closed.
    A reopened case is open again: its clock stops, and starts again from the
    day it is next closed."""
    if not facts.closed or facts.closed_on is None or facts.actions_not_done:
        return None
    if facts.had_enquiry or facts.last_decided_on is None:
        return facts.closed_on
    return max(facts.closed_on, facts.last_decided_on)


def kept_date_of_birth(born: datetime.date, died: datetime.date | None = None) -> datetime.date:
    """A date of birth that no longer identifies the person but gives the same
    age as the real one on every day the statutory return measures age on (31
    March at a year end, or the date of death): the first of the birth month
    where that works, otherwise the nearest date that does."""
    year_end = datetime.date(born.year + 50, 3, 31)  # only month and day matter
    days = [year_end, *([died] if died else [])]
    first_of_next = (born.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    candidates = [born.replace(day=1), first_of_next]
    if died and died.month == born.month and died.day < born.day:
        candidates.append(born.replace(day=died.day + 1))
    for candidate in candidates:
        if all(years_between(candidate, d) == years_between(born, d) for d in days):
            return candidate
    return born
