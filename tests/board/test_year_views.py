"""Every view of a year comes from one pass over the year, and says what
asking for that view alone says."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp.accounts.models import Team
from msp.assurance.period import Period
from msp.board.measures import measure, measure_views
from msp.board.models import StoredFigures

VIEWS = [1, 2, 3, 4, None]


def test_each_view_is_what_measuring_it_alone_gives(year):
    teams = sorted(Team.objects.values_list("pk", flat=True))
    views = measure_views(2025, teams, VIEWS)
    assert set(views) == {(t, q) for t in [None, *teams] for q in VIEWS}
    for (team, quarter), counts in views.items():
        assert counts == measure(Period(2025, quarter), team), (team, quarter)
    # and a quarter's concerns are the year's, split
    everyone = views[(None, None)]
    assert sum(views[(None, q)].locations.total() for q in (1, 2, 3, 4)) == (
        everyone.locations.total()
    )
    assert everyone.locations.total() == sum(everyone.concerns_by_quarter.values())


def test_asking_for_every_view_costs_the_same_queries_however_many_teams(year):
    one_team = sorted(Team.objects.values_list("pk", flat=True))[:1]
    with CaptureQueriesContext(connection) as few:
        measure_views(2025, one_team, VIEWS)
    for n in range(4):
        Team.objects.create(name=f"Extra team {n}")
    every_team = sorted(Team.objects.values_list("pk", flat=True))
    StoredFigures.objects.all().delete()  # count again, not from the store
    with CaptureQueriesContext(connection) as many:
        measure_views(2025, every_team, VIEWS)
    assert len(many) == len(few)
    # the counts (each reading the few passed-on cases first), the store, savepoints
    assert len(few) <= 20
    with CaptureQueriesContext(connection) as stored:
        measure_views(2025, every_team, VIEWS)
    assert len(stored) <= 2  # the year's version and its stored figures
