"""The reporting period: the one definition of the reporting year (1 April to
31 March) and its quarters, shared by the statutory return, the board
dashboard, the outcome survey and the synthetic data generator.

Plain Python over dates, with no database access, so every layer may use it.
Dates (a concern's ``raised_on``) are compared with ``first_day`` and
``last_day``; moments (an enquiry's start, a closure) with ``starts_at`` and
``ends_before``, which are local midnights (UK time): an enquiry started at
00:30 on 1 April in summer time belongs to the new year.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

QUARTER_MONTHS = {
    1: "April to June",
    2: "July to September",
    3: "October to December",
    4: "January to March",
}


def year_of(day: datetime.date) -> int:
    """The reporting year a day falls in, named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def quarter_of_month(month: int) -> int:
    """1 for April to June ... 4 for January to March."""
    return (month - 4) % 12 // 3 + 1


def year_label(year: int) -> str:
    """The year in words: 2025 -> "2025 to 2026"."""
    return f"{year} to {year + 1}"


def year_code(year: int) -> str:
    """The year as the national returns write it: 2025 -> "2025-26"."""
    return f"{year}-{(year + 1) % 100:02d}"


def quarter_label(quarter: int) -> str:
    return f"Quarter {quarter} ({QUARTER_MONTHS[quarter]})"


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The moment ``day`` starts, in the service's time zone (UK time)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def quarter_start(year: int, quarter: int) -> datetime.date:
    month = 3 * quarter + 1  # April, July, October, January (13)
    return datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1)


def quarter_end(year: int, quarter: int) -> datetime.date:
    if quarter == 4:
        return datetime.date(year + 1, 3, 31)
    return quarter_start(year, quarter + 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """Reporting year ``year`` (1 April ``year`` to 31 March ``year + 1``), or
    one quarter of it."""

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and self.quarter not in QUARTER_MONTHS:
            raise ValueError("A quarter is 1, 2, 3 or 4")

    @classmethod
    def containing(cls, day: datetime.date) -> "Period":
        """The reporting year ``day`` falls in."""
        return cls(year_of(day))

    @property
    def first_day(self) -> datetime.date:
        if self.quarter is None:
            return datetime.date(self.year, 4, 1)
        return quarter_start(self.year, self.quarter)

    @property
    def last_day(self) -> datetime.date:
        if self.quarter is None:
            return datetime.date(self.year + 1, 3, 31)
        return quarter_end(self.year, self.quarter)

    @property
    def starts_at(self) -> datetime.datetime:
        return local_midnight(self.first_day)

    @property
    def ends_before(self) -> datetime.datetime:
        return local_midnight(self.last_day + datetime.timedelta(days=1))

    def contains(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day

    @property
    def label(self) -> str:
        """In a sentence: "the year 2025 to 2026", "Quarter 1 (April to June), 2025 to 2026"."""
        if self.quarter is None:
            return f"the year {year_label(self.year)}"
        return f"{quarter_label(self.quarter)}, {year_label(self.year)}"

    @property
    def short_label(self) -> str:
        """In a caption: "2025 to 2026", "Q1 2025 to 2026"."""
        if self.quarter is None:
            return year_label(self.year)
        return f"Q{self.quarter} {year_label(self.year)}"

    @property
    def code(self) -> str:
        """As the national returns write the year: "2025-26" (with " Q1" for a quarter)."""
        code = year_code(self.year)
        return code if self.quarter is None else f"{code} Q{self.quarter}"

    @property
    def dates(self) -> str:
        """The period in words: "1 April 2025 to 31 March 2026"."""
        first, last = self.first_day, self.last_day
        return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"

    def whole_year(self) -> "Period":
        return Period(self.year)

    def quarters(self) -> Iterator["Period"]:
        return (Period(self.year, q) for q in QUARTER_MONTHS)
