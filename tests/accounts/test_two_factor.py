"""Two-factor sign-in: setting up an authenticator app with a real TOTP code,
signing in with a code or a single-use backup code, the account page, and the
middleware that, in required mode, lets nobody past the sign-in steps."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from msp.accounts import two_factor
from msp.accounts.middleware import ALLOWED
from msp.accounts.models import ApiToken
from msp.audit.models import AuditEvent
from tests import factories
from tests.accounts.conftest import assert_locked_page, sign_in
from tests.pages import CheckedClient
from tests.test_url_protection import _front_door_ids, fill, routes

pytestmark = pytest.mark.django_db

CODE_PAGE = reverse("accounts:two-factor-code")
SET_UP = reverse("accounts:two-factor-set-up")


def code_for(device: TOTPDevice, later: int = 0) -> str:
    """The code the user's app shows now (or ``later`` steps of 30 seconds on:
    each code works once, so a second sign-in in the same test needs the next)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=later):06d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = two_factor.pending_app(user)
    request = type("R", (), {"META": {"REMOTE_ADDR": "127.0.0.1"}})()
    codes = two_factor.confirm_app(user, device, code_for(device), request)
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def signed_in_with_password(username: str = "pat") -> CheckedClient:
    client = CheckedClient()
    response = sign_in(client, username)
    assert response.status_code == 302
    return client


# -- Setting up ------------------------------------------------------------------


def test_setting_up_with_a_real_code_shows_ten_backup_codes_once(client_for, practitioner):
    client = client_for(practitioner)
    page = client.get(SET_UP)
    html = page.content.decode()
    assert "<svg" in html and 'aria-label="QR code' in html
    assert "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]  # CSP: no inline styles
    device = TOTPDevice.objects.get(user=practitioner, confirmed=False)
    secret = two_factor.secret_text(device)
    assert secret in html  # for typing in by hand
    # Reloading shows the same key (the app being set up is kept)
    assert secret in client.get(SET_UP).content.decode()

    wrong = client.post(SET_UP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert "The code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    # django-otp makes each wrong code wait a little longer before the next try
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(minutes=5)
    )

    done = client.post(SET_UP, {"code": code_for(device)})
    assert done.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert AuditEvent.objects.filter(action="account.two_factor_set_up", user=practitioner).exists()
    # Shown once: the account page does not show them again
    account = client.get(reverse("accounts:account")).content.decode()
    assert codes[0] not in account
    assert "10 backup codes left" in account


def test_a_secret_or_code_is_never_in_the_audit_log(practitioner):
    device, codes = enrol(practitioner)
    everything = str(list(AuditEvent.objects.values("object_id", "changes", "reason")))
    assert device.key not in everything
    assert two_factor.secret_text(device).replace(" ", "") not in everything
    assert not any(c.replace("-", "") in everything for c in codes)


# -- Signing in ------------------------------------------------------------------


def test_a_user_with_an_app_must_enter_a_code_before_any_page(practitioner):
    device, _ = enrol(practitioner)
    client = CheckedClient()
    response = sign_in(client, "pat")
    assert response["Location"] == f"{CODE_PAGE}?next=%2F"
    blocked = client.get("/cases/mine/")
    assert blocked.status_code == 302
    assert blocked["Location"] == f"{CODE_PAGE}?next=%2Fcases%2Fmine%2F"
    page = client.get(blocked["Location"])
    assert "Enter your security code" in page.content.decode()

    done = client.post(blocked["Location"], {"code": code_for(device, later=1)})
    assert done.status_code == 302
    assert done["Location"] == "/cases/mine/"
    assert client.get("/cases/mine/").status_code == 200
    event = AuditEvent.objects.filter(action="account.signed_in").last()
    assert event is not None and event.changes["two_factor"] == [None, "app"]


def test_a_wrong_code_says_so_next_to_the_field(practitioner):
    enrol(practitioner)
    client = signed_in_with_password()
    response = client.post(CODE_PAGE, {"code": "12345x"})
    html = response.content.decode()
    assert "<title>Error: Enter your security code" in html
    assert 'href="#code">The code is not right' in html
    assert client.get("/cases/mine/").status_code == 302
    empty = client.post(CODE_PAGE, {"code": ""}).content.decode()
    assert "Enter the code from your authenticator app" in empty


def test_a_backup_code_works_once(practitioner):
    _, codes = enrol(practitioner)
    client = signed_in_with_password()
    assert client.post(CODE_PAGE, {"code": codes[3].upper()}).status_code == 302
    assert client.get("/cases/mine/").status_code == 200
    used = AuditEvent.objects.get(action="account.backup_code_used")
    assert used.changes["backup_codes_left"] == [None, 9]

    again = signed_in_with_password()
    response = again.post(CODE_PAGE, {"code": codes[3]})
    assert "The code is not right" in response.content.decode()
    assert again.get("/cases/mine/").status_code == 302


def test_backup_codes_are_kept_only_as_keyed_hashes(practitioner):
    """Someone who reads the table cannot sign in with what it holds."""
    _, codes = enrol(practitioner)
    stored = set(
        StaticToken.objects.filter(device__user=practitioner).values_list("token", flat=True)
    )
    plain = {c.replace("-", "") for c in codes}
    assert len(stored) == 10 and not stored & plain
    assert all(len(t) == 16 and set(t) <= set("0123456789abcdef") for t in stored)
    client = signed_in_with_password()
    response = client.post(CODE_PAGE, {"code": sorted(stored)[0]})
    assert "The code is not right" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_codes_made_before_hashing_keep_working(practitioner):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    _, codes = enrol(practitioner)
    # As an older version stored them: the codes themselves.
    for token, code in zip(
        StaticToken.objects.filter(device__user=practitioner).order_by("pk"), codes, strict=True
    ):
        token.token = code.replace("-", "")
        token.save()
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0005_kept_forms")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    stored = StaticToken.objects.filter(device__user=practitioner).values_list("token", flat=True)
    assert all(len(t) == 16 for t in stored)
    assert signed_in_with_password().post(CODE_PAGE, {"code": codes[4]}).status_code == 302


def test_guessing_codes_locks_the_account(practitioner):
    device, _ = enrol(practitioner)
    client = signed_in_with_password()
    right = code_for(device, later=1)
    wrong = [f"{n:06d}" for n in range(1, 10) if f"{n:06d}" != right][:5]
    responses = [client.post(CODE_PAGE, {"code": c}) for c in wrong]
    assert_locked_page(responses[-1])
    # Signed out, and the password alone is refused while locked.
    assert client.get("/cases/mine/").status_code == 302
    assert_locked_page(sign_in(Client(REMOTE_ADDR="10.9.9.9"), "pat"))


def test_signing_in_with_the_password_again_does_not_clear_wrong_codes(practitioner):
    enrol(practitioner)
    client = signed_in_with_password()
    for _ in range(4):
        client.post(CODE_PAGE, {"code": "000001"})
    again = signed_in_with_password()  # the password is right: the count goes on
    assert_locked_page(again.post(CODE_PAGE, {"code": "000001"}))


# -- The account page ------------------------------------------------------------


def test_new_backup_codes_replace_the_old_ones(practitioner):
    _, old = enrol(practitioner)
    client = signed_in_with_password()
    client.post(CODE_PAGE, {"code": old[0]})
    response = client.post(reverse("accounts:new-backup-codes"))
    new = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert "Your old backup codes no longer work" in response.content.decode()
    assert StaticToken.objects.filter(device__user=practitioner).count() == 10
    assert AuditEvent.objects.filter(action="account.backup_codes_made").exists()
    assert signed_in_with_password().post(CODE_PAGE, {"code": old[1]}).status_code == 200


def test_reset_needs_a_fresh_code_and_is_audited(practitioner):
    device, _ = enrol(practitioner)
    client = signed_in_with_password()
    client.post(CODE_PAGE, {"code": code_for(device, later=1)})
    reset_url = reverse("accounts:two-factor-reset")
    refused = client.post(reset_url, {"code": "not-a-code"})
    assert "The code is not right" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=practitioner).exists()
    backup = two_factor.regenerate_backup_codes(practitioner, refused.wsgi_request)
    done = client.post(reset_url, {"code": backup[0]})
    assert done["Location"] == reverse("accounts:account")
    assert not TOTPDevice.objects.filter(user=practitioner).exists()
    assert AuditEvent.objects.get(action="account.two_factor_reset").user == practitioner
    assert "Off" in client.get(reverse("accounts:account")).content.decode()


def test_an_administrator_resets_a_lost_phone_from_the_admin(practitioner):
    enrol(practitioner)
    root = factories.user(
        "administrator", team_name=None, username="root", is_staff=True, is_superuser=True
    )
    admin = Client()
    admin.force_login(root)
    admin.post(
        "/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [practitioner.pk]},
    )
    assert not TOTPDevice.objects.filter(user=practitioner).exists()
    assert AuditEvent.objects.get(action="account.two_factor_reset").user == root
    assert admin.get("/admin/otp_totp/totpdevice/").status_code == 404  # no secrets shown


# -- Required and optional -------------------------------------------------------


def test_optional_mode_lets_users_without_an_app_straight_in(settings, practitioner):
    settings.TWO_FACTOR = "optional"
    client = CheckedClient()
    assert sign_in(client, "pat")["Location"] == reverse("cases:home")
    assert client.get("/cases/mine/").status_code == 200


def _pages():
    return [
        (route, name)
        for route, name in routes()
        if not route.startswith("api/")
        # The sign-in steps (the passkey endpoints there are tested in test_passkeys)
        and name not in ALLOWED
    ]


@pytest.fixture
def ids(practitioner):
    from tests import record_factories

    case = factories.case(practitioner, state="enquiry")
    return {
        "case": case.pk,
        "person": case.person_id,
        "outcome": case.desired_outcomes.get().pk,
        "override": record_factories.override(case, practitioner).pk,
        "plan_action": record_factories.plan_action(case, practitioner).pk,
        "escalation": record_factories.escalation(case, practitioner).pk,
        "api_token": ApiToken.objects.issue(practitioner)[0].pk,
        "passkey": factories.passkey(factories.user()).pk,  # someone else's
        **_front_door_ids(practitioner),
    }


def test_required_mode_blocks_every_page_until_set_up(settings, practitioner, ids):
    settings.TWO_FACTOR = "required"
    client = Client()
    client.force_login(practitioner)
    pages = [*_pages(), ("admin/", "admin")]
    assert len(pages) > 20
    for route, name in pages:
        url = fill(route, ids)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, f"{method} {url} ({name}) is open"
            assert response["Location"].startswith(SET_UP), f"{method} {url} ({name})"


def test_required_mode_blocks_every_page_until_the_code_is_entered(settings, practitioner, ids):
    settings.TWO_FACTOR = "required"
    device, _ = enrol(practitioner)
    client = Client()
    client.force_login(practitioner)
    for route, name in _pages():
        url = fill(route, ids)
        response = client.get(url)
        assert response.status_code == 302, f"{url} ({name}) is open"
        assert response["Location"].startswith(CODE_PAGE), url
    client.post(CODE_PAGE, {"code": code_for(device, later=1)})
    assert client.get("/cases/mine/").status_code == 200


def test_required_mode_sends_a_new_user_from_sign_in_to_set_up(settings, practitioner):
    settings.TWO_FACTOR = "required"
    client = CheckedClient()
    response = sign_in(client, "pat")
    assert response["Location"] == f"{SET_UP}?next=%2F"
    assert AuditEvent.objects.filter(action="account.password_accepted").exists()
    assert not AuditEvent.objects.filter(action="account.signed_in").exists()
    page = client.get(response["Location"])
    assert "You need to do this once" in page.content.decode()
    device = TOTPDevice.objects.get(user=practitioner)
    done = client.post(response["Location"], {"code": code_for(device)})
    assert "I have saved my backup codes" in done.content.decode()
    assert client.get("/cases/mine/").status_code == 200


def test_the_api_is_not_affected_by_required_mode(settings, practitioner):
    from msp.accounts.models import ApiToken

    settings.TWO_FACTOR = "required"
    _, token = ApiToken.objects.issue(practitioner)
    response = Client().get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_your_account_links_to_tokens_and_only_deciders_to_role_requests(
    client_for, practitioner, lead
):
    mine = client_for(practitioner).get("/account/").content.decode()
    assert 'href="/account/api-tokens/"' in mine
    assert 'href="/account/role-requests/"' not in mine
    theirs = client_for(lead).get("/account/").content.decode()
    assert 'href="/account/role-requests/"' in theirs
