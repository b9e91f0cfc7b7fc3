"""Lock-out after repeated failed sign-ins: per username and, separately, per
client address; a cool-off or an audited unlock lets people back in; the API's
tokens are not affected; every failure, lock-out and success is audited with
no password recorded."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from msp.accounts.client import client_address
from msp.accounts.models import ApiToken
from msp.audit.models import AuditEvent
from tests import factories
from tests.accounts.conftest import assert_locked_page, from_address, sign_in

pytestmark = pytest.mark.django_db


def fail(client, username, times):
    return [sign_in(client, username, "not-the-password") for _ in range(times)]


def test_an_account_locks_after_five_failures_even_from_different_addresses(practitioner):
    responses = [sign_in(from_address(f"10.0.0.{n}"), "pat", "wrong") for n in range(1, 6)]
    assert [r.status_code for r in responses[:4]] == [200] * 4  # the form again, with an error
    assert_locked_page(responses[4])
    # The right password is refused while locked, from anywhere.
    elsewhere = from_address("10.0.0.99")
    assert_locked_page(sign_in(elsewhere, "pat"))
    assert "_auth_user_id" not in elsewhere.session


def test_an_address_locks_after_five_failures_across_usernames(practitioner, colleague):
    attacker = from_address("203.0.113.7")
    for name in ("a1", "a2", "a3", "a4"):
        assert sign_in(attacker, name, "wrong").status_code == 200
    assert_locked_page(sign_in(attacker, "a5", "wrong"))
    # A real user at that address is refused too...
    assert_locked_page(sign_in(attacker, "pat"))
    # ...but the same user elsewhere signs in.
    assert sign_in(from_address("198.51.100.2"), "pat").status_code == 302


def test_the_page_does_not_say_whether_the_username_exists(practitioner):
    real = fail(from_address("10.1.0.1"), "pat", 5)[-1]
    made_up = fail(from_address("10.1.0.2"), "nobody-by-this-name", 5)[-1]
    assert_locked_page(real)
    assert_locked_page(made_up)
    assert "pat" not in real.content.decode()
    assert _without_nonce_or_time(real) == _without_nonce_or_time(made_up)


def _without_nonce_or_time(response) -> str:
    html = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r"\d{1,2}:\d{2}\s*[ap]\.?m\.?", "", html)


def test_after_the_cool_off_the_right_password_works(practitioner, home):
    client = from_address("10.2.0.1")
    fail(client, "pat", 5)
    assert_locked_page(sign_in(client, "pat"))
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))
    response = sign_in(client, "pat")
    assert response.status_code == 302
    assert response["Location"] == home


def test_four_failures_then_the_right_password_starts_the_count_again(practitioner):
    client = from_address("10.3.0.1")
    fail(client, "pat", 4)
    assert sign_in(client, "pat").status_code == 302
    fail(from_address("10.3.0.2"), "pat", 4)
    assert sign_in(from_address("10.3.0.3"), "pat").status_code == 302


def test_the_unlock_command_lets_the_user_in_and_is_audited(practitioner, capsys):
    client = from_address("10.4.0.1")
    fail(client, "pat", 5)
    call_command("unlock_account", "pat")
    assert "Unlocked username 'pat'" in capsys.readouterr().out
    assert sign_in(from_address("10.4.0.2"), "pat").status_code == 302
    event = AuditEvent.objects.get(action="account.unlocked")
    assert event.object_id == str(practitioner.pk)
    assert event.user is None  # from the command line


def test_the_unlock_command_unlocks_an_address(practitioner):
    client = from_address("10.5.0.1")
    for name in ("b1", "b2", "b3", "b4", "b5"):
        sign_in(client, name, "wrong")
    call_command("unlock_account", "--address", "10.5.0.1")
    assert sign_in(client, "pat").status_code == 302
    event = AuditEvent.objects.get(action="account.unlocked")
    assert event.changes["unlocked_address"] == [None, "10.5.0.1"]


def test_an_administrator_unlocks_from_the_admin_with_an_audit_event(practitioner):
    admin_user = factories.user(
        "administrator", team_name=None, username="root", is_staff=True, is_superuser=True
    )
    fail(from_address("10.6.0.1"), "pat", 5)
    admin = from_address("10.6.0.50")
    admin.force_login(admin_user)
    response = admin.post(
        "/admin/accounts/user/",
        {"action": "unlock_sign_in", "_selected_action": [practitioner.pk]},
    )
    assert response.status_code == 302
    assert sign_in(from_address("10.6.0.2"), "pat").status_code == 302
    event = AuditEvent.objects.get(action="account.unlocked")
    assert event.user == admin_user


def test_failures_lock_outs_and_sign_ins_are_audited_without_passwords(practitioner):
    client = from_address("10.7.0.1")
    sign_in(client, "pat", "my-secret-guess")
    sign_in(client, "pat")
    signed_in = AuditEvent.objects.get(action="account.signed_in")
    assert signed_in.user == practitioner
    assert signed_in.changes["ip_address"] == [None, "10.7.0.1"]
    failed = AuditEvent.objects.get(action="account.sign_in_failed")
    assert failed.object_id == str(practitioner.pk)
    fail(from_address("10.7.0.2"), "pat", 5)
    assert AuditEvent.objects.filter(action="account.locked_out").exists()
    # Someone typing their password into the username box: not recorded.
    sign_in(from_address("10.7.0.3"), "Tr0ub4dor&3-oops", "x")
    unknown = AuditEvent.objects.filter(action="account.sign_in_failed").last()
    assert unknown is not None and unknown.object_id == ""
    everything = str(list(AuditEvent.objects.values("object_id", "changes", "reason")))
    for secret in ("my-secret-guess", "not-the-password", "Tr0ub4dor", factories.PASSWORD):
        assert secret not in everything


def test_api_tokens_still_work_while_the_account_is_locked(practitioner):
    _, token = ApiToken.objects.issue(practitioner)
    fail(from_address("10.8.0.1"), "pat", 5)
    api = from_address("10.8.0.1")
    response = api.get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_force_login_is_not_counted(client_for, practitioner):
    fail(from_address("127.0.0.1"), "someone", 5)  # the test client's own address
    assert client_for(practitioner).get("/cases/mine/").status_code == 200


@pytest.mark.parametrize(
    ("behind_proxy", "forwarded", "expected"),
    [
        (False, "198.51.100.9", "192.0.2.1"),  # not behind a proxy: the header is ignored
        (True, "", "192.0.2.1"),  # no header: the connection's address
        (True, "198.51.100.9", "198.51.100.9"),
        (True, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # forged entries on the left
        (True, "6.6.6.6, not-an-address", "192.0.2.1"),
    ],
)
def test_the_client_address_comes_from_the_right_place(settings, behind_proxy, forwarded, expected):
    settings.BEHIND_PROXY = behind_proxy
    settings.PROXY_COUNT = 1
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", **headers)
    assert client_address(request) == expected


def test_two_proxies_take_the_second_entry_from_the_right(settings):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9, 10.0.0.1"
    )
    assert client_address(request) == "198.51.100.9"


def test_behind_a_proxy_a_forged_header_does_not_escape_the_lock(settings, practitioner):
    settings.BEHIND_PROXY = True
    for n in range(5):
        forged = f"6.6.6.{n}, 198.51.100.20"
        sign_in(from_address("10.0.0.1"), f"c{n}", "wrong", HTTP_X_FORWARDED_FOR=forged)
    response = sign_in(
        from_address("10.0.0.1"), "pat", HTTP_X_FORWARDED_FOR="7.7.7.7, 198.51.100.20"
    )
    assert_locked_page(response)
