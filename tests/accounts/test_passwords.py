"""Password rules apply wherever a password is set: at least 12 characters,
at most 128, not a common password; and signed-in users change their own on a
GOV.UK page."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from msp.accounts.models import User
from msp.audit.models import AuditEvent
from tests import factories
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db

CHANGE = reverse("accounts:change-password")
GOOD_NEW = "mossy-lantern-quarry-violet"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pass", "too short"),
        ("lantern-quarry-" * 9, "128 characters or fewer"),  # 135 characters
        ("password1234", "too common"),
        ("4815162342108", "entirely numeric"),
    ],
)
def test_weak_or_over_long_passwords_are_refused(password, message):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    text = " ".join(error.value.messages)
    assert message in text


def test_a_password_of_128_characters_is_allowed():
    validate_password(("lantern-quarry-" * 10)[:128])


def test_changing_your_password(client_for, practitioner):
    client = client_for(practitioner)
    page = client.get(CHANGE).content.decode()
    assert "between 12 and 128 characters" in page
    response = client.post(
        CHANGE,
        {
            "old_password": factories.PASSWORD,
            "new_password1": GOOD_NEW,
            "new_password2": GOOD_NEW,
        },
    )
    assert response["Location"] == reverse("accounts:account")
    assert "Your password has been changed" in client.get(response["Location"]).content.decode()
    assert client.get("/cases/mine/").status_code == 200  # still signed in
    assert sign_in(Client(), "pat", GOOD_NEW).status_code == 302
    event = AuditEvent.objects.get(action="account.password_changed")
    assert GOOD_NEW not in str(event.changes)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({}, "old_password", "Enter your current password"),
        ({"old_password": "wrong"}, "old_password", "Your current password is not right"),
        ({"new_password1": "short"}, "new_password2", "too short"),
        ({"new_password1": "a" * 140}, "new_password2", "128 characters or fewer"),
        ({"new_password2": "something-else-entirely"}, "new_password2", "do not match"),
    ],
)
def test_problems_are_shown_next_to_the_field(client_for, practitioner, values, field, message):
    data = {
        "old_password": factories.PASSWORD,
        "new_password1": GOOD_NEW,
        "new_password2": values.get("new_password1", GOOD_NEW),
    }
    data.update(values)
    if not values:
        data = {}
    response = client_for(practitioner).post(CHANGE, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Change your password" in html
    assert f'href="#{field}">' in html and message in html
    practitioner.refresh_from_db()
    assert practitioner.check_password(factories.PASSWORD)


def test_the_admin_applies_the_same_rules(db):
    root = factories.user(
        "administrator", team_name=None, username="root", is_staff=True, is_superuser=True
    )
    admin = Client()
    admin.force_login(root)
    response = admin.post(
        "/admin/accounts/user/add/",
        {
            "username": "newbie",
            "password1": "short",
            "password2": "short",
            "usable_password": "true",
            "role": "practitioner",
        },
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_an_absurdly_long_password_at_sign_in_is_refused_without_hashing(practitioner):
    response = sign_in(Client(), "pat", "x" * 10_000)
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
