"""Input the API refuses: dates that are not ISO dates, bodies that are not JSON,
and an NHS number another person already has."""

import json

import pytest
from django.test import Client

from msp.audit.models import AuditEvent
from msp.people.models import Person
from tests import factories
from tests.api import bodies

NEW_PERSON = {"given_name": "Ada", "family_name": "Byrne", "date_of_birth": "1950-01-02"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "Enter a real date in the format YYYY-MM-DD"),
        (19000, "Enter a real date in the format YYYY-MM-DD"),
        (1.5, "Enter a real date in the format YYYY-MM-DD"),
        (True, "Enter a real date in the format YYYY-MM-DD"),
        ("1/2/2020", "Enter a real date in the format YYYY-MM-DD"),
        ("2020-1-2", "Enter a real date in the format YYYY-MM-DD"),
        ("20200102", "Enter a real date in the format YYYY-MM-DD"),
        ("1950-01-02T00:00:00", "Enter a real date in the format YYYY-MM-DD"),
        ("\uff11\uff19\uff15\uff10-01-02", "Enter a real date in the format YYYY-MM-DD"),
        (" 1950-01-02", "Enter a real date in the format YYYY-MM-DD"),
        ("1950-02-30", "Enter a real date in the format YYYY-MM-DD"),
        ("0000-01-01", "Enter a real date in the format YYYY-MM-DD"),
        ("+10000-01-01", "Enter a real date in the format YYYY-MM-DD"),
        ("1850-01-01", "Enter a date from 1900 to 2099"),
        ("9999-12-31", "Enter a date from 1900 to 2099"),
    ],
)
def test_dates_are_iso_dates_only(api, practitioner, value, message):
    r = api(practitioner).post("/people", {**NEW_PERSON, "date_of_birth": value})
    assert r.status_code == 422, r.content
    assert r.json()["errors"] == {"date_of_birth": [message]}
    assert not Person.objects.exists()


def test_a_date_on_the_record_is_strict_too(api, practitioner):
    """Numbers were once stored as 1 January 1970."""
    case = factories.case(practitioner, state="enquiry")
    r = api(practitioner).post(
        f"/cases/{case.pk}/capacity-assessments", bodies.capacity(assessed_on=1)
    )
    assert r.status_code == 422
    assert r.json()["errors"] == {"assessed_on": ["Enter a real date in the format YYYY-MM-DD"]}
    r = api(practitioner).post(f"/cases/{case.pk}/capacity-assessments", bodies.capacity())
    assert r.status_code == 201, r.content


def test_every_request_date_is_strict():
    """Every date a client sends is the one strict type: its schema says so."""
    from msp.api.api import api

    schema = api.get_openapi_schema()
    loose = []
    for name, component in schema["components"]["schemas"].items():
        if not name.endswith(("In", "Patch", "Query")) or "properties" not in component:
            continue
        for field, prop in component["properties"].items():
            for option in [prop, *prop.get("anyOf", [])]:
                if option.get("format") in ("date", "date-time") and "pattern" not in option:
                    loose.append(f"{name}.{field}")
    assert not loose


# --- 415: bodies that are not JSON -------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_a_body_that_is_not_json_is_415(api, practitioner, content_type):
    client = api(practitioner)
    r = Client().post(
        "/api/v1/people",
        json.dumps(NEW_PERSON),
        content_type=content_type,
        headers={"Authorization": f"Bearer {client.token}"},
    )
    assert r.status_code == 415
    assert r.json() == {
        "detail": "Send the request body as JSON, with the header Content-Type: application/json"
    }
    assert not Person.objects.exists()


def test_json_with_a_charset_is_fine(api, practitioner):
    client = api(practitioner)
    r = Client().post(
        "/api/v1/people",
        json.dumps(NEW_PERSON),
        content_type="application/json; charset=utf-8",
        headers={"Authorization": f"Bearer {client.token}"},
    )
    assert r.status_code == 201, r.content


def test_415_is_documented_on_every_operation_with_a_body():
    from msp.api.api import api

    schema = api.get_openapi_schema()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    with_body = [op for op in operations if "requestBody" in op]
    assert with_body
    assert all(415 in op["responses"] or "415" in op["responses"] for op in with_body)


# --- An NHS number already recorded ------------------------------------------


def test_nhs_number_of_a_person_you_cannot_see(api, practitioner, outsider):
    hidden = factories.person(outsider)
    body = {**NEW_PERSON, "nhs_number": hidden.nhs_number}
    r = api(practitioner).post("/people", body)
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "nhs_number": ["This NHS number is already recorded. Ask a safeguarding lead to check it"]
    }
    assert hidden.full_name not in r.content.decode()
    assert Person.objects.count() == 1
    event = AuditEvent.objects.get(action="person.duplicate_nhs_number")
    assert event.user == practitioner
    assert event.person_id == hidden.pk
    assert event.object_id == str(hidden.pk)

    # Changing someone you can see to that number is refused the same way.
    mine = factories.person(practitioner)
    r = api(practitioner).patch(
        f"/people/{mine.pk}", {"version": mine.version, "nhs_number": hidden.nhs_number}
    )
    assert r.status_code == 422
    assert hidden.full_name not in r.content.decode()
    assert Person.objects.get(pk=mine.pk).nhs_number == mine.nhs_number
    assert AuditEvent.objects.filter(action="person.duplicate_nhs_number").count() == 2


def test_nhs_number_of_a_person_you_can_see(api, practitioner, colleague):
    seen = factories.person(colleague)
    r = api(practitioner).post("/people", {**NEW_PERSON, "nhs_number": seen.nhs_number})
    assert r.status_code == 422
    [message] = r.json()["errors"]["nhs_number"]
    assert message == f"This NHS number is already recorded for {seen.full_name}. " + (
        "Use their record instead"
    )
    assert not AuditEvent.objects.filter(action="person.duplicate_nhs_number").exists()


# --- Text limits -------------------------------------------------------------


def test_text_over_its_limit_says_the_limit(api, practitioner):
    case = factories.case(practitioner, state="enquiry")
    client = api(practitioner)
    r = client.post(f"/cases/{case.pk}/notes", {"text": "a" * 10_001})
    assert r.status_code == 422
    assert r.json()["errors"] == {"text": ["Must be 10,000 characters or fewer"]}
    # A field with no limit of its own (the address) has the long-text limit.
    r = client.post("/people", {**NEW_PERSON, "address": "a" * 10_001})
    assert r.status_code == 422
    assert r.json()["errors"] == {"address": ["Must be 10,000 characters or fewer"]}
    r = client.post("/people", {**NEW_PERSON, "given_name": "a" * 101})
    assert r.json()["errors"] == {"given_name": ["Must be 100 characters or fewer"]}
    assert Person.objects.count() == 1  # the case's


def test_the_document_states_the_text_rules():
    """Every text field a client sends has a maxLength; required text a minLength."""
    from msp.api.api import api

    schema = api.get_openapi_schema()
    unbounded, may_be_empty = [], []
    for name, component in schema["components"]["schemas"].items():
        if not name.endswith(("In", "Patch", "Query")):
            continue
        required = set(component.get("required", []))
        for field, prop in component.get("properties", {}).items():
            for option in [prop, *prop.get("anyOf", [])]:
                if option.get("type") != "string" or "enum" in option or "format" in option:
                    continue
                if "maxLength" not in option:
                    unbounded.append(f"{name}.{field}")
                if field in required and option.get("minLength", 0) < 1:
                    may_be_empty.append(f"{name}.{field}")
    assert not unbounded
    assert not may_be_empty
