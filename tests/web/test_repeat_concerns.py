"""A repeat concern about a person who already has an open case: the page to
add it to that case, and what the raise-concern page offers instead of a
second case."""

from django.urls import reverse

from msp.cases.models import CaseState
from msp.concerns.models import Concern
from tests import factories
from tests.web.conftest import chronology_of, summary_of, text_of, whole_case
from tests.web.test_concerns import WHAT_HAPPENED, concern_post


def add_post(case, **overrides):
    return {**concern_post(**overrides), "version": str(case.version)}


def test_the_raise_page_offers_the_open_case_to_its_team(client_for, practitioner, case_in):
    case = case_in("enquiry")
    page = client_for(practitioner).get(reverse("concerns:raise", args=[case.person.pk]))
    text = text_of(page)
    assert f"already has an open case, {case.reference}" in text
    assert f'href="{reverse("concerns:add", args=[case.pk])}"' in page.content.decode()
    assert "Add this concern to the open case" in text


def test_no_offer_when_the_person_has_no_open_case(client_for, practitioner, case_in):
    case = case_in("closed")
    page = client_for(practitioner).get(reverse("concerns:raise", args=[case.person.pk]))
    assert 'id="open-case"' not in page.content.decode()


def test_a_reader_from_another_team_is_told_to_contact_the_team(
    client_for, practitioner, other_manager, case_in
):
    case = case_in("triage")
    page = client_for(other_manager).get(reverse("concerns:raise", args=[case.person.pk]))
    text = text_of(page)
    assert "held by North locality team. Contact that team" in text
    assert reverse("concerns:add", args=[case.pk]) not in page.content.decode()


def test_a_case_the_user_may_not_open_is_not_revealed(client_for, practitioner, outsider):
    # The person belongs to the outsider's team; their open case is North's.
    person = factories.person(outsider)
    case = factories.case(practitioner, state="decided", about=person)
    page = client_for(outsider).get(reverse("concerns:raise", args=[person.pk]))
    text = text_of(page)
    assert "has an open case with another team, North locality team. Contact them" in text
    assert case.reference not in text
    assert reverse("cases:detail", args=[case.pk]) not in page.content.decode()
    assert "Add this concern" not in text


def test_add_a_concern_to_the_open_case(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("concerns:add", args=[case.pk])
    form = client.get(url)
    assert "Add a new concern to the case" in text_of(form)
    assert f'value="{case.version}"' in form.content.decode()
    response = client.post(url, add_post(case, what_happened="She was pushed on the stairs."))
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    concerns = Concern.objects.filter(case=case).order_by("pk")
    assert [c.what_happened for c in concerns][-1] == "She was pushed on the stairs."
    assert concerns.count() == 2
    page = whole_case(client, case.pk)
    assert f"Concern added to case {case.reference}" in text_of(page)
    assert "New concern added to the open case" in chronology_of(page)
    assert factories.fresh(case).state == CaseState.ENQUIRY


def test_the_case_page_links_to_adding_a_concern(client_for, practitioner, case_in):
    case = case_in("triage")
    page = whole_case(client_for(practitioner), case.pk)
    assert reverse("concerns:add", args=[case.pk]) in page.content.decode()
    assert "Add a new concern to this case" in text_of(page)


def test_a_mistake_is_shown_next_to_the_field_and_nothing_typed_is_lost(
    client_for, practitioner, case_in
):
    case = case_in("decided")
    response = client_for(practitioner).post(
        reverse("concerns:add", args=[case.pk]), add_post(case, abuse_types=[])
    )
    assert response.status_code == 200
    assert "Select at least one type of abuse or neglect" in summary_of(response)
    html = response.content.decode()
    assert f">{WHAT_HAPPENED}</textarea>" in html
    assert Concern.objects.filter(case=case).count() == 1


def test_the_same_form_sent_twice_adds_one_concern(client_for, practitioner, case_in):
    case = case_in("triage")
    client = client_for(practitioner)
    url = reverse("concerns:add", args=[case.pk])
    data = add_post(case)
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 409
    assert Concern.objects.filter(case=case).count() == 2


def test_a_closed_case_takes_no_concern(client_for, practitioner, case_in):
    case = case_in("closed")
    response = client_for(practitioner).post(
        reverse("concerns:add", args=[case.pk]), add_post(case)
    )
    assert response.status_code == 409
    assert "It can be reopened if anything changes" in text_of(response)
    assert Concern.objects.filter(case=case).count() == 1


def test_only_the_case_team_may_add(client_for, practitioner, other_manager, outsider, case_in):
    case = case_in("triage")
    url = reverse("concerns:add", args=[case.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(other_manager).post(url, add_post(case)).status_code == 403
    assert Concern.objects.filter(case=case).count() == 1


def test_adding_and_reopening_start_the_concern_form_alike(
    client_for, practitioner, case_in, settings
):
    """One helper fills both forms: raised today by the worker, for the council."""
    settings.COUNCIL_NAME = "Westdale Council"
    client = client_for(practitioner)
    open_case, closed_case = case_in("enquiry"), case_in("closed")
    pages = [
        client.get(reverse("concerns:add", args=[open_case.pk])).content.decode(),
        client.get(reverse("enquiries:reopen", args=[closed_case.pk])).content.decode(),
    ]
    for page, case in zip(pages, (open_case, closed_case), strict=True):
        assert 'value="Westdale Council"' in page
        assert 'value="Pat Okafor"' in page
        assert 'value="staff" checked' in page
        assert f'name="version" value="{case.version}"' in page
