"""The Idempotency-Key header on the API's creating POSTs: a retry with the same
key creates nothing new and gets the first response again."""

import json
import uuid

import pytest
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.people.models import Person
from msp.submissions.models import Submission
from tests import factories

BASE = "/api/v1"

ADA = {
    "given_name": "Ada",
    "family_name": "Lovelace",
    "date_of_birth": "1950-12-10",
    "nhs_number": "943 476 5919",
}


def post(api_client, path, body, key=None):
    headers = {"Authorization": f"Bearer {api_client.token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return api_client.client.post(
        BASE + path, json.dumps(body), content_type="application/json", headers=headers
    )


def concern_body():
    return {**factories.CONCERN, "raised_on": timezone.localdate().isoformat()}


def test_a_person_sent_twice_with_the_same_key_is_recorded_once(api, practitioner):
    pat = api(practitioner)
    key = str(uuid.uuid4())
    first = post(pat, "/people", ADA, key)
    again = post(pat, "/people", ADA, key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Person.objects.filter(family_name="Lovelace").count() == 1
    assert AuditEvent.objects.filter(action="person.created").count() == 1
    # The replay showed the person again, so it is in the audit log as a view.
    views = AuditEvent.objects.filter(action=AuditEvent.VIEW, person_id=first.json()["id"])
    assert views.count() == 1


def test_field_order_does_not_make_a_different_request(api, practitioner):
    pat = api(practitioner)
    post(pat, "/people", ADA, "k-1")
    again = post(pat, "/people", dict(reversed(list(ADA.items()))), "k-1")
    assert again.status_code == 201
    assert Person.objects.filter(family_name="Lovelace").count() == 1


def test_without_a_key_each_request_creates(api, practitioner):
    pat = api(practitioner)
    body = {**ADA, "nhs_number": ""}
    assert post(pat, "/people", body).status_code == 201
    assert post(pat, "/people", body).status_code == 201
    assert Person.objects.filter(family_name="Lovelace").count() == 2
    assert not Submission.objects.exists()


def test_the_same_key_with_a_different_body_is_refused(api, practitioner):
    pat = api(practitioner)
    post(pat, "/people", ADA, "k-2")
    other = post(pat, "/people", {**ADA, "given_name": "Augusta"}, "k-2")
    assert other.status_code == 422
    assert "already used for a different request" in other.json()["errors"]["Idempotency-Key"][0]
    assert not Person.objects.filter(given_name="Augusta").exists()


def test_a_bad_key_is_422_with_the_reason(api, practitioner):
    response = post(api(practitioner), "/people", ADA, "x" * 300)
    assert response.status_code == 422
    assert "at most 255 characters" in response.json()["errors"]["Idempotency-Key"][0]
    assert not Person.objects.exists()


def test_keys_belong_to_their_user(api, practitioner, colleague):
    post(api(practitioner), "/people", ADA, "shared")
    theirs = post(api(colleague), "/people", {**ADA, "nhs_number": ""}, "shared")
    assert theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert Person.objects.filter(family_name="Lovelace").count() == 2


def test_a_failed_request_leaves_the_key_free(api, practitioner):
    pat = api(practitioner)
    bad = post(pat, "/people", {**ADA, "nhs_number": "123 456 7890"}, "k-3")
    assert bad.status_code == 422
    good = post(pat, "/people", ADA, "k-3")
    assert good.status_code == 201
    assert "Idempotent-Replayed" not in good


def test_a_concern_sent_twice_opens_one_case(api, practitioner):
    pat = api(practitioner)
    person = factories.person(practitioner)
    path = f"/people/{person.pk}/concerns"
    first = post(pat, path, concern_body(), "c-1")
    again = post(pat, path, concern_body(), "c-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Case.objects.filter(person=person).count() == 1
    assert AuditEvent.objects.filter(action="case.raised").count() == 1


def test_the_same_key_for_another_person_is_a_different_request(api, practitioner):
    pat = api(practitioner)
    one, two = factories.person(practitioner), factories.person(practitioner)
    post(pat, f"/people/{one.pk}/concerns", concern_body(), "c-2")
    other = post(pat, f"/people/{two.pk}/concerns", concern_body(), "c-2")
    assert other.status_code == 422
    assert not Case.objects.filter(person=two).exists()


def test_a_replay_checks_access_again(api, practitioner):
    pat = api(practitioner)
    first = post(pat, "/people", ADA, "k-4")
    practitioner.team = factories.team("South locality team")
    practitioner.save()
    again = post(pat, "/people", ADA, "k-4")
    assert first.status_code == 201
    assert again.status_code == 404


def test_expired_keys_are_forgotten(api, practitioner):
    pat = api(practitioner)
    post(pat, "/people", {**ADA, "nhs_number": ""}, "k-5")
    Submission.objects.update(created_at=timezone.now() - timezone.timedelta(hours=25))
    again = post(pat, "/people", {**ADA, "nhs_number": ""}, "k-5")
    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again
    assert Person.objects.filter(family_name="Lovelace").count() == 2
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "method"), [("/people", "post"), ("/people/{person_id}/concerns", "post")]
)
def test_the_header_is_documented(client, path, method):
    schema = client.get(f"{BASE}/openapi.json").json()
    operation = schema["paths"][BASE + path][method]
    headers = {p["name"]: p for p in operation["parameters"] if p["in"] == "header"}
    assert "24 hours" in headers["Idempotency-Key"]["description"]
    assert headers["Idempotency-Key"].get("required", False) is False
