"""Queues, allocation, who decides, and a lead's team choice, through the pages."""

from django.urls import reverse

from msp.cases.models import Case
from msp.people.models import Person
from tests import factories
from tests.web.conftest import chronology_of, h1_of, text_of, whole_case
from tests.web.test_concerns import concern_post
from tests.web.test_people import person_post


def test_a_managers_home_is_the_queues_with_waits_and_allocation(client_for, practitioner, manager):
    waiting = factories.case(practitioner)
    client = client_for(manager)
    home = client.get(reverse("cases:home"))
    assert home.url == reverse("cases:queues")
    page = client.get(home.url)
    text = text_of(page)
    assert h1_of(page) == "Queues"
    assert "Concerns waiting for triage (1)" in text
    assert "Waiting for the section 42 decision (0)" in text
    assert "Enquiries waiting for sign-off (0)" in text
    assert f"{waiting.reference} {waiting.person.full_name}" in text
    assert "Not allocated" in text
    assert reverse("cases:allocate", args=[waiting.pk]) in page.content.decode()


def test_a_practitioner_cannot_open_the_queues(client_for, practitioner):
    assert client_for(practitioner).get(reverse("cases:queues")).status_code == 403


def test_a_practitioners_home_lists_allocated_cases_first(
    client_for, practitioner, colleague, manager
):
    raised_only = factories.case(practitioner)
    allocated = factories.case(colleague, state="triage")
    client_for(manager).post(
        reverse("cases:allocate", args=[allocated.pk]),
        {"version": allocated.version, "worker": practitioner.pk},
    )
    text = text_of(client_for(practitioner).get(reverse("cases:my-cases")))
    assert text.index("Allocated to you") < text.index(allocated.reference)
    assert text.index(allocated.reference) < text.index("Concerns you raised")
    assert text.index("Concerns you raised") < text.index(raised_only.reference)


def test_a_manager_allocates_from_the_page_and_the_chronology_shows_it(
    client_for, practitioner, colleague, manager
):
    case = factories.case(practitioner, state="triage")
    client = client_for(manager)
    form = client.get(reverse("cases:allocate", args=[case.pk]))
    assert "Cal Reyes (practitioner)" in text_of(form)
    done = client.post(
        reverse("cases:allocate", args=[case.pk]),
        {"version": case.version, "worker": colleague.pk, "reason": "Cal knows the family"},
    )
    assert done.status_code == 302
    assert Case.objects.get(pk=case.pk).lead_worker == colleague
    page = whole_case(client, case.pk)
    assert "Allocated to: Cal Reyes" in text_of(page)
    chronology = chronology_of(page)
    assert "Case allocated" in chronology and "Cal knows the family" in chronology


def test_allocating_without_choosing_says_what_to_do(client_for, practitioner, manager):
    case = factories.case(practitioner)
    page = client_for(manager).post(
        reverse("cases:allocate", args=[case.pk]), {"version": case.version}
    )
    assert "Select the worker to allocate the case to" in text_of(page)
    assert Case.objects.get(pk=case.pk).lead_worker is None


def test_a_practitioner_cannot_allocate(client_for, practitioner, colleague):
    case = factories.case(practitioner)
    client = client_for(practitioner)
    assert client.get(reverse("cases:allocate", args=[case.pk])).status_code == 403
    refused = client.post(
        reverse("cases:allocate", args=[case.pk]),
        {"version": case.version, "worker": colleague.pk},
    )
    assert refused.status_code == 403
    assert "Only a team manager" in text_of(refused)
    assert Case.objects.get(pk=case.pk).lead_worker is None


def test_a_practitioner_is_told_plainly_that_managers_decide(client_for, practitioner):
    case = factories.case(practitioner, state="triage")
    client = client_for(practitioner)
    page = whole_case(client, case.pk)
    assert "Record the section 42 decision" not in text_of(page)
    refused = client.get(reverse("concerns:decision", args=[case.pk]))
    assert refused.status_code == 403
    assert "only team managers and safeguarding leads can record" in text_of(refused)


def test_a_lead_adds_a_person_for_a_chosen_team(client_for, lead):
    south = factories.team("South locality team")
    client = client_for(lead)
    form = client.get(reverse("people:create"))
    assert "Which team is recording this person?" in text_of(form)
    missing = client.post(reverse("people:create"), {"given_name": "Ada"})
    assert "Select the team" in text_of(missing)
    before = Person.objects.count()
    page = client.post(
        reverse("people:create"),
        person_post(team=south.pk),
    )
    assert page.status_code == 302, text_of(page)
    assert Person.objects.count() == before + 1
    assert Person.objects.latest("pk").team == south


def test_a_practitioner_is_not_asked_for_a_team(client_for, practitioner):
    form = client_for(practitioner).get(reverse("people:create"))
    assert "Which team is recording this person?" not in text_of(form)


def test_a_lead_raises_a_concern_for_a_chosen_team(client_for, practitioner, lead):
    south = factories.team("South locality team")
    person = factories.person(practitioner)
    client = client_for(lead)
    url = reverse("concerns:raise", args=[person.pk])
    form = client.get(url)
    assert "Which team will triage this concern?" in text_of(form)
    missing = client.post(url, concern_post())
    assert "Select the team" in text_of(missing)
    done = client.post(url, concern_post(team=south.pk))
    assert done.status_code == 302, text_of(done)
    assert Case.objects.get(person=person).team == south


def test_the_auditor_and_the_performance_officer_land_on_their_work(client_for, auditor):
    from msp.accounts.models import Role

    performance = factories.user(Role.PERFORMANCE, team_name=None)
    assert client_for(auditor).get(reverse("cases:home")).url == reverse("audit:search")
    assert client_for(performance).get(reverse("cases:home")).url == reverse("assurance:return")
