"""Reporting years (1 April to 31 March) and their quarters, as the statutory
return counts them."""

import datetime
from dataclasses import dataclass

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
    return f"{year} to {year + 1}"


def quarter_label(quarter: int) -> str:
    return f"Quarter {quarter} ({QUARTER_MONTHS[quarter]})"


@dataclass(frozen=True)
class Period:
    """A reporting year, or one quarter of it."""

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and self.quarter not in QUARTER_MONTHS:
            raise ValueError("A quarter is 1, 2, 3 or 4")

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
    def label(self) -> str:
        if self.quarter is None:
            return f"the year {year_label(self.year)}"
        return f"{quarter_label(self.quarter)}, {year_label(self.year)}"

    @property
    def short_label(self) -> str:
        if self.quarter is None:
            return year_label(self.year)
        return f"Q{self.quarter} {year_label(self.year)}"

    def whole_year(self) -> "Period":
        return Period(self.year)


def quarter_start(year: int, quarter: int) -> datetime.date:
    month = 3 * quarter + 1  # April, July, October, January (13)
    return datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1)


def quarter_end(year: int, quarter: int) -> datetime.date:
    if quarter == 4:
        return datetime.date(year + 1, 3, 31)
    return quarter_start(year, quarter + 1) - datetime.timedelta(days=1)
