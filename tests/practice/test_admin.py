"""The guard's settings are edited in the Django admin; findings are read-only there."""

import pytest
from django.test import Client

from msp.accounts.models import Role
from msp.practice.models import GuardConfig
from tests import factories


@pytest.fixture
def admin_client(db):
    superuser = factories.user(Role.ADMINISTRATOR, team_name=None, is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)
    return client


def test_settings_are_added_once_and_changed(admin_client):
    response = admin_client.post(
        "/admin/practice/guardconfig/add/",
        {
            "min_contact_attempts": "4",
            "min_contact_methods": "2",
            "repeat_concern_count": "3",
            "repeat_window_days": "180",
        },
    )
    assert response.status_code == 302
    config = GuardConfig.current()
    assert (config.min_contact_attempts, config.repeat_window_days) == (4, 180)
    assert admin_client.get("/admin/practice/guardconfig/add/").status_code == 403
    page = admin_client.get(f"/admin/practice/guardconfig/{config.pk}/change/")
    assert "Days in which repeat concerns are counted" in page.content.decode()


def test_settings_refuse_nonsense(admin_client):
    response = admin_client.post(
        "/admin/practice/guardconfig/add/",
        {
            "min_contact_attempts": "0",
            "min_contact_methods": "2",
            "repeat_concern_count": "3",
            "repeat_window_days": "365",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert not GuardConfig.objects.exists()


def test_closure_findings_are_not_in_the_admin(admin_client):
    """They are case data (a manager's reasons for overriding a duty)."""
    assert admin_client.get("/admin/practice/closurefinding/").status_code == 404
