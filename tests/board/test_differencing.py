"""Differencing: a board member downloads every view of a reporting year (each
quarter and the year, each team and all teams, the page and the CSV) and
solves integer programs over all of it together (tests/board/attacker.py).
No hidden figure may be worked out exactly, on the demo data and on synthetic
councils of several shapes."""

import io
import time

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msp.accounts.models import Team
from msp.assurance.synthetic import generate
from msp.board.measures import first_year
from tests.board.attacker import YEAR, Published, add_csv, attack, periods
from tests.board.test_dashboard import tables_of

URL = reverse("board:dashboard")
CSV_URL = reverse("board:download")


def download_everything(client, year: int, *, pages: bool = True) -> Published:
    """Every view a board member can ask for in ``year``, through the client."""
    teams = list(Team.objects.order_by("name"))
    published = Published(teams=[t.name for t in teams])
    for team in [None, *teams]:
        for period in periods():
            query = {
                "year": year,
                "quarter": "" if period == YEAR else period[1],
                "team": "" if team is None else team.pk,
            }
            name = published.all_teams if team is None else team.name
            response = client.get(CSV_URL, query)
            assert response.status_code == 200
            text = response.content.decode()
            add_csv(published, name, period, text)
            if pages:
                page = tables_of(client.get(URL, query))
                shown = {
                    (caption.rsplit(", ", 1)[0], row[0], column): value
                    for caption, table in page.items()
                    for row in table[1:]
                    for column, value in zip(table[0][1:], row[1:], strict=True)
                }
                in_csv = {
                    (k[2], k[3], k[4]): v
                    for k, v in published.values.items()
                    if k[0] == name and k[1] == period
                }
                assert shown == in_csv
    return published


@pytest.fixture(scope="module")
def demo_year(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo council, loaded once for this module and rolled back after."""
    overrides = override_settings(
        VAR_DIR=tmp_path_factory.mktemp("var"),
        MSP_DEMO_PASSWORD="",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), overrides:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_data", stdout=io.StringIO())
            yield first_year()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_no_hidden_figure_of_the_demo_council_can_be_worked_out(
    demo_year, db, client_for, board_member
):
    client = client_for(board_member)
    started = time.perf_counter()
    for year in (demo_year + 1,):  # the demo's busiest year
        published = download_everything(client, year)
        hidden = sum(v == "[c]" for v in published.values.values())
        found = attack(published)
        print(
            f"demo {year}: {len(published.values)} figures, {hidden} hidden, {len(found)} given away"
        )
        assert found == []
    print(f"took {time.perf_counter() - started:.1f}s")


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    shape=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=3),
    seed=st.integers(min_value=1, max_value=1000),
)
def test_no_hidden_figure_of_a_synthetic_council_can_be_worked_out(
    shape, seed, db, client_for, board_member
):
    """A few teams, some with so few concerns that most quarters are sparse."""
    with transaction.atomic():
        for i, concerns in enumerate(shape):
            generate(
                concerns=concerns,
                seed=seed + i,
                start_year=2024,
                years=1,
                team_name=f"Team {chr(65 + i)}",
            )
        client = client_for(board_member)
        published = download_everything(client, 2024, pages=False)
        found = attack(published)
        transaction.set_rollback(True)
    assert found == []
