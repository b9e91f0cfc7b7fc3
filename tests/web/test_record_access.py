"""The same checklist for every page of the record kept during a case: it opens
for the people who work on the case, is not found for anyone outside it, is
read-only for a manager of another team, refuses methods it does not take,
and refuses to add to a closed case."""

import pytest
from django.urls import reverse

from msp.enquiries import actions
from msp.enquiries.models import Override
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import close_properly, h1_of, text_of, whole_case

CASE_PAGES = [
    ("enquiries:capacity-new", "Record a capacity assessment"),
    ("enquiries:best-interests-new", "Record a best-interests decision"),
    ("enquiries:restriction-new", "Record a restriction or decision made for the person"),
    ("enquiries:advocacy-new", "Record an advocacy assessment"),
    ("enquiries:contact-new", "Record a contact with the person"),
    ("enquiries:risk", "Assess the risk"),
    ("enquiries:risk-action-new", "Record an action to protect others"),
    ("enquiries:override-new", "Record a decision against someone's wishes"),
    ("enquiries:plan", "Make the safeguarding plan"),
    ("enquiries:plan-action-new", "Add a plan action"),
    ("enquiries:self-neglect", "Record background and history"),
    ("enquiries:clutter-new", "Add a clutter rating"),
    ("enquiries:feedback-new", "Record feedback to the person who raised the concern"),
    ("enquiries:escalation-new", "Record an escalation"),
    ("enquiries:death", "Record that the person has died"),
    ("enquiries:involvement", "Record how the person took part"),
    ("enquiries:note-new", "Add a case note"),
]


def record_pages(case, practitioner):
    """Every page of the record for ``case``: the case's own pages, and the
    pages of records on it (a plan action, an escalation)."""
    action = rf.plan_action(case, practitioner)
    escalation = rf.escalation(case, practitioner)
    pages = [(reverse(name, args=[case.pk]), title) for name, title in CASE_PAGES]
    pages.append((reverse("enquiries:plan-action-edit", args=[action.pk]), "Change a plan action"))
    pages.append(
        (
            reverse("enquiries:escalation-resolve", args=[escalation.pk]),
            "Record how the escalation was resolved",
        )
    )
    return pages


@pytest.fixture
def pages(case_in, practitioner):
    case = case_in("enquiry")
    return case, record_pages(case, practitioner)


def test_every_page_opens_for_the_team(client_for, practitioner, manager, lead, pages):
    _, urls = pages
    for user in (practitioner, manager, lead):
        client = client_for(user)
        for url, title in urls:
            response = client.get(url)
            assert response.status_code == 200, (url, user)
            assert h1_of(response) == title
            assert "Back to the case" in text_of(response)


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor", "administrator"])
def test_every_page_is_not_found_outside_the_team(request, client_for, pages, who):
    _, urls = pages
    client = client_for(request.getfixturevalue(who))
    for url, _ in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": "1"}).status_code == 404, url


def test_another_teams_manager_can_read_the_case_but_not_record(client_for, other_manager, pages):
    case, urls = pages
    client = client_for(other_manager)
    for url, _ in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"version": "1", "text": "A note"}).status_code == 403, url
    assert not case.notes.exists()
    # They see the record, without links to add to it
    page = whole_case(client, case.pk)
    assert "Record a capacity assessment" not in text_of(page)
    assert reverse("enquiries:capacity-new", args=[case.pk]) not in page.content.decode()


def test_pages_take_only_get_and_post(client_for, practitioner, pages):
    _, urls = pages
    client = client_for(practitioner)
    for url, _ in urls:
        assert client.put(url).status_code == 405, url
        assert client.delete(url).status_code == 405, url


def test_a_closed_case_takes_nothing_more(client_for, practitioner, closed_case):
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[closed_case.pk])
    response = client.get(url)
    assert response.status_code == 409
    assert "This case is closed. Reopen it to add to the record." in text_of(response)
    response = client.post(url, {"text": "Too late"})
    assert response.status_code == 409
    assert not closed_case.notes.exists()
    page = text_of(whole_case(client, closed_case.pk))
    assert "Add a case note" not in page and "Record a capacity assessment" not in page


def test_a_closed_case_page_shows_the_record_without_links(
    client_for, practitioner, case_in, manager
):
    case = case_in("closing")
    rf.capacity(case, practitioner)
    actions.cosign_override(rf.override(case, practitioner, cosigner=manager), by=manager)
    case = close_properly(case, practitioner)
    response = whole_case(client_for(manager), case.pk)
    text = text_of(response)
    assert "Capacity to decide: Whether to let her son manage her bank account" in text
    assert "Co-signed by Mo Hughes" in text
    assert "Questions about this case" not in text


def test_cosign_is_post_only_and_hidden_outside_the_team(
    client_for, practitioner, manager, outsider, board_member, case_in
):
    case = case_in("enquiry")
    override = rf.override(case, practitioner, cosigner=manager)
    url = reverse("enquiries:override-cosign", args=[override.pk])
    assert client_for(manager).get(url).status_code == 405
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(board_member).post(url).status_code == 404
    assert (
        client_for(manager).post(reverse("enquiries:override-cosign", args=[999999])).status_code
        == 404
    )
    assert not Override.objects.get(pk=override.pk).is_cosigned


def test_records_of_a_case_in_another_team_are_not_found(client_for, outsider, practitioner):
    """A record's own URL (a plan action, an escalation) does not reveal that it
    exists to someone who cannot see its case."""
    case = factories.case(practitioner, state="enquiry")
    action = rf.plan_action(case, practitioner)
    client = client_for(outsider)
    assert client.get(reverse("enquiries:plan-action-edit", args=[action.pk])).status_code == 404
    assert client.get(reverse("enquiries:plan-action-edit", args=[999999])).status_code == 404
