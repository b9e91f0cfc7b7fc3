"""In a real Chromium with a virtual authenticator (added through the DevTools
protocol, as a fingerprint reader would be): a user adds a passkey on their
account page, names it, signs out, and signs in with password and passkey.
axe-core checks every page; the page fixture fails on any Content Security
Policy complaint, so the library's scripts must load under our policy."""

import pytest

from msp.accounts.models import Role
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page) -> None:
    page.goto("/cases/mine/")
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_adding_a_passkey_and_signing_in_with_it(page, settings, live_server):
    # WebAuthn needs a secure context: http://localhost is one; the relying
    # party is the live server's host and the origin its address and port.
    assert live_server.url.startswith("http://localhost:")
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWO_FACTOR = "optional"
    factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Whitfield")

    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    sign_in(page)
    assert page.get_by_role("heading", level=1).inner_text() == "My cases"
    page.get_by_role("link", name="Your account").click()
    page.wait_for_load_state()
    assert "You have no passkeys" in page.locator("main").inner_text()
    check_accessibility(page)
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_url("**/account/passkeys/*/name/")
    assert page.get_by_role("heading", level=1).inner_text() == "Name your passkey"
    check_accessibility(page)
    page.get_by_label("Name of this passkey").fill("Work laptop")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    # The first second factor: backup codes, shown once
    assert page.get_by_role("heading", level=1).inner_text() == "Your backup codes"
    page.get_by_role("link", name="I have saved my backup codes").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Your account").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "On, with 1 passkey" in main and "Work laptop" in main
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    sign_in(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Enter your security code"
    check_accessibility(page)
    page.get_by_role("button", name="Use your passkey").click()
    page.wait_for_url("**/cases/mine/")
    assert page.get_by_role("heading", level=1).inner_text() == "My cases"
    page.get_by_role("link", name="Your account").click()
    page.wait_for_load_state()
    assert "Not yet" not in page.locator("#passkeys").inner_text()  # last used is shown
    check_accessibility(page)
