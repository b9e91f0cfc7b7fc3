"""In a real Chromium: the timeout warning before the session ends, and an
edit conflict between two tabs that keeps both people's changes."""

import pytest
from django.urls import reverse

from msp.accounts.models import Role
from msp.enquiries.models import SafeguardingPlan
from tests import factories
from tests import record_factories as rf
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username: str) -> None:
    page.goto(reverse("accounts:sign-in"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_the_timeout_warning(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.user(Role.PRACTITIONER, username="jess", first_name="Jess")
    page.clock.install()
    sign_in(page, "jess")
    # Shorter than the warning: it shows straight away, with a countdown.
    settings.SESSION_COOKIE_AGE = 90
    page.goto(reverse("accounts:account"))
    dialog = page.get_by_role("dialog", name="You are about to be signed out")
    page.clock.run_for(2_000)
    dialog.wait_for()
    assert "we will sign you out in" in dialog.inner_text()
    heading = page.get_by_role("heading", name="You are about to be signed out")
    assert heading.evaluate("node => node === document.activeElement")
    check_accessibility(page)

    # Stay signed in: a request that restarts the timeout, then back to the page.
    with page.expect_response(lambda r: r.url.endswith(reverse("accounts:keep-alive"))) as kept:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert kept.value.status == 204
    dialog.wait_for(state="hidden")

    # Escape on the warning also means "stay signed in".
    page.clock.run_for(2_000)
    dialog.wait_for()
    with page.expect_response(lambda r: r.url.endswith(reverse("accounts:keep-alive"))):
        page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    # No answer: when the time is up the dialog says so and how to carry on.
    page.clock.run_for(2_000)
    dialog.wait_for()
    page.clock.run_for(91_000)
    ended = page.get_by_role("dialog", name="You have been signed out")
    ended.wait_for()
    assert "we will keep what you typed" in ended.inner_text()
    check_accessibility(page)
    ended.get_by_role("button", name="Back to the page").click()
    ended.wait_for(state="hidden")

    # Sign out from the warning.
    settings.SESSION_COOKIE_AGE = 1800
    page.goto(reverse("accounts:account"))
    settings.SESSION_COOKIE_AGE = 90
    page.goto(reverse("accounts:account"))
    page.clock.run_for(2_000)
    dialog.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("accounts:signed-out"))


def test_an_edit_conflict_in_two_tabs(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jess = factories.user(Role.PRACTITIONER, username="jess", first_name="Jess")
    case = factories.case(jess, state="enquiry")
    rf.plan(case, jess, pace="Slowly", person_involvement="Wrote it with her")
    sign_in(page, "jess")
    url = reverse("enquiries:plan", args=[case.pk])
    first = page
    first.goto(url)
    second = page.context.new_page()
    second.goto(url)

    second.locator("[name=pace]").fill("One change a month")
    second.get_by_role("button", name="Save").first.click()
    second.wait_for_load_state()

    first.expected_console_errors = ["409"]
    first.locator("[name=person_involvement]").fill("At the day centre, with June")
    first.get_by_role("button", name="Save").first.click()
    first.wait_for_load_state()
    banner = first.get_by_role("region", name="Someone else changed this record")
    assert "One change a month" in banner.inner_text()
    assert first.locator("[name=pace]").input_value() == "One change a month"
    assert first.locator("[name=person_involvement]").input_value() == (
        "At the day centre, with June"
    )
    check_accessibility(first)

    first.get_by_role("button", name="Save").first.click()
    first.wait_for_load_state()
    plan = SafeguardingPlan.objects.get(case=case)
    assert (plan.pace, plan.person_involvement) == (
        "One change a month",
        "At the day centre, with June",
    )
