"""Token authentication: every failure is a 401 that says why."""

import pytest
from django.test import Client
from django.utils import timezone

from msp.accounts.models import ApiToken
from tests import factories
from tests.api.conftest import ApiClient


def _is_401(response, words: str) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert words in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_no_token(db):
    _is_401(ApiClient(None).get("/cases"), "Send your API token in the Authorization header")


def test_wrong_token(db, practitioner, api):
    api(practitioner)  # a real token exists, but not this one
    _is_401(ApiClient("msp_not-a-real-token").get("/cases"), "not valid")


def test_revoked_token(practitioner):
    token, raw = ApiToken.objects.issue(practitioner)
    assert ApiClient(raw).get("/cases").status_code == 200
    token.revoked_at = timezone.now()
    token.save()
    _is_401(ApiClient(raw).get("/cases"), "revoked")


def test_inactive_user(practitioner):
    _, raw = ApiToken.objects.issue(practitioner)
    practitioner.is_active = False
    practitioner.save()
    _is_401(ApiClient(raw).get("/cases"), "inactive")


@pytest.mark.parametrize("header", ["Basic abc", "Bearer", "Bearer   ", "Token abc", "msp_abc"])
def test_malformed_header(db, header):
    r = Client().get("/api/v1/cases", headers={"Authorization": header})
    assert r.status_code == 401
    assert "Bearer" in r.json()["detail"]


def test_every_operation_needs_a_token(practitioner):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    anonymous = ApiClient(None)
    calls = [
        ("GET", "/people"),
        ("POST", "/people"),
        ("GET", f"/people/{case.person_id}"),
        ("PATCH", f"/people/{case.person_id}"),
        ("POST", f"/people/{case.person_id}/concerns"),
        ("GET", "/cases"),
        ("GET", f"/cases/{case.pk}"),
        ("GET", f"/cases/{case.pk}/chronology"),
        ("GET", f"/cases/{case.pk}/concerns"),
        ("GET", f"/cases/{case.pk}/outcomes"),
        ("POST", f"/cases/{case.pk}/outcomes"),
        ("GET", f"/outcomes/{outcome.pk}/revisions"),
        ("POST", f"/outcomes/{outcome.pk}/revisions"),
        ("POST", f"/outcomes/{outcome.pk}/rating"),
        ("POST", f"/cases/{case.pk}/triage"),
        ("POST", f"/cases/{case.pk}/decision"),
        ("POST", f"/cases/{case.pk}/enquiry"),
        ("POST", f"/cases/{case.pk}/closing"),
        ("POST", f"/cases/{case.pk}/return-to-enquiry"),
        ("POST", f"/cases/{case.pk}/closure"),
        ("POST", f"/cases/{case.pk}/reopen"),
    ]
    for method, path in calls:
        r = anonymous.request(method, path, {"version": case.version})
        assert r.status_code == 401, (method, path, r.status_code)


def test_a_signed_in_session_is_not_enough(practitioner):
    """The API takes tokens only: a browser session (and its cookies) grants nothing."""
    client = Client()
    client.force_login(practitioner)
    r = client.get("/api/v1/cases")
    assert r.status_code == 401


def test_token_sets_the_user_and_last_used(practitioner, api):
    token, raw = ApiToken.objects.issue(practitioner)
    r = ApiClient(raw).get("/cases")
    assert r.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_no_csrf_needed(practitioner):
    """Token requests are not subject to CSRF checks, even with enforcement on."""
    _, raw = ApiToken.objects.issue(practitioner, scope="write")
    client = Client(enforce_csrf_checks=True)
    r = client.post(
        "/api/v1/people",
        {"given_name": "Ann", "family_name": "Other", "date_of_birth": "1950-01-01"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert r.status_code == 201, r.json()


@pytest.mark.parametrize("role", ["board_member", "auditor", "administrator"])
def test_non_casework_roles_authenticate_but_see_nothing(request, api, practitioner, role):
    case = factories.case(practitioner)
    client = api(request.getfixturevalue(role))
    r = client.get("/cases")
    assert r.status_code == 200
    assert r.json()["count"] == 0
    assert client.get("/people").json()["count"] == 0
    assert client.get(f"/cases/{case.pk}").status_code == 404
    assert client.get(f"/people/{case.person_id}").status_code == 404
