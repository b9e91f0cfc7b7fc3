"""Working days in England and Wales: weekdays that are not bank holidays.

Timescales in adult safeguarding are counted in working days. The bank holidays
come from govuk-bank-holidays' bundled list (``use_cached_holidays``), so the
count never depends on the network; upgrading the package refreshes the list.
"""

import datetime
from functools import lru_cache

from govuk_bank_holidays.bank_holidays import BankHolidays


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[datetime.date]:
    holidays = BankHolidays(use_cached_holidays=True)
    return frozenset(h["date"] for h in holidays.get_holidays(BankHolidays.ENGLAND_AND_WALES))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays()


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end``: a concern that
    arrived today has waited 0 days, one from Friday has waited 1 on Monday.
    Zero when ``end`` is not after ``start``."""
    if end <= start:
        return 0
    days = (end - start).days
    whole_weeks, rest = divmod(days, 7)
    count = whole_weeks * 5
    day = start + datetime.timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    holidays = sum(1 for h in bank_holidays() if start < h <= end and h.weekday() < 5)
    return count - holidays
