from django.urls import reverse

from msp.concerns import actions as concern_actions
from tests import factories
from tests.web.conftest import text_of


def test_my_cases_lists_open_cases_i_raised_or_lead(client_for, practitioner, colleague):
    mine = factories.case(practitioner, state="triage")
    led = factories.case(colleague, state="enquiry")  # colleague raised it...
    led.lead_worker = practitioner  # ...and I lead it
    led.save(update_fields=["lead_worker"])
    theirs = factories.case(colleague, state="triage")
    closed = factories.case(practitioner, state="closed")

    response = client_for(practitioner).get(reverse("cases:my-cases"))

    text = text_of(response)
    assert mine.reference in text and mine.person.full_name in text
    assert led.reference in text
    assert theirs.reference not in text
    assert closed.reference not in text
    assert "Triage" in text and "Enquiry" in text
    assert f'href="{reverse("cases:detail", args=[mine.pk])}"' in response.content.decode()


def test_my_cases_is_empty_for_a_new_colleague(client_for, practitioner, colleague):
    factories.case(practitioner)
    response = client_for(colleague).get(reverse("cases:my-cases"))
    assert "You have no open cases" in text_of(response)


def test_team_cases_shows_the_team_and_filters_by_state(client_for, practitioner, outsider):
    raised = factories.case(practitioner)
    enquiry = factories.case(practitioner, state="enquiry")
    other_team = factories.case(outsider)
    client = client_for(practitioner)

    everything = text_of(client.get(reverse("cases:team-cases")))
    assert raised.reference in everything and enquiry.reference in everything
    assert other_team.reference not in everything

    filtered = client.get(reverse("cases:team-cases"), {"state": "enquiry"})
    text = text_of(filtered)
    assert enquiry.reference in text and raised.reference not in text
    assert '<option value="enquiry" selected>' in filtered.content.decode()


def test_managers_see_their_team_and_leads_see_every_team(
    client_for, practitioner, manager, lead, outsider
):
    north = factories.case(practitioner)
    south = factories.case(outsider)
    manager_view = text_of(client_for(manager).get(reverse("cases:team-cases")))
    assert north.reference in manager_view and south.reference not in manager_view
    lead_view = text_of(client_for(lead).get(reverse("cases:team-cases")))
    assert north.reference in lead_view and south.reference in lead_view
    assert "South locality team" in lead_view


def test_case_lists_do_not_query_per_row(client_for, practitioner, django_assert_max_num_queries):
    for _ in range(6):
        case = factories.case(practitioner)
        concern_actions.start_triage(case, by=practitioner, expected_version=case.version)
    client = client_for(practitioner)
    # +3 for auditing the shown cases in one statement (chain lock on PostgreSQL,
    # last link, insert), however many rows are shown; the page's keys are read
    # before its rows (govuk.pagination), one query more than reading rows alone
    with django_assert_max_num_queries(12):
        client.get(reverse("cases:team-cases"))
    with django_assert_max_num_queries(14):
        client.get(reverse("cases:my-cases"))


def test_roles_without_casework_cannot_use_case_lists(client_for, board_member, auditor):
    for user in (board_member, auditor):
        client = client_for(user)
        assert client.get(reverse("cases:my-cases")).status_code == 403
        assert client.get(reverse("cases:team-cases")).status_code == 403


def test_case_lists_are_get_only(client_for, practitioner):
    client = client_for(practitioner)
    assert client.post(reverse("cases:my-cases")).status_code == 405
    assert client.post(reverse("cases:team-cases")).status_code == 405


def test_home_redirects_to_my_cases(client_for, practitioner):
    response = client_for(practitioner).get(reverse("cases:home"))
    assert response["Location"] == reverse("cases:my-cases")
