"""Passkeys as a second factor, through the same endpoints the browser uses,
answered by a software passkey (real keys and signatures, checked by the real
server code): adding and naming one, signing in with one, refusals counted
towards the lock-out, removing one, and where the library's own parts are
kept out of the way (admin, scripts under the page's nonce)."""

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from msp.accounts import passkey_config, two_factor
from msp.audit.models import AuditEvent
from tests import factories
from tests.accounts.conftest import assert_locked_page, sign_in
from tests.accounts.test_two_factor import enrol
from tests.pages import CheckedClient
from tests.passkey_authenticator import SoftPasskey

pytestmark = pytest.mark.django_db

ACCOUNT = reverse("accounts:account")
CODE_PAGE = reverse("accounts:two-factor-code")
SET_UP = reverse("accounts:two-factor-set-up")
ADD_BEGIN = reverse("accounts:passkey-add-begin")
ADD_COMPLETE = reverse("accounts:passkey-add-complete")
USE_BEGIN = reverse("accounts:passkey-use-begin")
USE_COMPLETE = reverse("accounts:passkey-use-complete")


def add_passkey(client: Client, key: SoftPasskey):
    options = client.post(ADD_BEGIN)
    assert options.status_code == 200, options.content
    return client.post(ADD_COMPLETE, key.register(options.json()), content_type="application/json")


def use_passkey(client: Client, key: SoftPasskey, next_page: str = ""):
    options = client.post(USE_BEGIN)
    assert options.status_code == 200, options.content
    url = f"{USE_COMPLETE}?next={next_page}" if next_page else USE_COMPLETE
    return client.post(url, key.sign(options.json()), content_type="application/json")


def signed_in_with_password(username: str = "pat") -> CheckedClient:
    client = CheckedClient()
    assert sign_in(client, username).status_code == 302
    return client


@pytest.fixture
def with_passkey(practitioner) -> SoftPasskey:
    """``practitioner`` (pat) has added a passkey, named "Work laptop"."""
    client = signed_in_with_password()
    key = SoftPasskey()
    added = add_passkey(client, key)
    assert added.status_code == 200, added.content
    pk = added.json()["id"]
    client.post(reverse("accounts:passkey-name", args=[pk]), {"name": "Work laptop"})
    return key


# -- Adding ----------------------------------------------------------------------


def test_adding_a_passkey_on_the_account_page_then_naming_it(practitioner):
    client = signed_in_with_password()
    page = client.get(ACCOUNT).content.decode()
    assert "You have no passkeys" in page
    assert 'id="passkey-register-button"' in page and "Add a passkey" in page

    options = client.post(ADD_BEGIN).json()
    assert options["rp"]["id"] == "localhost"
    assert options["user"]["name"] == "pat"
    key = SoftPasskey()
    done = client.post(ADD_COMPLETE, key.register(options), content_type="application/json")
    assert done.status_code == 200
    passkey = WebAuthnCredential.objects.get(user=practitioner)
    assert done.json()["redirect_url"] == reverse("accounts:passkey-name", args=[passkey.pk])
    added = AuditEvent.objects.get(action="account.passkey_added")
    assert added.user == practitioner and added.changes["passkey"] == [None, passkey.pk]
    # No key material in the audit log
    assert key.credential_id.hex() not in str(added.changes)

    name_page = client.get(done.json()["redirect_url"]).content.decode()
    assert "Name your passkey" in name_page and "Passkey added" in name_page
    # The first second factor: backup codes are made and shown once
    named = client.post(done.json()["redirect_url"], {"name": "Work laptop"})
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", named.content.decode())
    assert len(codes) == 10
    account = client.get(ACCOUNT).content.decode()
    assert "On, with 1 passkey. 10 backup codes left" in account
    assert "Work laptop" in account and "Not yet" in account
    assert AuditEvent.objects.filter(action="account.passkey_renamed").count() == 1


def test_a_name_is_needed_and_not_too_long(practitioner, with_passkey):
    client = signed_in_with_password()
    use_passkey(client, with_passkey)
    pk = WebAuthnCredential.objects.get(user=practitioner).pk
    url = reverse("accounts:passkey-name", args=[pk])
    empty = client.post(url, {"name": ""}).content.decode()
    assert "Enter a name for this passkey" in empty and 'href="#name"' in empty
    long = client.post(url, {"name": "x" * 61}).content.decode()
    assert "Name must be 60 characters or fewer" in long
    assert 'value="' + "x" * 61 + '"' in long  # nothing typed is lost


def test_with_an_app_a_passkey_is_added_only_after_using_the_app(practitioner):
    enrol(practitioner)
    client = signed_in_with_password()
    refused = client.post(ADD_BEGIN)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Sign in with your passkey, app or a backup code")
    assert not WebAuthnCredential.objects.exists()


def test_in_required_mode_a_passkey_can_be_set_up_instead_of_an_app(settings, practitioner):
    settings.TWO_FACTOR = "required"
    client = signed_in_with_password()
    assert client.get("/cases/mine/")["Location"].startswith(SET_UP)
    page = client.get(SET_UP).content.decode()
    assert "Or use a passkey instead" in page and "Use a passkey" in page
    assert add_passkey(client, SoftPasskey()).status_code == 200
    # Adding it verified this session, as confirming an app does
    assert client.get("/cases/mine/").status_code == 200
    assert AuditEvent.objects.filter(action="account.signed_in").last().changes["two_factor"] == [
        None,
        "passkey, just set up",
    ]


# -- Signing in ------------------------------------------------------------------


def test_signing_in_with_password_and_passkey(practitioner, with_passkey):
    client = signed_in_with_password()
    assert client.get("/cases/mine/")["Location"] == f"{CODE_PAGE}?next=%2Fcases%2Fmine%2F"
    page = client.get(CODE_PAGE).content.decode()
    assert 'id="passkey-verification-button">Use your passkey' in page
    assert "Or enter a backup code" in page  # no app: only backup codes besides
    assert client.post(USE_BEGIN).json()["rpId"] == "localhost"

    done = use_passkey(client, with_passkey, next_page="/cases/mine/")
    assert done.status_code == 200
    assert done.json()["redirect_url"] == "/cases/mine/"
    assert client.get("/cases/mine/").status_code == 200
    used = AuditEvent.objects.get(action="account.passkey_used")
    assert used.user == practitioner and used.changes["name"] == [None, "Work laptop"]
    signed_in = AuditEvent.objects.filter(action="account.signed_in").last()
    assert signed_in.changes["two_factor"] == [None, "passkey"]
    assert WebAuthnCredential.objects.get(user=practitioner).last_used_at is not None
    assert "Work laptop" in client.get(ACCOUNT).content.decode()


def test_an_outside_next_is_not_followed(practitioner, with_passkey):
    client = signed_in_with_password()
    done = use_passkey(client, with_passkey, next_page="https://evil.example/")
    assert done.json()["redirect_url"] == reverse("cases:home")


def test_someone_elses_passkey_is_refused_and_counts_towards_the_lock_out(
    settings, practitioner, with_passkey
):
    settings.LOCKOUT_FAILURES = settings.AXES_FAILURE_LIMIT = 3
    other = factories.user(username="sam")
    other_client = signed_in_with_password("sam")
    stranger = SoftPasskey()
    assert add_passkey(other_client, stranger).status_code == 200

    client = signed_in_with_password()
    refused = use_passkey(client, stranger)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("This passkey is not set up for your account")
    assert client.get("/cases/mine/").status_code == 302
    failed = AuditEvent.objects.filter(action="account.sign_in_failed").last()
    assert failed.changes["stage"] == [None, "passkey"]
    assert failed.changes["known_account"] == [None, True]

    use_passkey(client, stranger)
    locked = use_passkey(client, stranger)
    assert_locked_page(locked)
    # Signed out, and the password alone now meets the lock-out page too
    assert client.get("/cases/mine/")["Location"].startswith("/sign-in/")
    assert_locked_page(sign_in(Client(), "pat"))
    assert AuditEvent.objects.filter(action="account.locked_out").exists()
    assert other.is_active  # sam's own account is untouched


def test_a_tampered_signature_is_refused(practitioner, with_passkey):
    client = signed_in_with_password()
    options = client.post(USE_BEGIN).json()
    answer = with_passkey.sign(options)
    answer["response"]["signature"] = answer["response"]["signature"][:-4] + "AAAA"
    refused = client.post(USE_COMPLETE, answer, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["detail"] == "Your passkey could not be checked. Try again"
    assert client.get("/cases/mine/").status_code == 302
    # The challenge is used up: a second try with it is refused too
    again = client.post(USE_COMPLETE, with_passkey.sign(options), content_type="application/json")
    assert again.status_code == 400


def test_the_endpoints_take_only_post(practitioner):
    client = signed_in_with_password()
    for url in (ADD_BEGIN, ADD_COMPLETE, USE_BEGIN, USE_COMPLETE):
        assert client.get(url).status_code == 405


# -- Removing --------------------------------------------------------------------


def test_removing_a_passkey_needs_a_verified_session(settings, practitioner, with_passkey):
    settings.TWO_FACTOR = "required"
    client = signed_in_with_password()
    pk = WebAuthnCredential.objects.get(user=practitioner).pk
    url = reverse("accounts:passkey-remove", args=[pk])
    assert client.post(url)["Location"].startswith(CODE_PAGE)
    assert WebAuthnCredential.objects.filter(pk=pk).exists()

    use_passkey(client, with_passkey)
    page = client.get(url).content.decode()
    assert "Remove this passkey?" in page and "Work laptop" in page
    done = client.post(url)
    # It was the last second factor: the backup codes go too, and in required
    # mode the user sets up again
    assert done["Location"] == SET_UP
    assert not WebAuthnCredential.objects.filter(user=practitioner).exists()
    assert not two_factor.has_backup_codes(practitioner)
    removed = AuditEvent.objects.get(action="account.passkey_removed")
    assert removed.changes["name"] == ["Work laptop", None]
    assert removed.changes["two_factor_on"] == [None, False]


def test_removing_one_of_two_keeps_two_factor_on(practitioner, with_passkey):
    client = signed_in_with_password()
    use_passkey(client, with_passkey)
    assert add_passkey(client, SoftPasskey()).status_code == 200
    first = WebAuthnCredential.objects.filter(user=practitioner).order_by("pk").first()
    done = client.post(reverse("accounts:passkey-remove", args=[first.pk]))
    assert done["Location"] == ACCOUNT
    assert two_factor.has_two_factor(practitioner) and two_factor.has_backup_codes(practitioner)


def test_an_administrators_reset_removes_passkeys_too(practitioner, administrator, with_passkey):
    two_factor.reset(practitioner, by=administrator)
    assert not WebAuthnCredential.objects.filter(user=practitioner).exists()
    assert not two_factor.has_two_factor(practitioner)


# -- Configuration, admin, CSP ---------------------------------------------------


def test_relying_party_and_origins_come_from_the_hosts():
    assert passkey_config.relying_party_id(["127.0.0.1", "localhost"]) == "localhost"
    assert passkey_config.relying_party_id([".council.example", "x.test"]) == "council.example"
    assert passkey_config.relying_party_id(["*", "10.0.0.1"]) == "localhost"
    assert passkey_config.allowed_origins(
        ["safeguarding.council.example", "10.0.0.1"],
        ["https://msp.council.example", "http://insecure.example", "https://*.example"],
    ) == ["https://safeguarding.council.example", "https://msp.council.example"]
    assert "http://localhost:8000" in passkey_config.allowed_origins(["localhost"], [])


def test_the_admin_shows_no_passkey_details():
    for model in WebAuthnCredential._meta.apps.get_app_config("django_otp_webauthn").get_models():
        assert not admin.site.is_registered(model)


def test_passkey_scripts_load_from_our_files_under_the_nonce(practitioner, with_passkey):
    client = signed_in_with_password()
    response = client.get(CODE_PAGE)
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert any("django_otp_webauthn/otp_webauthn_auth.js" in s for s in scripts)
    assert any("accounts/passkeys.js" in s for s in scripts)
    for tag in scripts:
        if ("passkey" in tag or "webauthn" in tag) and "application/json" not in tag:
            assert f'nonce="{nonce}"' in tag, tag
    assert "jsi18n" not in html  # the library's translation catalogue is not needed
    assert "turn on JavaScript" in html  # the no-JavaScript message


@pytest.mark.parametrize(
    "body",
    ["not json", "[]", '"x"', "{}", '{"id": 1, "rawId": [], "response": null}', '{"id": "AA"}'],
)
def test_nonsense_from_the_browser_gets_a_reason_not_an_error(practitioner, body):
    client = signed_in_with_password()
    for begin, complete in ((ADD_BEGIN, ADD_COMPLETE), (USE_BEGIN, USE_COMPLETE)):
        if begin == USE_BEGIN:
            factories.passkey(practitioner)
        client.post(begin)
        response = client.post(complete, body, content_type="application/json")
        assert 400 <= response.status_code < 500, (complete, body, response.status_code)
        assert response.json()["detail"]


def test_a_service_with_no_domain_still_starts_and_says_why_passkeys_are_off(tmp_path):
    """Only IP addresses allowed, in production: the library's own check would
    stop every command; ours warns and names what to set."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "MSP_ENV": "production",
        "MSP_SECRET_KEY": "x" * 60,
        "MSP_ALLOWED_HOSTS": "127.0.0.1",
        "MSP_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "msp.W020" in done.stderr + done.stdout
    assert "otp_webauthn.E030" not in done.stderr + done.stdout
