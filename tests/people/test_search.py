"""Person search: the same answers on SQLite and PostgreSQL (run both)."""

import datetime
import re

import pytest

from msp.people.matching import fold, likeness, name_key, postcode_key
from msp.people.models import Person
from msp.people.search import find_people, parse
from tests import factories

# Pure rules


def test_fold_drops_accents_case_and_apostrophes():
    assert fold("  Zoë  O'Brien-SMITH ") == "zoe obrien smith"
    assert fold("Bjørn Łukasz Ærø") == "bjorn lukasz aero"


def test_name_key_joins_double_barrelled_names():
    assert name_key("Anne-Marie", "Smith Jones") == "anne marie annemarie smith jones smithjones"


def test_likeness_forgives_one_wrong_letter():
    assert likeness("boothroid", "boothroyd") > 0.45
    assert likeness("smith", "jones") == 0


def test_parse_reads_dates_years_postcodes_and_nhs_numbers():
    assert parse("943 476 5919").nhs_number == "9434765919"
    assert parse("14/3/1944").born == datetime.date(1944, 3, 14)
    query = parse("Zoë Boothroyd 1950 nm1 2ab")
    assert (query.words, query.year, query.postcode) == (("zoe", "boothroyd"), 1950, "NM12AB")
    assert parse("Mill Lane NM1").outward == "NM1"
    assert postcode_key("nm1 2ab") == "NM12AB"


# Against the database


@pytest.fixture
def people(practitioner):
    def add(given, family, born=datetime.date(1950, 5, 1), **values):
        return factories.person(
            practitioner, given_name=given, family_name=family, date_of_birth=born, **values
        )

    return {
        "zoe": add("Zoë", "Boothroyd", address="3 Acacia Avenue, Northmoor", postcode="NM3 9XY"),
        "zoe2": add("Zoe", "Bartholomew", born=datetime.date(1961, 1, 2)),
        "anne": add("Anne-Marie", "O'Brien-Smith", born=datetime.date(1939, 12, 31)),
        "jose": add("José", "Núñez", postcode="LS6 1AA"),
        "bob": add("Bob", "Jones", born=datetime.date(1972, 8, 9)),
    }


def names(user, query):
    return [p.given_name + " " + p.family_name for p in find_people(user, query).people]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoe Bartholomew", "Zoë Boothroyd"]),
        ("ZOË", ["Zoe Bartholomew", "Zoë Boothroyd"]),
        ("Boothroid", ["Zoë Boothroyd"]),
        ("zoe boothroid", ["Zoë Boothroyd"]),
        ("  zoe   BOOTHROYD ", ["Zoë Boothroyd"]),
        ("obrien smith", ["Anne-Marie O'Brien-Smith"]),
        ("O'Brien-Smith", ["Anne-Marie O'Brien-Smith"]),
        ("annemarie obriensmith", ["Anne-Marie O'Brien-Smith"]),
        ("Jose Nunez", ["José Núñez"]),
        ("nunes", ["José Núñez"]),
        ("zoe 1961", ["Zoe Bartholomew"]),
        ("31/12/1939", ["Anne-Marie O'Brien-Smith"]),
        ("Boothroyd 1/5/1950", ["Zoë Boothroyd"]),
        ("nm39xy", ["Zoë Boothroyd"]),
        ("NM3 9XY", ["Zoë Boothroyd"]),
        ("ls6", ["José Núñez"]),
        ("acacia avenue", ["Zoë Boothroyd"]),
        ("zoe acacia", ["Zoë Boothroyd"]),
        ("Smith 1972", []),
        ("Jones 1972", ["Bob Jones"]),
        ("nobody", []),
        ("", []),
    ],
)
def test_search_forgives_and_finds(practitioner, people, query, expected):
    assert names(practitioner, query) == expected


def test_exact_name_comes_before_near_spelling(practitioner):
    factories.person(practitioner, given_name="Ann", family_name="Boothroid")
    factories.person(practitioner, given_name="Ann", family_name="Boothroyd")
    assert names(practitioner, "ann boothroyd") == ["Ann Boothroyd", "Ann Boothroid"]


def test_search_by_nhs_number(practitioner, people):
    assert names(practitioner, people["bob"].nhs_number_display) == ["Bob Jones"]


def test_search_stays_within_what_the_user_may_see(practitioner, outsider, lead, people):
    factories.person(outsider, given_name="Zoe", family_name="Southerner")
    assert "Zoe Southerner" not in names(practitioner, "zoe")
    assert "Zoe Southerner" in names(lead, "zoe")


def test_many_matches_are_cut_short_with_a_refine_flag(practitioner):
    for _ in range(3):
        factories.person(practitioner, given_name="Mary", family_name="Smith")
    found = find_people(practitioner, "mary smith", limit=2)
    assert len(found.people) == 2
    assert found.more
    assert not find_people(practitioner, "mary smith", limit=3).more


def test_keys_follow_a_change_of_name(practitioner):
    person = factories.person(practitioner, given_name="Ruth", family_name="Ellery")
    Person.objects.filter(pk=person.pk).update(search_name="")  # as a raw insert leaves it
    person.refresh_from_db()
    person.family_name = "Kovač"
    person.save()
    assert names(practitioner, "kovac") == ["Ruth Kovač"]


# Likely matches before adding a person


def add_post(**overrides):
    data = {
        "given_name": "Zoe",
        "family_name": "Boothroid",
        "date_of_birth-day": "1",
        "date_of_birth-month": "5",
        "date_of_birth-year": "1950",
        "postcode": "",
        "gender": "9",
        "ethnicity": "Z",
        "primary_support_reason": "not_known",
        "safe_to_phone": "unknown",
        "safe_to_write": "unknown",
        "safe_to_leave_message": "unknown",
    }
    data.update(overrides)
    return data


def test_adding_a_person_shows_likely_matches_first(client_for, practitioner, outsider):
    from django.urls import reverse

    from msp.audit.models import AuditEvent
    from tests.web.conftest import text_of

    mine = factories.person(
        practitioner,
        given_name="Zoë",
        family_name="Boothroyd",
        date_of_birth=datetime.date(1950, 5, 1),
    )
    theirs = factories.person(
        outsider, given_name="Zoe", family_name="Boothroyd", date_of_birth=datetime.date(1950, 5, 1)
    )
    client = client_for(practitioner)
    before = Person.objects.count()
    response = client.post(reverse("people:create"), add_post())
    page = text_of(response)
    assert Person.objects.count() == before  # nothing added yet
    assert "This person may already be recorded" in page
    assert reverse("people:detail", args=[mine.pk]) in response.content.decode()
    # Another team's person: name and year only, never a link or their details.
    assert "Zoe Boothroyd, born 1950: known to safeguarding" in page
    assert reverse("people:detail", args=[theirs.pk]) not in response.content.decode()
    assert theirs.postcode not in page.replace(mine.postcode, "")
    hidden = AuditEvent.objects.get(action="person.likely_match_hidden")
    assert (hidden.person_id, hidden.user_id) == (theirs.pk, practitioner.pk)
    assert AuditEvent.objects.filter(action="view", person_id=mine.pk).exists()
    # Typed details are kept; confirming adds the new person.
    assert 'value="Boothroid"' in response.content.decode()
    response = client.post(reverse("people:create"), add_post(checked_matches="yes"))
    assert response.status_code == 302
    assert Person.objects.filter(family_name="Boothroid").count() == 1


def test_no_likely_matches_adds_at_once(client_for, practitioner):
    from django.urls import reverse

    factories.person(practitioner, given_name="Zoe", family_name="Boothroyd")  # born 1944
    response = client_for(practitioner).post(reverse("people:create"), add_post())
    assert response.status_code == 302


# Unknown date of birth


def test_person_with_only_an_estimated_age(client_for, practitioner):
    from django.urls import reverse

    from tests.web.conftest import text_of

    client = client_for(practitioner)
    blank_date = {"date_of_birth-day": "", "date_of_birth-month": "", "date_of_birth-year": ""}
    response = client.post(reverse("people:create"), add_post(**blank_date))
    assert "Enter their date of birth, or their estimated age" in text_of(response)
    response = client.post(reverse("people:create"), add_post(**blank_date, estimated_age="16"))
    assert "Their age must be 18 or over" in text_of(response)
    assert not Person.objects.filter(family_name="Boothroid").exists()
    response = client.post(reverse("people:create"), add_post(**blank_date, estimated_age="80"))
    person = Person.objects.get(family_name="Boothroid")
    assert person.date_of_birth_estimated
    assert person.age == 80
    assert "about 80" in text_of(client.get(response["Location"]))
    assert "about 80" in text_of(client.get(reverse("people:find"), {"q": "boothroid"}))
    # The change form offers the age again; a real date, once known, replaces it.
    edit = client.get(reverse("people:edit", args=[person.pk])).content.decode()
    assert re.search(r"<input[^>]*name=\"estimated_age\"[^>]*value=\"80\"", edit)
