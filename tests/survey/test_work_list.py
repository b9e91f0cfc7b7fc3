"""The work list: closed cases still inside the eight-week window, waiting for
an independent survey, the soonest to close first."""

import datetime
import re

import pytest
from django.urls import reverse

from msp.concerns import actions as concern_actions
from msp.enquiries import actions as enquiry_actions
from tests import factories
from tests.survey.conftest import close, days_ago, record
from tests.web.conftest import text_of

pytestmark = pytest.mark.django_db

URL = reverse("survey:work-list")


def rows(response):
    """(reference, rest of the row's text) for each case waiting, in order."""
    html = response.content.decode()
    if "Waiting for an independent survey</caption>" not in html:
        return []
    body = html.split("Waiting for an independent survey</caption>", 1)[1].split("</table>")[0]
    found = []
    for row in body.split('<tr class="govuk-table__row">')[2:]:
        text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
        found.append(text)
    return found


def test_shows_cases_in_the_window_soonest_to_close_first(client_for, practitioner, closed_case):
    late = closed_case(days=50)
    early = closed_case(days=5)
    last_day = closed_case(days=56)
    closed_case(days=57)  # window closed yesterday
    factories.case(practitioner, state="enquiry")  # not closed
    listed = rows(client_for(practitioner).get(URL))
    assert [r.split()[0] for r in listed] == [
        last_day.reference,
        late.reference,
        early.reference,
    ]
    window_end = days_ago(50) + datetime.timedelta(days=56)
    assert f"{window_end:%-d %B %Y}" in listed[1]
    assert "6 days" in listed[1]
    assert "51 days" in listed[2]
    assert "Last day" in listed[0]


def test_only_the_users_team(client_for, practitioner, outsider, other_manager, closed_case):
    ours = closed_case(days=3)
    theirs = closed_case(days=3, by=outsider)
    mine = [r.split()[0] for r in rows(client_for(practitioner).get(URL))]
    assert mine == [ours.reference]
    # A manager may read every team's cases but surveys only their own team's
    assert [r.split()[0] for r in rows(client_for(other_manager).get(URL))] == [theirs.reference]


def test_a_safeguarding_lead_sees_every_team(client_for, lead, outsider, closed_case):
    ours = closed_case(days=3)
    theirs = closed_case(days=4, by=outsider)
    listed = rows(client_for(lead).get(URL))
    assert [r.split()[0] for r in listed] == [theirs.reference, ours.reference]
    assert "South locality team" in listed[0]


def test_an_independent_survey_takes_the_case_off_the_list(
    client_for, practitioner, colleague, closed_case
):
    done = closed_case(days=10)
    at_closure = closed_case(days=9)
    record(done, colleague)
    record(at_closure, practitioner, method="lead_enquirer_at_closure")
    response = client_for(practitioner).get(URL)
    listed = rows(response)
    assert [r.split()[0] for r in listed] == [at_closure.reference]
    assert listed[0].endswith(f"Yes Record a survey for case {at_closure.reference}")
    recent = text_of(response).split("Recorded in the last 8 weeks", 1)[1]
    assert done.reference in recent and at_closure.reference in recent
    assert "Asked by someone independent, after the case closed" in recent
    assert "Cal Reyes" in recent


def test_a_reopened_and_closed_again_case_is_due_again(
    client_for, practitioner, colleague, closed_case
):
    case = closed_case(days=20)
    record(case, colleague)
    case = enquiry_actions.reopen_case(
        case,
        by=practitioner,
        expected_version=case.version,
        reason="Her son moved back in.",
        **factories.new_concern(),
    )
    concern_actions.record_decision(
        case,
        by=factories.decider_for(practitioner, case),
        expected_version=case.version,
        **factories.DECISION_S42,
    )
    case = factories.fresh(case)
    case = enquiry_actions.start_enquiry(case, by=practitioner, expected_version=case.version)
    case = enquiry_actions.start_closing(case, by=practitioner, expected_version=case.version)
    close(case, practitioner)
    assert [r.split()[0] for r in rows(client_for(practitioner).get(URL))] == [case.reference]


def test_nothing_waiting(client_for, practitioner):
    text = text_of(client_for(practitioner).get(URL))
    assert "No closed cases are waiting for a survey." in text
    assert "No surveys have been recorded in the last 8 weeks." in text


def test_casework_roles_have_the_navigation_item(client_for, practitioner, board_member):
    assert "Outcome surveys" in text_of(client_for(practitioner).get(reverse("cases:my-cases")))
    page = client_for(practitioner).get(URL)
    assert 'aria-current="page"' in page.content.decode()


@pytest.mark.parametrize("who", ["board_member", "auditor", "administrator"])
def test_other_roles_cannot_use_the_work_list(request, client_for, who):
    user = request.getfixturevalue(who)
    response = client_for(user).get(URL)
    assert response.status_code == 403
    assert "Your role does not include casework" in text_of(response)


def test_the_work_list_is_read_only(client_for, practitioner):
    assert client_for(practitioner).post(URL).status_code == 405


def test_the_closed_case_page_links_to_the_survey(client_for, practitioner, closed_case):
    closed = closed_case(days=3)
    open_case = factories.case(practitioner, state="enquiry")
    client = client_for(practitioner)
    link = f'href="{reverse("survey:new-response", args=[closed.pk])}"'
    assert link in client.get(reverse("cases:detail", args=[closed.pk])).content.decode()
    page = client.get(reverse("cases:detail", args=[open_case.pk])).content.decode()
    assert reverse("survey:new-response", args=[open_case.pk]) not in page
    assert "outcome survey" not in page
