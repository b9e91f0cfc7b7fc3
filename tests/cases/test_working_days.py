import datetime

from msp.cases.working_days import bank_holidays, is_working_day, working_days_between

D = datetime.date


def test_bank_holidays_come_from_the_bundled_list_for_england_and_wales():
    assert D(2025, 12, 25) in bank_holidays()
    assert D(2025, 8, 25) in bank_holidays()  # summer bank holiday in England
    assert D(2025, 8, 4) not in bank_holidays()  # Scotland's, not England's


def test_weekends_and_bank_holidays_are_not_working_days():
    assert is_working_day(D(2025, 12, 24))
    assert not is_working_day(D(2025, 12, 25))
    assert not is_working_day(D(2025, 12, 27))  # Saturday


def test_a_concern_that_arrived_today_has_waited_no_days():
    assert working_days_between(D(2025, 6, 4), D(2025, 6, 4)) == 0
    assert working_days_between(D(2025, 6, 5), D(2025, 6, 4)) == 0


def test_a_weekend_does_not_count():
    friday, monday = D(2025, 6, 6), D(2025, 6, 9)
    assert working_days_between(friday, monday) == 1


def test_christmas_and_new_year_are_left_out():
    # 24 Dec 2025 (Wed) to 2 Jan 2026 (Fri): 25, 26 Dec and 1 Jan are holidays
    assert working_days_between(D(2025, 12, 24), D(2026, 1, 2)) == 4


def test_counts_agree_with_stepping_day_by_day():
    start = D(2025, 3, 1)
    for length in range(0, 70):
        end = start + datetime.timedelta(days=length)
        stepped = sum(
            1 for i in range(1, length + 1) if is_working_day(start + datetime.timedelta(days=i))
        )
        assert working_days_between(start, end) == stepped
