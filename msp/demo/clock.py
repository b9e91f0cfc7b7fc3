"""A settable clock for loading demo data with plausible past dates.

``django.utils.timezone.now`` reads the time through the ``datetime`` name in its
own module, and model fields hold a reference to that function as their default
(``default=timezone.now``). Replacing that one name therefore moves every
"now" in the normal code path (action functions, field defaults, the audit log)
while the loader runs, and nothing else. Used only by the demo loader."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import django.utils.timezone


class DemoClock:
    """Stands in for ``datetime.datetime`` inside ``django.utils.timezone``."""

    def __init__(self, start: datetime.datetime) -> None:
        self.at = start

    def set(self, at: datetime.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("The demo clock needs an aware datetime")
        self.at = at

    def now(self, tz: datetime.tzinfo | None = None) -> datetime.datetime:
        if tz is None:
            return self.at.astimezone(datetime.UTC).replace(tzinfo=None)
        return self.at.astimezone(tz)


@contextmanager
def demo_clock(start: datetime.datetime) -> Iterator[DemoClock]:
    clock = DemoClock(start)
    with mock.patch.object(django.utils.timezone, "datetime", clock):
        yield clock
