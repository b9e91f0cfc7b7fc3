"""A missing page shows the service's own page, in development as in production."""

import pytest
from django.test import Client

from msp.accounts.models import ApiToken


@pytest.mark.parametrize("debug", [True, False])
def test_missing_page_is_the_services_own_page(client_for, practitioner, settings, debug):
    settings.DEBUG = debug
    response = client_for(practitioner).get("/no-such-page/", raise_request_exception=False)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "If you typed the web address, check it is correct." in body
    # Django's technical page lists the URL patterns; staff never see it.
    assert "URLconf" not in body
    assert "DEBUG = True" not in body


def test_missing_case_in_development_is_the_services_own_page(client_for, practitioner, settings):
    settings.DEBUG = True
    response = client_for(practitioner).get("/cases/999999/")
    assert response.status_code == 404
    assert "you may not have access to it" in response.content.decode()
    assert "Raised by" not in response.content.decode()


def test_api_keeps_its_json_answer_in_development(practitioner, settings):
    settings.DEBUG = True
    _, raw = ApiToken.objects.issue(practitioner, name="tests")
    response = Client().get("/api/v1/cases/999999", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
