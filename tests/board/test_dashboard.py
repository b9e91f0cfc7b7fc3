"""The board dashboard: who can see it, what it shows for a year of casework
worked out by hand (tests/board/conftest.py), that the download is exactly the
page, that no person or case can be seen, and that it takes the same number
of queries however many cases there are."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from msp.accounts.models import Role
from msp.audit.models import AuditEvent
from msp.board.measures import closure_finding_model
from msp.cases.models import Case
from msp.people.models import Person
from tests import factories
from tests.board.conftest import D, journey

pytestmark = pytest.mark.django_db

URL = reverse("board:dashboard")
CSV_URL = reverse("board:download")


class Tables(HTMLParser):
    """Every table on a page: {caption: [[header cells], [row cells], ...]}."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: str | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("th", "td") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None and self._rows is not None:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[" ".join((self._caption or "").split())] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption = (self._caption or "") + data
        elif self._cell is not None:
            self._cell.append(data)


def tables_of(response) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def column(table: list[list[str]], name: str) -> dict[str, str]:
    """{row label: value} for one column of a parsed table."""
    index = table[0].index(name)
    return {row[0]: row[index] for row in table[1:]}


def north(year_fixture) -> str:
    return str(Case.objects.get(pk=year_fixture.north[0].pk).team_id)


# -- Access ---------------------------------------------------------------------


def test_board_members_and_leads_see_the_dashboard(client_for, board_member, lead):
    for user in (board_member, lead):
        response = client_for(user).get(URL)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1" in html and "Board dashboard" in html
        assert "Key figures" in html
        assert "Download these figures" in html


@pytest.mark.parametrize(
    "role",
    [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.AUDITOR, Role.ADMINISTRATOR, Role.PERFORMANCE],
)
def test_everyone_else_is_refused(client_for, role):
    user = factories.user(role)
    client = client_for(user)
    assert client.get(URL).status_code == 403
    assert client.get(CSV_URL).status_code == 403
    assert not AuditEvent.objects.filter(object_type="board.dashboard").exists()


def test_signed_out_people_are_sent_to_sign_in(anonymous_client, db):
    for url in (URL, CSV_URL):
        response = anonymous_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")


def test_the_dashboard_only_answers_get(client_for, board_member):
    client = client_for(board_member)
    assert client.post(URL).status_code == 405
    assert client.post(CSV_URL).status_code == 405


def test_board_members_land_on_the_dashboard_and_leads_on_their_cases(
    client_for, board_member, lead
):
    response = client_for(board_member).get("/")
    assert response.status_code == 302
    assert response["Location"] == URL
    # A safeguarding lead lands on the queues; the dashboard is in their navigation.
    assert client_for(lead).get("/")["Location"] == "/cases/queues/"


def test_board_members_see_only_the_dashboard_in_the_navigation(client_for, board_member, lead):
    html = client_for(board_member).get(URL).content.decode()
    assert 'href="/board/"' in html and 'aria-current="page"' in html
    assert "My cases" not in html and "Find a person" not in html
    # A safeguarding lead keeps casework beside the dashboard.
    html = client_for(lead).get(URL).content.decode()
    assert "My cases" in html and "Board dashboard" in html


# -- What it shows, worked out by hand --------------------------------------------


def test_the_year_for_one_team(client_for, board_member, year):
    response = client_for(board_member).get(URL, {"year": 2025, "team": north(year)})
    assert response.status_code == 200
    tables = tables_of(response)
    assert "Figures for the year 2025 to 2026, North locality team." in " ".join(
        response.content.decode().split()
    )

    quarterly = tables["Concerns and enquiries by quarter, 2025 to 2026"]
    assert quarterly[0] == [
        "Quarter",
        "Concerns",
        "Repeat concerns",
        "Section 42 enquiries",
        "Other enquiries",
        "All enquiries",
        "Conversion rate",
    ]
    # Every view of the year is protected together (docs/disclosure.md). The
    # South team's 2 concerns in Q3 are hidden, so North's Q3 (8) and year (24)
    # are hidden too: with all teams' figures they would pin South's 2.
    assert quarterly[1:] == [
        # 6 concerns: hidden so that Q4's 3 cannot be worked out from the total.
        ["Quarter 1 (April to June)", "[c]", "0", "5", "0", "5", "[c]"],
        # 7 rounds to 5; the rate rests on fewer than 10 concerns (as shown).
        ["Quarter 2 (July to September)", "5", "0", "5", "0", "5", "[c]"],
        # 8, hidden to protect South's 2 in the all-teams figures; 5 repeats.
        ["Quarter 3 (October to December)", "[c]", "5", "5", "0", "5", "[c]"],
        # 3 concerns are hidden.
        ["Quarter 4 (January to March)", "[c]", "0", "0", "0", "0", "[c]"],
        # 24, hidden with Q3; a rate of a hidden figure is hidden.
        ["Whole year", "[c]", "5", "15", "0", "15", "[c]"],
    ]

    key = column(tables["Key figures, 2025 to 2026"], "Figure")
    assert key["Concerns raised"] == "[c]"  # 24, hidden as in the quarterly table
    assert key["Repeat concerns"] == "5"
    assert key["Repeat concerns (percentage of concerns)"] == "[c]"
    assert key["Section 42 enquiries started"] == "15"
    assert key["Other enquiries started"] == "0"
    assert key["Conversion rate (enquiries started as a percentage of concerns)"] == "[c]"
    assert key["Section 42 decisions made"] == "15"
    # Days: 2 (x5), 4 (x5), 10 (x5): the median is 4.
    assert key["Median days from concern to decision"] == "4"
    assert key["Section 42 enquiries that ended"] == "10"
    assert (
        key["Asked and expressed the outcomes they wanted (percentage of enquiries that ended)"]
        == "100%"
    )
    # Fully (6) and partially (4) are both hidden: percentages come from shown
    # figures only, so these are hidden too.
    assert (
        key[
            "Outcomes fully or partially achieved "
            "(percentage of enquiries where outcomes were expressed)"
        ]
        == "[c]"
    )
    assert (
        key[
            "Risk reduced or removed "
            "(percentage of enquiries where a risk was identified and action taken)"
        ]
        == "[c]"
    )
    # 2 of 3 who lacked capacity: fewer than 10.
    assert (
        key[
            "Supported by an advocate, family member or friend "
            "(percentage of enquiries where the person lacked capacity)"
        ]
        == "[c]"
    )
    assert key["Overrides of the person's wishes"] == "10"  # 8

    abuse = column(tables["Types of abuse or neglect, 2025 to 2026"], "Concerns")
    assert abuse["Physical Abuse"] == "5"  # 7
    assert abuse["Sexual Abuse"] == "[c]"  # 3
    assert abuse["Financial or Material Abuse"] == "[c]"  # 14
    # South's 2 concerns were about these: hidden to protect them.
    assert abuse["Psychological Abuse"] == "[c]"
    assert abuse["Modern Slavery"] == "0"

    location = column(tables["Where the risk was, 2025 to 2026"], "Concerns")
    # 3 in nursing homes is hidden, so own home (21) is hidden too; the total
    # (24) is hidden as it is in the quarterly table.
    assert location["Care Home - Nursing"] == "[c]"
    assert location["Own Home"] == "[c]"
    assert location["All concerns"] == "[c]"
    assert location["Hospital - Acute"] == "0"

    source = column(tables["Who the risk came from, 2025 to 2026"], "Concerns")
    assert source == {
        "Service Provider": "5",  # 7
        "Other - Known to individual": "[c]",  # 17, hidden to protect South's 2
        "Other - Unknown to individual": "0",
    }

    asked = column(tables["Asking people what they wanted, 2025 to 2026"], "Enquiries")
    assert asked["Yes they were asked and outcomes were expressed"] == "10"
    assert asked["No"] == "0"
    assert asked["All enquiries that ended"] == "10"

    achieved = column(
        tables["Whether the outcomes people wanted were achieved, 2025 to 2026"], "Enquiries"
    )
    assert achieved == {
        "Fully Achieved": "[c]",  # 6, hidden to protect the 4
        "Partially Achieved": "[c]",  # 4
        "Not Achieved": "0",
        "All enquiries where outcomes were expressed": "10",
    }

    action = column(tables["What the enquiries found and did, 2025 to 2026"], "Enquiries")
    assert action["Risk identified and action taken"] == "10"
    assert action["All enquiries that ended"] == "10"

    risk = column(tables["What happened to the risk, 2025 to 2026"], "Enquiries")
    assert risk == {
        "Risk remained": "0",
        "Risk reduced": "[c]",  # 7, hidden to protect the 3
        "Risk removed": "[c]",  # 3
        "All enquiries where a risk was identified and action taken": "10",
    }

    capacity = column(tables["Whether the person lacked capacity, 2025 to 2026"], "Enquiries")
    assert capacity == {
        "Yes, they lacked capacity": "[c]",  # 3
        "No, they did not lack capacity": "5",  # 6
        "Don't know": "[c]",  # 1
        "Not recorded": "0",
        "All enquiries that ended": "10",
    }
    support = column(tables["Support for people who lacked capacity, 2025 to 2026"], "Enquiries")
    assert support == {
        "Supported by an advocate, family member or friend": "[c]",
        "Not supported": "[c]",
        # The 3 who lacked capacity: hidden here as it is above.
        "All enquiries where the person lacked capacity": "[c]",
    }

    overrides = column(tables["Overrides of the person's wishes, 2025 to 2026"], "Overrides")
    assert overrides["The person is under coercion or undue influence"] == "10"
    assert overrides["Other people are at risk"] == "0"
    assert overrides["All overrides"] == "10"

    guard = tables["Practice guard findings by myth, 2025 to 2026"]
    assert guard[0] == ["Myth", "Prompts", "Duties", "Duties overridden"]
    rows = {row[0].split(":")[0]: row[1:] for row in guard[1:]}
    if closure_finding_model() is None:
        assert all(values == ["0", "0", "0"] for values in rows.values())
    else:
        assert rows["M1"] == ["0", "[c]", "[c]"]  # 5 duties, hidden to protect M3's 2
        assert rows["M2"] == ["[c]", "0", "0"]  # 3 prompts
        assert rows["M3"] == ["0", "[c]", "[c]"]  # 2
        assert rows["All myths"] == ["[c]", "5", "5"]  # 3; 7; 7
        assert rows["M10"] == ["0", "0", "0"]


def test_all_teams_and_another_team(client_for, board_member, year, outsider):
    client = client_for(board_member)
    everyone = tables_of(client.get(URL, {"year": 2025}))
    quarterly = everyone["Concerns and enquiries by quarter, 2025 to 2026"]
    # North's 8 and South's 2 make 10 in Q3; 26 in the year.
    assert column(quarterly, "Concerns") == {
        "Quarter 1 (April to June)": "[c]",
        "Quarter 2 (July to September)": "5",
        "Quarter 3 (October to December)": "10",
        "Quarter 4 (January to March)": "[c]",
        "Whole year": "25",
    }
    south = tables_of(client.get(URL, {"year": 2025, "team": outsider.team_id}))
    quarterly = south["Concerns and enquiries by quarter, 2025 to 2026"]
    assert column(quarterly, "Concerns") == {
        "Quarter 1 (April to June)": "0",
        "Quarter 2 (July to September)": "0",
        "Quarter 3 (October to December)": "[c]",  # 2
        "Quarter 4 (January to March)": "0",
        "Whole year": "[c]",
    }


def test_one_quarter(client_for, board_member, year):
    response = client_for(board_member).get(URL, {"year": 2025, "quarter": 3, "team": north(year)})
    tables = tables_of(response)
    period = "Q3 2025 to 2026"
    key = column(tables[f"Key figures, {period}"], "Figure")
    # 8, hidden: with all teams' Q3 (10) it would pin South's 2 (issue 8).
    assert key["Concerns raised"] == "[c]"
    assert key["Repeat concerns"] == "5"
    assert key["Repeat concerns (percentage of concerns)"] == "[c]"
    assert key["Section 42 decisions made"] == "5"
    assert key["Median days from concern to decision"] == "[c]"  # 5 decisions
    # 5 closed in December: hidden with the quarters and year it adds up to.
    assert key["Section 42 enquiries that ended"] == "[c]"
    location = column(tables[f"Where the risk was, {period}"], "Concerns")
    assert location["Own Home"] == "[c]"
    assert location["All concerns"] == "[c]"
    # The quarter-by-quarter table still shows the whole year.
    assert "Concerns and enquiries by quarter, 2025 to 2026" in tables


def test_a_small_count_is_never_shown(client_for, board_member, practitioner):
    """3 concerns in a quarter show as [c], never as 3, anywhere on the page."""
    for _ in range(3):
        journey(practitioner, D(2025, 6, 2), abuse_types=["modern_slavery"])
    response = client_for(board_member).get(URL, {"year": 2025})
    tables = tables_of(response)
    abuse = column(tables["Types of abuse or neglect, 2025 to 2026"], "Concerns")
    assert abuse["Modern Slavery"] == "[c]"
    for table in tables.values():
        for row in table[1:]:
            assert not any(value in {"1", "2", "3", "4"} for value in row[1:]), row
    csv_values = [
        row[-1]
        for row in csv.reader(
            io.StringIO(client_for(board_member).get(CSV_URL, {"year": 2025}).content.decode())
        )
    ]
    assert not {"1", "2", "3", "4"} & set(csv_values)


def test_a_hidden_figure_is_a_labelled_gap_in_the_chart(client_for, board_member, year):
    html = client_for(board_member).get(URL, {"year": 2025, "team": north(year)}).content.decode()
    start = html.index('id="chart-risk-outcome"')
    chart = html[start : html.index("</svg>", start)]
    assert 'role="img"' in html[start - 200 : start + 200]
    assert 'aria-labelledby="risk-outcome"' in html[start - 200 : start + 200]
    # Reduced (7) and removed (3) are both hidden: no bars, labels only.
    assert "<rect" not in chart
    assert chart.count(">[c]</text>") == 2
    assert "Risk reduced: [c]" in chart  # the description lists every figure
    # A shown figure is drawn from its rounded value, labelled with it.
    start = html.index('id="chart-source-of-risk"')
    chart = html[start : html.index("</svg>", start)]
    assert chart.count("<rect") == 1 and ">5</text>" in chart and ">[c]</text>" in chart
    assert "style=" not in html


def test_a_bad_filter_is_explained(client_for, board_member):
    response = client_for(board_member).get(URL, {"year": "1990"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Board dashboard" in html
    assert "Select a reporting year from the list" in html
    assert "Key figures" not in html
    download = client_for(board_member).get(CSV_URL, {"year": "1990"})
    assert download.status_code == 302
    assert download["Location"].startswith(URL)


# -- The download ---------------------------------------------------------------


def test_the_download_is_exactly_what_the_page_shows(client_for, board_member, year):
    client = client_for(board_member)
    query = {"year": 2025, "quarter": 2, "team": north(year)}
    page = tables_of(client.get(URL, query))
    response = client.get(CSV_URL, query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Period", "Team", "Table", "Row", "Column", "Value"]
    from_csv = {}
    for period, team, table, row, col, value in rows[1:]:
        assert period == "Q2 2025 to 2026"
        assert team == "North locality team"
        from_csv[(table, row, col)] = value
    from_page = {}
    for caption, table in page.items():
        heading = caption.rsplit(", ", 1)[0]
        header = table[0]
        for row in table[1:]:
            for col, value in zip(header[1:], row[1:], strict=True):
                from_page[(heading, row[0], col)] = value
    assert from_csv == from_page
    assert len(from_csv) > 100


def test_downloads_are_audited(client_for, board_member, year):
    client_for(board_member).get(CSV_URL, {"year": 2025, "quarter": 3})
    event = AuditEvent.objects.get(object_type="board.dashboard")
    assert event.user == board_member
    assert event.action == "board.downloaded"
    assert event.object_id == "2025 Q3 all teams"
    assert event.changes["period"] == [None, "Q3 2025 to 2026"]
    assert event.changes["team"] == [None, "All teams"]
    assert event.case_id is None and event.person_id is None


# -- No one can be seen ------------------------------------------------------------


def test_no_person_or_case_can_be_seen(client_for, board_member, year):
    client = client_for(board_member)
    pages = []
    team_ids = ["", north(year)]
    for quarter in ("", 1, 2, 3, 4):
        for team in team_ids:
            query = {"year": 2025, "quarter": quarter, "team": team}
            pages.append(client.get(URL, query).content.decode())
            pages.append(client.get(CSV_URL, query).content.decode())
    pages.append(client.get("/", follow=True).content.decode())
    people = Person.objects.all()
    assert people.count() == len(year.people) > 20
    secrets = set()
    for person in people:
        secrets |= {person.given_name, person.family_name, person.nhs_number, person.postcode}
    secrets |= set(Case.objects.values_list("reference", flat=True))
    secrets.discard("")
    for text in pages:
        for secret in secrets:
            assert secret not in text, secret


# -- Queries ---------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_data(
    client_for, board_member, practitioner, django_assert_max_num_queries, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(board_member)
    client.get(URL, {"year": 2025})  # warm up the session

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"year": 2025}).status_code == 200
        return len(queries)

    journey(practitioner, D(2025, 5, 12), decided=D(2025, 5, 14), closed=D(2025, 6, 10))
    client.get(URL, {"year": 2025})  # the year's figures counted and stored
    # Each count below follows a change: the stored figures are stale and counted again.
    journey(practitioner, D(2025, 5, 12), decided=D(2025, 5, 14), closed=D(2025, 6, 10))
    few = count()
    for _ in range(12):
        journey(practitioner, D(2025, 7, 7), decided=D(2025, 7, 9), closed=D(2025, 9, 10))
        journey(practitioner, D(2025, 10, 6))
    many = count()
    assert many == few
    # Every view of the year is measured (each quarter and the year, each team
    # and all teams) to protect them together (docs/disclosure.md): about
    # eight grouped queries a view, so the count grows with teams, not cases.
    from msp.accounts.models import Team

    views = (Team.objects.count() + 1) * 5
    with django_assert_max_num_queries(8 * views + 10):
        client.get(URL, {"year": 2025})
