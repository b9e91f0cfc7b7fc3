"""The board's yearly figures against a count made by hand from each case's
history, for random histories.

test_year_views.py checks that every view of one hand-made year agrees with
every other. Here hypothesis writes the histories (people with one or two cases,
raised, decided, enquired into, closed or passed on, on dates around the
reporting year 2025 to 2026) and plays them through the real actions; the
expected figures are counted from the histories alone, from the rules as the
return's guidance states them, without msp.assurance.definitions:

- a concern counts in the quarter of the year it was raised in;
- a section 42 enquiry counts in the quarter it started;
- a concluded section 42 enquiry counts in the year its case closed, with its
  overall achievement (all fully, all not, or partly);
- a concern is a repeat when a case about the same person closed in the 365
  days before it was raised (not on the same day);
- a case passed to the council where the abuse happened counts nowhere.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from msp.assurance.period import Period
from msp.board.measures import measure
from tests.board.conftest import journey

D = datetime.date
YEAR = Period(2025)
FIRST, LAST = D(2025, 4, 1), D(2026, 3, 31)


@dataclass(frozen=True)
class Story:
    raised: datetime.date
    decided_after: int | None  # days from the concern to the decision; None: undecided
    closed_after: int | None  # days from the decision to the closure; None: open
    achievements: tuple[str, ...]
    passed_on: bool
    next_after: int | None  # days from this closure to the person's next concern


def quarter(day: datetime.date) -> int | None:
    if not FIRST <= day <= LAST:
        return None
    return (day.month - 4) % 12 // 3 + 1


def overall(achievements: tuple[str, ...]) -> str:
    if set(achievements) == {"fully"}:
        return "fully"
    if set(achievements) == {"not"}:
        return "not"
    return "partially"


ACHIEVEMENT = st.sampled_from(["fully", "partially", "not"])


@st.composite
def story(draw: st.DrawFn, raised: datetime.date, last: bool) -> Story:
    decided = draw(st.none() | st.integers(0, 20))
    closed = None if decided is None else draw(st.none() | st.integers(1, 200))
    achievements = tuple(draw(st.lists(ACHIEVEMENT, min_size=1, max_size=3)))
    # Only a person's last case may be passed on, so that no later concern
    # depends on how a passed-on closure counts for repeats.
    passed_on = closed is not None and last and draw(st.booleans())
    return Story(raised, decided, closed, achievements, passed_on, None)


@st.composite
def person(draw: st.DrawFn) -> list[Story]:
    first_raised = draw(st.dates(D(2024, 10, 1), D(2026, 2, 28)))
    again = draw(st.booleans())
    first = draw(story(first_raised, last=not again))
    if not again or first.closed_after is None or first.decided_after is None:
        return [first]
    closed = first_raised + datetime.timedelta(days=first.decided_after + first.closed_after)
    gap = draw(st.integers(1, 420))
    second = draw(story(closed + datetime.timedelta(days=gap), last=True))
    return [
        Story(
            first.raised,
            first.decided_after,
            first.closed_after,
            first.achievements,
            False,
            gap,
        ),
        second,
    ]


def expected(people: list[list[Story]]) -> dict[str, Counter]:
    concerns: Counter[int] = Counter()
    repeats: Counter[int] = Counter()
    enquiries: Counter[tuple[int, str]] = Counter()
    concluded: Counter[str] = Counter()
    for stories in people:
        closed_before: list[datetime.date] = []
        for s in stories:
            decided = closed = None
            if s.decided_after is not None:
                decided = s.raised + datetime.timedelta(days=s.decided_after)
                if s.closed_after is not None:
                    closed = decided + datetime.timedelta(days=s.closed_after)
            if not s.passed_on:
                if (q := quarter(s.raised)) is not None:
                    concerns[q] += 1
                    window = s.raised - datetime.timedelta(days=365)
                    if any(window <= d < s.raised for d in closed_before):
                        repeats[q] += 1
                if decided is not None and (q := quarter(decided)) is not None:
                    enquiries[(q, "s42")] += 1
                if closed is not None and quarter(closed) is not None:
                    concluded[overall(s.achievements)] += 1
            if closed is not None:
                closed_before.append(closed)
    return {
        "concerns_by_quarter": concerns,
        "repeats_by_quarter": repeats,
        "enquiries_by_quarter": enquiries,
        "achieved": concluded,
    }


def play(people: list[list[Story]], by) -> None:
    for stories in people:
        subject = None
        for s in stories:
            decided = closed = None
            if s.decided_after is not None:
                decided = s.raised + datetime.timedelta(days=s.decided_after)
                if s.closed_after is not None:
                    closed = decided + datetime.timedelta(days=s.closed_after)
            closure = {"reason": "moved_away"} if s.passed_on else None
            case = journey(
                by,
                s.raised,
                about=subject,
                decided=decided,
                closed=closed,
                achievements=s.achievements,
                closure=closure,
            )
            subject = case.person


def _again_after(gap: int) -> list[Story]:
    """Closed on 12 October 2024, and a new concern ``gap`` days later."""
    return [
        Story(D(2024, 10, 1), 1, 10, ("fully",), False, gap),
        Story(D(2024, 10, 12) + datetime.timedelta(days=gap), None, None, ("fully",), False, None),
    ]


# The edges: a concern 365 days after the last closure is a repeat, 366 is not;
# a case passed on in the year counts nowhere; an enquiry closed after the year
# ends is not concluded in it.
EDGES = [
    _again_after(365),
    _again_after(366),
    [Story(D(2025, 6, 2), 3, 30, ("not", "not"), True, None)],
    [Story(D(2026, 3, 20), 5, 30, ("fully", "not"), False, None)],
]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=st.lists(person(), min_size=1, max_size=5))
@example(people=EDGES)
def test_the_board_counts_what_the_histories_say(people, practitioner):
    want = expected(people)
    with transaction.atomic():
        play(people, practitioner)
        got = measure(YEAR)
        transaction.set_rollback(True)
    assert +got.concerns_by_quarter == want["concerns_by_quarter"]
    assert +got.repeats_by_quarter == want["repeats_by_quarter"]
    assert +got.enquiries_by_quarter == want["enquiries_by_quarter"]
    assert +got.achieved == want["achieved"]
    assert got.achieved.total() == got.action_results.total()
