import pytest
from django.test import Client

from msp.accounts.models import Role
from tests import factories


def _admin(username: str):
    return factories.user(
        Role.ADMINISTRATOR, team_name=None, username=username, is_staff=True, is_superuser=True
    )


@pytest.fixture
def admin_user(db):
    return _admin("root")


@pytest.fixture
def second_admin(db):
    return _admin("root2")


@pytest.fixture
def admin_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client
