"""The reporting year: 1 April to 31 March."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from msp.assurance.models import year_label


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class ReportingPeriod:
    """Reporting year ``year``: 1 April ``year`` to 31 March ``year + 1``.

    Dates (a concern's ``raised_on``) are compared with ``first_day`` and
    ``last_day``; moments (an enquiry's start, a closure) with ``starts_at``
    and ``ends_before``, which are local midnights (UK time), so an enquiry
    started at 00:30 on 1 April in summer time belongs to the new year."""

    year: int

    @classmethod
    def containing(cls, day: datetime.date) -> "ReportingPeriod":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 4, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.year + 1, 3, 31)

    @property
    def starts_at(self) -> datetime.datetime:
        return _local_midnight(self.first_day)

    @property
    def ends_before(self) -> datetime.datetime:
        return _local_midnight(datetime.date(self.year + 1, 4, 1))

    @property
    def label(self) -> str:
        """The year as the returns write it: "2025-26"."""
        return year_label(self.year)

    @property
    def dates(self) -> str:
        """The period in words: "1 April 2025 to 31 March 2026"."""
        return f"1 April {self.year} to 31 March {self.year + 1}"
