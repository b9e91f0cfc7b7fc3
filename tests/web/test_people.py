import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.people.models import Person
from tests import factories
from tests.web.conftest import text_of

VALID_NHS = "943 476 5919"


def person_post(**overrides):
    data = {
        "given_name": "Edith",
        "family_name": "Crawley",
        "date_of_birth-day": "2",
        "date_of_birth-month": "7",
        "date_of_birth-year": "1938",
        "nhs_number": VALID_NHS,
        "address": "4 Beck Row",
        "postcode": "NM3 4CD",
        "gender": "2",
        "ethnicity": "A",
        "primary_support_reason": "memory_cognition",
        "safe_to_phone": "safe",
        "safe_to_write": "not_safe",
        "safe_to_leave_message": "unknown",
    }
    data.update(overrides)
    return data


# Find a person


def test_find_by_name_nhs_number_and_date_of_birth(client_for, practitioner):
    person = factories.person(practitioner, given_name="Winifred", family_name="Ashdown")
    factories.person(practitioner, given_name="Bob", family_name="Other")
    client = client_for(practitioner)
    for query in ("winif", "Winifred Ashdown", person.nhs_number_display, "14/3/1944"):
        response = client.get(reverse("people:find"), {"q": query})
        assert "Winifred Ashdown" in text_of(response), query
        assert reverse("people:detail", args=[person.pk]) in response.content.decode()
    assert "Bob Other" not in text_of(client.get(reverse("people:find"), {"q": "winifred"}))


def test_find_shows_no_results_message_and_add_link(client_for, practitioner):
    response = client_for(practitioner).get(reverse("people:find"), {"q": "Nobody"})
    text = text_of(response)
    assert "No one you can see matches" in text
    assert "Add a new person" in text


def test_find_only_searches_people_i_may_see(client_for, practitioner, outsider):
    factories.person(outsider, given_name="Hidden", family_name="Southerner")
    response = client_for(practitioner).get(reverse("people:find"), {"q": "Southerner"})
    assert "Hidden Southerner" not in text_of(response)


def test_find_is_get_only_and_casework_only(client_for, practitioner, board_member):
    assert client_for(practitioner).post(reverse("people:find")).status_code == 405
    assert client_for(board_member).get(reverse("people:find")).status_code == 403


# Add a person


def test_create_person(client_for, practitioner):
    client = client_for(practitioner)
    assert client.get(reverse("people:create")).status_code == 200
    response = client.post(reverse("people:create"), person_post())
    person = Person.objects.get(family_name="Crawley")
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert person.nhs_number == "9434765919"
    assert person.date_of_birth == datetime.date(1938, 7, 2)
    page = text_of(client.get(response["Location"]))
    assert "Edith Crawley added" in page
    assert "Do not write to this person." in page


def test_create_person_then_raise_a_concern(client_for, practitioner):
    response = client_for(practitioner).post(
        reverse("people:create") + "?next=concern", person_post()
    )
    person = Person.objects.get(family_name="Crawley")
    assert response["Location"] == reverse("concerns:raise", args=[person.pk])


def test_the_form_keeps_next_in_its_action(client_for, practitioner):
    response = client_for(practitioner).get(reverse("people:create") + "?next=concern")
    assert 'action="/people/new/?next=concern"' in response.content.decode()


def test_bad_nhs_number(client_for, practitioner):
    response = client_for(practitioner).post(
        reverse("people:create"), person_post(nhs_number="123 456 7890")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Add a new person" in html
    assert '<a href="#nhs_number">Enter a valid NHS number' in html
    assert 'id="nhs_number-error"' in html
    assert 'value="123 456 7890"' in html
    assert 'value="Edith"' in html
    assert not Person.objects.exists()


def test_date_of_birth_under_18(client_for, practitioner):
    year = timezone.localdate().year - 10
    response = client_for(practitioner).post(
        reverse("people:create"), person_post(**{"date_of_birth-year": str(year)})
    )
    html = response.content.decode()
    assert '<a href="#date_of_birth-day">Date of birth must be at least 18 years ago' in html
    assert 'id="date_of_birth-error"' in html
    assert f'value="{year}"' in html


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter their date of birth, or their estimated age if you do not know it"),
        ("31", "2", "1950", "Date of birth must be a real date"),
        ("3", "", "1950", "Date of birth must include a month"),
        ("x", "3", "1950", "Date of birth must be a real date"),
    ],
)
def test_date_of_birth_shape(client_for, practitioner, day, month, year, message):
    data = person_post(
        **{"date_of_birth-day": day, "date_of_birth-month": month, "date_of_birth-year": year}
    )
    html = client_for(practitioner).post(reverse("people:create"), data).content.decode()
    assert f'<a href="#date_of_birth-day">{message}</a>' in html


def test_missing_names_show_every_error_at_once(client_for, practitioner):
    data = person_post(given_name="", family_name="", nhs_number="nope")
    html = client_for(practitioner).post(reverse("people:create"), data).content.decode()
    assert '<a href="#given_name">Enter their first name</a>' in html
    assert '<a href="#family_name">Enter their last name</a>' in html


# Person page


def test_person_page(client_for, practitioner, case_in):
    case = case_in("triage")
    response = client_for(practitioner).get(reverse("people:detail", args=[case.person_id]))
    text = text_of(response)
    assert case.person.full_name in text
    assert "Check it is safe before you phone this person." in text
    assert case.reference in text
    assert "Raise a concern about this person" in text and "Change details" in text


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor"])
def test_person_page_is_404_for_outsiders(request, client_for, practitioner, who):
    person = factories.person(practitioner)
    user = request.getfixturevalue(who)
    assert client_for(user).get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert client_for(user).get(reverse("people:edit", args=[person.pk])).status_code == 404


def test_person_page_is_get_only(client_for, practitioner):
    person = factories.person(practitioner)
    assert (
        client_for(practitioner).post(reverse("people:detail", args=[person.pk])).status_code == 405
    )


# Change details


def test_edit_person(client_for, practitioner):
    person = factories.person(practitioner, given_name="Edith", family_name="Crawley")
    client = client_for(practitioner)
    form = client.get(reverse("people:edit", args=[person.pk]))
    html = form.content.decode()
    assert 'name="version" value="1"' in html
    assert 'value="Edith"' in html
    response = client.post(
        reverse("people:edit", args=[person.pk]),
        person_post(nhs_number=person.nhs_number, phone="01632 960001", version="1"),
    )
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    person.refresh_from_db()
    assert person.phone == "01632 960001" and person.version == 2


def test_edit_person_conflict(client_for, practitioner, colleague):
    person = factories.person(practitioner)
    url = reverse("people:edit", args=[person.pk])
    client_for(colleague).post(
        url, person_post(nhs_number=person.nhs_number, phone="01632 960002", version="1")
    )
    response = client_for(practitioner).post(
        url, person_post(nhs_number=person.nhs_number, email="e@example.com", version="1")
    )
    assert response.status_code == 409
    text = text_of(response)
    assert "Cal Reyes changed this record" in text
    assert "01632 960002" in text
    html = response.content.decode()
    assert 'value="e@example.com"' in html
    assert 'name="version" value="2"' in html


def test_edit_person_is_403_for_read_only_manager(client_for, practitioner, other_manager):
    person = factories.person(practitioner)
    url = reverse("people:edit", args=[person.pk])
    assert client_for(other_manager).get(url).status_code == 403
    assert client_for(other_manager).post(url, person_post(version="1")).status_code == 403


def test_edit_person_methods(client_for, practitioner):
    person = factories.person(practitioner)
    assert client_for(practitioner).put(reverse("people:edit", args=[person.pk])).status_code == 405
    assert client_for(practitioner).put(reverse("people:create")).status_code == 405


# An NHS number already recorded


def test_nhs_number_of_someone_you_cannot_see(client_for, practitioner, outsider):
    hidden = factories.person(outsider)
    response = client_for(practitioner).post(
        reverse("people:create"), person_post(nhs_number=hidden.nhs_number)
    )
    html = response.content.decode()
    message = "This NHS number is already recorded. Ask a safeguarding lead to check it"
    assert f'<a href="#nhs_number">{message}</a>' in html
    assert hidden.family_name not in html
    assert 'value="Crawley"' in html  # what was typed is kept
    assert not Person.objects.filter(family_name="Crawley").exists()
    event = AuditEvent.objects.get(action="person.duplicate_nhs_number")
    assert (event.user, event.person_id) == (practitioner, hidden.pk)


def test_nhs_number_of_someone_you_can_see_links_to_them(client_for, practitioner, colleague):
    seen = factories.person(colleague)
    mine = factories.person(practitioner)
    response = client_for(practitioner).post(
        reverse("people:edit", args=[mine.pk]),
        person_post(nhs_number=seen.nhs_number, version=str(mine.version)),
    )
    html = response.content.decode()
    assert f"This NHS number is already recorded for {seen.full_name}" in html
    assert f'href="{reverse("people:detail", args=[seen.pk])}"' in html


def test_every_missing_answer_is_named_in_the_error_summary(client_for, practitioner):
    """A form posted with nothing in it (a stranger's test) names each question
    it needs answered, never a bare 'This field is required.'"""
    page = client_for(practitioner).post("/people/new/", {})
    html = page.content.decode()
    assert page.status_code == 200
    assert "This field is required" not in html
    assert "Select their ethnicity, or &#x27;Not known&#x27;" in html
    assert "Select their primary support reason" in html
    assert "Select their gender" in html
