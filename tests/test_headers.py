"""Every response the application makes says not to store it and turns off
browser features the service does not use; static files keep their long cache."""

import pytest
from django.test import Client
from django.urls import reverse

from msp.accounts.models import ApiToken
from msp.headers import PERMISSIONS_POLICY
from tests import factories

UNUSED = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


def assert_not_stored(response) -> None:
    assert response["Cache-Control"] == "no-store"
    policy = response["Permissions-Policy"]
    for feature in UNUSED:
        assert feature in policy


def test_a_page_showing_a_person(client_for, practitioner):
    person = factories.person(practitioner)
    response = client_for(practitioner).get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    assert person.full_name in response.content.decode()
    assert_not_stored(response)


def test_an_api_response(practitioner):
    person = factories.person(practitioner)
    _, token = ApiToken.objects.issue(practitioner, name="tests")
    response = Client().get(
        f"/api/v1/people/{person.pk}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.json()["family_name"] == person.family_name
    assert_not_stored(response)


def test_an_api_error(client):
    response = client.get("/api/v1/people")
    assert response.status_code == 401
    assert_not_stored(response)


def test_a_redirect_to_sign_in():
    response = Client().get(reverse("cases:home"))
    assert response.status_code == 302
    assert_not_stored(response)


def test_an_error_page(client_for, practitioner):
    response = client_for(practitioner).get(reverse("people:detail", args=[987654]))
    assert response.status_code == 404
    assert_not_stored(response)


def test_a_server_error_page(client_for, practitioner, settings):
    settings.ROOT_URLCONF = "tests.urls_failing"
    client = client_for(practitioner)
    client.raise_request_exception = False
    response = client.get("/fail/")
    assert response.status_code == 500
    assert_not_stored(response)


@pytest.mark.django_db
def test_static_files_keep_their_cache():
    response = Client().get("/static/vendor/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Permissions-Policy" not in response


def test_the_policy_is_one_header_line():
    assert "\n" not in PERMISSIONS_POLICY
    features = PERMISSIONS_POLICY.split(", ")
    # Everything off, except passkeys, which only our own pages may use
    assert [f for f in features if not f.endswith("=()")] == [
        "publickey-credentials-create=(self)",
        "publickey-credentials-get=(self)",
    ]
