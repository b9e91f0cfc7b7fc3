"""The board's figures are stored once counted and marked stale by every
change to the data they count: read from the store, they always equal the
figures counted from scratch, after any history of changes (past years too)."""

import datetime
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp.accounts.models import Role, Team, User
from msp.assurance.period import Period
from msp.board.measures import _grid, year_grid
from msp.board.models import StoredFigures
from msp.cases.models import Case
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.models import Closure, Enquiry
from tests import factories

pytestmark = pytest.mark.django_db

THIS_YEAR = Period.containing(timezone.localdate()).year
YEARS = (THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR)


def _moved(when: datetime.datetime | datetime.date, year: int) -> datetime.datetime | datetime.date:
    """The same day of the reporting year, in ``year`` (1 April + the same offset)."""
    day = when.date() if isinstance(when, datetime.datetime) else when
    offset = (day - Period.containing(day).first_day).days % 365
    target = Period(year).first_day + datetime.timedelta(days=offset)
    if isinstance(when, datetime.datetime):
        return when + (target - day)
    return target


def _same(year: int) -> None:
    stored = year_grid(year)
    assert stored.cells == _grid(year).cells, year


step = st.one_of(
    st.tuples(st.just("case"), st.sampled_from(["raised", "decided", "enquiry", "closed"])),
    st.tuples(st.just("move concern"), st.integers(0, 20), st.sampled_from(YEARS)),
    st.tuples(st.just("move case"), st.integers(0, 20), st.sampled_from(YEARS)),
    st.tuples(st.just("team"), st.integers(0, 20)),
    st.tuples(st.just("delete finding"), st.integers(0, 20)),
)


def _apply(action: tuple[Any, ...], lead: User, other_team: Team) -> None:
    kind = action[0]
    cases = list(Case.objects.order_by("pk"))
    if kind == "case" or not cases:
        factories.case(lead, state=action[1] if kind == "case" else "closed")
        return
    case = cases[action[1] % len(cases)]
    if kind == "move concern":
        concern = Concern.objects.filter(case=case).order_by("pk").first()
        assert concern is not None
        concern.raised_on = _moved(concern.raised_on, action[2])
        concern.save()
    elif kind == "move case":
        # Everything dated on the case moves to the year (a correction of
        # records typed in with the wrong year, say).
        for model, name in (
            (Concern, "raised_on"),
            (Section42Decision, "decided_at"),
            (Enquiry, "started_at"),
            (Closure, "closed_at"),
        ):
            for row in model._default_manager.filter(case=case):
                setattr(row, name, _moved(getattr(row, name), action[2]))
                row.save()
    elif kind == "team":
        case.team = other_team if case.team_id != other_team.pk else lead.team
        case.save()
    elif kind == "delete finding":
        from msp.practice.models import ClosureFinding

        finding = ClosureFinding.objects.filter(closure__case=case).first()
        if finding is not None:
            finding.delete()


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(step, min_size=1, max_size=6))
def test_stored_figures_equal_figures_counted_afresh_after_every_change(history, db):
    with transaction.atomic():
        lead = factories.user(Role.SAFEGUARDING_LEAD, username="leah")
        other_team = factories.team("South locality team")
        for year in YEARS:  # something stored before anything happens
            _same(year)
        for action in history:
            _apply(action, lead, other_team)
            for year in YEARS:
                _same(year)
        transaction.set_rollback(True)


def test_a_change_in_a_past_year_restales_that_year_and_not_the_year_before(manager):
    factories.case(manager, state="closed")
    before = {year: year_grid(year) for year in YEARS}
    assert set(StoredFigures.objects.values_list("year", flat=True)) == set(YEARS)
    concern = Concern.objects.get()
    concern.raised_on = _moved(concern.raised_on, THIS_YEAR - 1)
    concern.save()
    # The year the concern moved into is counted again and shows it ...
    last_year = year_grid(THIS_YEAR - 1)
    assert sum(sum(m.concerns_by_quarter.values()) for m in last_year.cells.values()) == 1
    # ... and the year before the person's first activity is still the stored one.
    stored = StoredFigures.objects.get(year=THIS_YEAR - 2)
    assert year_grid(THIS_YEAR - 2).cells == before[THIS_YEAR - 2].cells
    assert StoredFigures.objects.get(year=THIS_YEAR - 2).built_at == stored.built_at
