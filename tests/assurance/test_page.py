"""The return page and its downloads: for the performance team and leads only."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from msp.accounts.models import Role
from msp.assurance.period import Period
from msp.audit.models import AuditEvent
from tests import factories
from tests.web.conftest import text_of

pytestmark = pytest.mark.django_db

D = datetime.date
PAGE = "/assurance/return/"


@pytest.fixture
def performance(db):
    return factories.user(
        Role.PERFORMANCE, team_name=None, username="ruth", first_name="Ruth", last_name="Alderley"
    )


@pytest.fixture
def year_2025(story):
    """A concluded enquiry in 2025-26 with no action and result recorded."""
    return (
        story(raised_on=D(2025, 5, 1))
        .decide(D(2025, 5, 2))
        .start(D(2025, 5, 3))
        .close(D(2025, 8, 1), blank=("action_result",))
    )


def test_performance_officer_sees_the_tables(client_for, performance, year_2025):
    response = client_for(performance).get(PAGE, {"year": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Safeguarding Adults Collection return" in text
    assert '<caption class="govuk-table__caption govuk-table__caption--m">SG2a: Concluded ' in html
    assert "SG1f: Number of concerns and enquiries" in text
    assert "Total Number of Section 42 Safeguarding Enquiries 1" in text
    assert "These figures are not rounded and include small numbers" in text
    assert "Conversion rate 100.0%" in text
    # The case with missing data is listed by reference, without a link.
    assert "Cases to complete (1)" in text
    assert year_2025.case.reference in text
    assert "Action taken and result not recorded: not counted in SG2c" in text
    assert reverse("cases:detail", args=[year_2025.case.pk]) not in html
    assert 'href="/assurance/return/2025.csv"' in html
    assert 'href="/assurance/return/2025.xlsx"' in html


def test_lead_sees_links_to_the_listed_cases(client_for, lead, year_2025):
    response = client_for(lead).get(PAGE, {"year": "2025"})
    assert response.status_code == 200
    link = f'<a class="govuk-link" href="{reverse("cases:detail", args=[year_2025.case.pk])}">'
    assert f"{link}{year_2025.case.reference}</a>" in response.content.decode()


def test_the_page_shows_the_last_finished_year_by_default(client_for, performance):

    finished = Period.containing(timezone.localdate()).year - 1
    response = client_for(performance).get(PAGE)
    assert response.status_code == 200
    label = f"{finished}-{(finished + 1) % 100:02d}"
    assert f'<option value="{finished}" selected>{label}</option>' in response.content.decode()
    assert f"No concerns or enquiries were recorded in {label}: the return is empty." in (
        text_of(response)
    )


def test_a_year_not_in_the_list_is_an_error(client_for, performance):
    response = client_for(performance).get(PAGE, {"year": "1999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Safeguarding Adults Collection return" in html
    assert '<a href="#year">Select a reporting year from the list</a>' in html
    assert "SG1a" not in text_of(response)


def test_the_navigation_leads_a_performance_officer_to_the_return(client_for, performance):
    client = client_for(performance)
    assert client.get(reverse("cases:home"))["Location"] == PAGE
    html = client.get(PAGE).content.decode()
    assert 'href="/assurance/return/"' in html and "Statutory return" in html


@pytest.mark.parametrize("who", ["practitioner", "manager", "board_member", "auditor"])
def test_everyone_else_is_refused(request, client_for, who):
    response = client_for(request.getfixturevalue(who)).get(PAGE)
    assert response.status_code == 403
    assert "The statutory return is for the performance team and safeguarding leads" in (
        text_of(response)
    )


@pytest.mark.parametrize("url", [PAGE, "/assurance/return/2025.csv"])
def test_signed_out_people_are_sent_to_sign_in(anonymous_client, url, db):
    response = anonymous_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_csv_download_is_the_return_and_is_audited(client_for, performance, year_2025):
    response = client_for(performance).get("/assurance/return/2025.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sac-return-2025-26.csv"'
    lines = list(csv.DictReader(io.StringIO(response.content.decode())))
    [s42] = [
        x for x in lines if x["CATEGORY"] == "Total Number of Section 42 Safeguarding Enquiries"
    ]
    assert s42["VALUE"] == "1"
    event = AuditEvent.objects.get(object_type="assurance.return")
    assert event.user == performance
    assert event.action == "return.downloaded"
    assert event.object_id == "2025"
    assert event.channel == "web"
    assert event.changes == {"period": [None, "2025-26"], "format": [None, "csv"]}


def test_spreadsheet_download(client_for, lead, year_2025):
    response = client_for(lead).get("/assurance/return/2025.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sac-return-2025-26.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert "SG3a" in book.sheetnames
    assert AuditEvent.objects.filter(object_type="assurance.return", user=lead).count() == 1


@pytest.mark.parametrize("who", ["practitioner", "board_member", "auditor", "administrator"])
def test_downloads_are_hidden_from_everyone_else(request, client_for, who, year_2025):
    client = client_for(request.getfixturevalue(who))
    for url in ("/assurance/return/2025.csv", "/assurance/return/2025.xlsx"):
        assert client.get(url).status_code == 404
    assert not AuditEvent.objects.filter(object_type="assurance.return").exists()


def test_a_download_for_a_year_without_code_lists_is_not_found(client_for, performance):
    assert client_for(performance).get("/assurance/return/2019.csv").status_code == 404


def test_downloads_accept_only_get(client_for, performance):
    assert client_for(performance).post("/assurance/return/2025.csv").status_code == 405
