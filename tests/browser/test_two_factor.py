"""In a real Chromium, with two-factor sign-in required: a new user signs in,
sets up an authenticator app by typing the key shown on the page (the test
plays the app, computing real TOTP codes), saves the backup codes, signs out,
and signs in again with a code. axe-core checks every page; the page fixture
fails on any Content Security Policy complaint (the QR code is inline SVG)."""

import base64

import pytest
from django_otp.oath import totp

from msp.accounts.models import Role
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def app_code(secret: str, later: int = 0) -> str:
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=later):06d}"


def test_setting_up_two_factor_and_signing_in_with_a_code(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWO_FACTOR = "required"
    factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Whitfield")

    page.goto("/cases/mine/")
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Set up two-factor sign-in"
    assert page.get_by_role("img", name="QR code to scan with your authenticator app").is_visible()
    check_accessibility(page)

    secret = page.locator("#secret-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill(app_code(secret))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Your backup codes"
    assert page.locator("#backup-codes li").count() == 10
    check_accessibility(page)
    page.get_by_role("link", name="I have saved my backup codes").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "My cases"

    page.get_by_role("link", name="Your account").click()
    assert "On, with an authenticator app" in page.locator("main").inner_text()
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    page.goto("/cases/mine/")
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Enter your security code"
    check_accessibility(page)
    page.get_by_label("Code").fill("000000" if app_code(secret, 1) != "000000" else "111111")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    page.wait_for_timeout(1100)  # django-otp's wait after a wrong code
    page.get_by_label("Code").fill(app_code(secret, 1))
    # Waits for the next page: on a busy machine the click's navigation may not
    # have begun when the load state of the code page is checked.
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "My cases"
    assert "/cases/mine/" in page.url
