import pytest
from django.test import Client
from django.urls import reverse

from msp.accounts.models import Role
from tests import factories
from tests.pages import check_page

SIGN_IN = "/sign-in/"


def sign_in(client: Client, username: str, password: str = factories.PASSWORD, **kwargs):
    return client.post(SIGN_IN, {"username": username, "password": password}, **kwargs)


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def assert_locked_page(response) -> str:
    """The lock-out page: 429, plain English, checked like every other page."""
    assert response.status_code == 429
    html = response.content.decode()
    assert check_page(html) == []
    assert "You cannot sign in at the moment" in html
    assert "try again in 30 minutes" in html.lower()
    assert "ask your council" in html.lower()
    return html


@pytest.fixture
def home():
    return reverse("cases:home")


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
