"""Enquiries as episodes: random case histories counted two ways, the
reopening rules, and the data migration that gives old cases their episode."""

import datetime
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, Phase, example, given, note, settings
from hypothesis import strategies as st

from msp.assurance import definitions
from msp.assurance.period import Period
from msp.cases.errors import InvalidTransition
from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.episodes import backfill
from msp.enquiries.models import Closure, Enquiry
from tests import factories
from tests.assurance.conftest import noon

D = datetime.date


def year_of(day: datetime.date) -> int:
    """The reporting year (1 April to 31 March) a day falls in, by its first year."""
    return day.year if day.month >= 4 else day.year - 1


cycle = st.tuples(
    st.sampled_from(["s42", "other", "none"]),  # the decision
    st.integers(1, 60),  # days between steps
    st.booleans(),  # a repeat concern added while the case is open
)
history = st.tuples(
    st.lists(cycle, min_size=1, max_size=3),
    st.integers(0, 300),  # first concern, days after 1 January 2022 (all in the past)
    st.booleans(),  # the last closure passes the case to another council
)


# Each example writes a whole case history through the actions, so few
# examples, and no shrinking (the drawn history is noted when one fails).
@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history)
@example(([("none", 40, True), ("s42", 60, False), ("other", 30, True)], 60, True))
@example(([("s42", 50, True), ("s42", 45, False)], 20, False))
def test_random_histories_count_as_the_history_says(story, adult, drawn):
    note(f"history: {drawn!r}")
    cycles, first_offset, passed_on = drawn
    day = D(2022, 1, 1) + datetime.timedelta(days=first_offset)
    s = story(person=adult(), raised_on=day)
    # What happened, written down as it happens (the independent record).
    concerns: list[datetime.date] = [day]
    started: list[tuple[str, datetime.date]] = []
    concluded: list[tuple[str, datetime.date]] = []
    for number, (result, gap, repeat) in enumerate(cycles):
        last = number == len(cycles) - 1
        step = datetime.timedelta(days=gap)
        if number:
            day += step
            s.reopen(day)
            concerns.append(day)
        if repeat:
            day += step
            concern_actions.add_concern(
                s.case,
                by=s.by,
                expected_version=s.case.version,
                **factories.new_concern(raised_on=day),
            )
            s._refresh()
            concerns.append(day)
        day += step
        s.decide(day, result)
        reason = "moved_away" if (last and passed_on) else None
        if result == "none":
            day += step
            s.close_without_enquiry(day)
        else:
            day += step
            s.start(day)
            started.append((result, day))
            day += step
            # Every desired outcome of the case so far is rated again at closing.
            ratings = ("fully",) * (len(started))
            s.close(day, ratings=ratings, **({"reason": reason} if reason else {}))
            concluded.append((result, day))
    counted = not (passed_on and cycles[-1][0] != "none")
    years = {year_of(d) for d in concerns} | {year_of(d) for _, d in started + concluded}
    for year in sorted(years):
        period = Period.containing(D(year, 4, 1))
        want_concerns = sum(1 for d in concerns if year_of(d) == year) if counted else 0
        want_started = Counter(k for k, d in started if year_of(d) == year) if counted else {}
        want_concluded = Counter(k for k, d in concluded if year_of(d) == year) if counted else {}
        assert definitions.concerns_in(period).filter(case=s.case).count() == want_concerns
        got_started = Counter(
            definitions.enquiries_started_in(period)
            .filter(case=s.case)
            .values_list("kind", flat=True)
        )
        assert got_started == Counter(want_started)
        got_concluded = Counter(
            definitions.concluded_enquiries(period)
            .filter(case=s.case)
            .values_list("enquiry_kind", flat=True)
        )
        assert got_concluded == Counter(want_concluded)


def test_the_first_start_never_vanishes_after_reopening(story, adult):
    s = story(person=adult(), raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2)).start(D(2025, 5, 3))
    s.close(D(2025, 6, 1)).reopen(D(2026, 5, 1)).decide(D(2026, 5, 2), "other").start(D(2026, 5, 3))
    first, second = Enquiry.objects.filter(case=s.case).order_by("started_at")
    assert (first.kind, first.started_at, first.concluded_at) == (
        "s42",
        noon(D(2025, 5, 3)),
        noon(D(2025, 6, 1)),
    )
    assert (second.kind, second.concluded_at) == ("other", None)
    assert (
        definitions.enquiries_started_in(Period.containing(D(2025, 4, 1)))
        .filter(case=s.case)
        .count()
        == 1
    )
    assert s.case.concerns.count() == 2


def test_a_reopened_case_cannot_conclude_an_enquiry_that_never_started(story, adult):
    s = story(person=adult(), raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2)).start(D(2025, 5, 3))
    s.close(D(2025, 6, 1)).reopen(D(2025, 7, 1))
    assert s.case.enquiry_type == "" and s.case.enquiry_started_at is None
    # The old s42 decision is still the latest: closing needs a start or a new decision.
    with pytest.raises(InvalidTransition):
        enquiry_actions.start_closing(s.case, by=s.by, expected_version=s.case.version)
    s.decide(D(2025, 7, 2), "none").close_without_enquiry(D(2025, 7, 10))
    closures = definitions.concluded_enquiries(Period.containing(D(2025, 4, 1))).filter(case=s.case)
    assert [c.enquiry_kind for c in closures] == ["s42"]
    assert Enquiry.objects.filter(case=s.case).count() == 1


def test_reopening_needs_the_new_concern(practitioner):
    case = factories.case(practitioner, state="closed")
    with pytest.raises(ValidationError) as raised:
        enquiry_actions.reopen_case(
            case, by=practitioner, expected_version=case.version, reason="Back again"
        )
    assert "what_happened" in raised.value.message_dict
    assert factories.fresh(case).state == "closed"


def test_a_repeat_concern_cannot_be_added_to_a_closed_case(practitioner):
    case = factories.case(practitioner, state="closed")
    with pytest.raises(InvalidTransition):
        concern_actions.add_concern(
            case, by=practitioner, expected_version=case.version, **factories.new_concern()
        )
    assert Concern.objects.filter(case=case).count() == 1


def test_the_backfill_gives_an_old_case_one_episode(story, adult):
    """What the data migration does, on a case recorded before episodes:
    its type and start from the case, concluded by its first closure after."""
    s = story(person=adult(), raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2)).start(D(2025, 5, 3))
    s.close(D(2025, 6, 1))
    Enquiry.objects.filter(case=s.case).delete()
    assert backfill(Case, Enquiry, Closure, Section42Decision) == 1
    episode = Enquiry.objects.get(case=s.case)
    assert (episode.kind, episode.started_at) == ("s42", noon(D(2025, 5, 3)))
    assert episode.closure == Closure.objects.get(case=s.case)
    assert episode.decision == Section42Decision.objects.get(case=s.case)
    assert backfill(Case, Enquiry, Closure, Section42Decision) == 0


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_episodes_for_existing_cases(practitioner):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    case = factories.case(practitioner, state="closed")
    Enquiry.objects.all().delete()
    executor = MigrationExecutor(connection)
    executor.migrate([("enquiries", "0005_closure_passed_on_index")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    episode = Enquiry.objects.get(case=case)
    assert episode.kind == "s42"
    assert episode.closure == Closure.objects.get(case=case)
