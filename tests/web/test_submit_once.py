"""Forms that create something carry a one-time token: submitting the same form
twice (a double click, or back and submit again) creates one record and sends the
second submission to it."""

import re

from django.urls import reverse

from msp.cases.models import Case
from msp.enquiries.models import CaseNote
from msp.people.models import Person
from tests import factories
from tests.web.conftest import text_of
from tests.web.test_concerns import concern_post
from tests.web.test_people import person_post


def token_in(response) -> str:
    found = re.search(r'name="submission_token" value="([^"]+)"', response.content.decode())
    assert found, "the form has no submission token"
    return found.group(1)


def test_each_showing_of_the_form_has_a_new_token(client_for, practitioner):
    person = factories.person(practitioner)
    client = client_for(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    assert token_in(client.get(url)) != token_in(client.get(url))


def test_a_concern_submitted_twice_opens_one_case(client_for, practitioner):
    person = factories.person(practitioner)
    client = client_for(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    data = {**concern_post(), "submission_token": token_in(client.get(url))}
    first = client.post(url, data)
    case = Case.objects.get(person=person)
    again = client.post(url, data)
    assert Case.objects.filter(person=person).count() == 1
    assert again.status_code == 302
    assert again["Location"] == first["Location"] == reverse("cases:detail", args=[case.pk])
    page = text_of(client.get(again["Location"]))
    assert f"This concern was already saved as {case.reference}." in page


def test_a_form_with_errors_keeps_its_token_and_can_be_sent_again(client_for, practitioner):
    person = factories.person(practitioner)
    client = client_for(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    token = token_in(client.get(url))
    wrong = client.post(url, {**concern_post(what_happened=""), "submission_token": token})
    assert wrong.status_code == 200
    assert token_in(wrong) == token
    assert not Case.objects.exists()
    right = client.post(url, {**concern_post(), "submission_token": token})
    assert right.status_code == 302
    assert Case.objects.filter(person=person).count() == 1


def test_a_new_showing_of_the_form_raises_a_second_concern(client_for, practitioner):
    person = factories.person(practitioner)
    client = client_for(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    for _ in range(2):
        client.post(url, {**concern_post(), "submission_token": token_in(client.get(url))})
    assert Case.objects.filter(person=person).count() == 2


def test_tokens_are_per_user(client_for, practitioner, colleague):
    person = factories.person(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    data = {**concern_post(), "submission_token": "the-same-token"}
    client_for(practitioner).post(url, data)
    client_for(colleague).post(url, data)
    assert Case.objects.filter(person=person).count() == 2


def test_a_person_added_twice_is_added_once(client_for, practitioner):
    client = client_for(practitioner)
    url = reverse("people:create")
    data = {**person_post(), "submission_token": token_in(client.get(url))}
    client.post(url, data)
    again = client.post(url, data)
    person = Person.objects.get(family_name="Crawley")
    assert again["Location"] == reverse("people:detail", args=[person.pk])
    page = text_of(client.get(again["Location"]))
    assert "These details were already saved as Edith Crawley." in page


def test_adding_a_person_then_a_concern_goes_on_to_the_concern(client_for, practitioner):
    client = client_for(practitioner)
    url = reverse("people:create") + "?next=concern"
    data = {**person_post(), "submission_token": token_in(client.get(url))}
    client.post(url, data)
    again = client.post(url, data)
    person = Person.objects.get(family_name="Crawley")
    assert again["Location"] == reverse("concerns:raise", args=[person.pk])


def test_the_change_details_form_has_no_token(client_for, practitioner):
    person = factories.person(practitioner)
    response = client_for(practitioner).get(reverse("people:edit", args=[person.pk]))
    assert "submission_token" not in response.content.decode()


def test_a_case_note_submitted_twice_is_added_once(client_for, practitioner):
    case = factories.case(practitioner, state="enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    data = {"text": "Phoned her GP about a review.", "submission_token": token_in(client.get(url))}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert CaseNote.objects.filter(case=case).count() == 1
    assert again["Location"] == reverse("cases:section-contact", args=[case.pk]) + "#notes"
    page = text_of(client.get(again["Location"]))
    assert "This was already saved. It has not been saved a second time." in page


def test_forms_that_change_a_record_have_no_token(client_for, practitioner):
    case = factories.case(practitioner, state="enquiry")
    response = client_for(practitioner).get(reverse("enquiries:involvement", args=[case.pk]))
    assert response.status_code == 200
    assert "submission_token" not in response.content.decode()
