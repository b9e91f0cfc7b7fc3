"""In a real Chromium: a member of the public reports a concern anonymously
with JavaScript off; a professional reports one in confidence on a 320 px
screen, with axe run on every page; a manager sees both in the triage queue
with their channel, takes one into a case and shares feedback; the
professional checks the status with the reference and secret, reads the
feedback and escalates."""

import pytest

from msp.accounts.models import Role
from msp.frontdoor.models import PublicReport, ReportEscalation
from tests import factories
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 640}


def checked(page) -> None:
    """No axe violations, and nothing wider than the screen."""
    check_accessibility(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    screen = page.viewport_size["width"]
    assert width <= screen, f"{page.url} is {width}px wide"


def go_on(page, checks: bool = True) -> None:
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    if checks:
        checked(page)


def report(page, *, professional: bool, checks: bool) -> tuple[str, str]:
    page.goto("/report/")
    assert "call 999" in page.locator("main").inner_text()
    if checks:
        checked(page)
    page.get_by_role("button", name="Start now").click()
    page.wait_for_load_state()
    if checks:
        checked(page)
    who = page.get_by_role("group", name="Who are you?")
    if professional:
        who.get_by_label("Someone who works with the adult, or a professional").check()
        go_on(page, checks)
        page.get_by_label("Name of your organisation").fill("Northmoor Community Nursing")
        page.get_by_label("Your job title (optional)").fill("District nurse")
    else:
        who.get_by_label("A member of the public").check()
    go_on(page, checks)
    identity = page.get_by_role("group", name="Can we say who made this report?")
    if professional:
        identity.get_by_label("Keep who I am from the adult and the person causing harm").check()
    else:
        identity.get_by_label("I want to stay anonymous").check()
    go_on(page, checks)
    page.get_by_label("Their name").fill("Edith Blackwood")
    page.get_by_label("Their age (optional)").fill("about 85")
    page.get_by_label("Their address or the area they live in (optional)").fill(
        "4 Orchard Row, Northmoor NM1 4QT"
    )
    go_on(page, checks)
    page.get_by_label("What happened?").fill("Her nephew takes her pension and shouts at her.")
    go_on(page, checks)
    page.get_by_label("Where did it happen?").fill("At her home")
    go_on(page, checks)
    page.get_by_role("group", name="Does the adult know you are telling us?").get_by_label(
        "No", exact=True
    ).check()
    go_on(page, checks)
    page.get_by_label("What does the adult want to happen? (optional)").fill(
        "She wants to keep seeing her nephew."
    )
    go_on(page, checks)
    if professional:
        page.get_by_label("Your name").fill("Rosa Lind")
        page.get_by_label("Email address (optional)").fill("rosa@example.org")
        go_on(page, checks)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Check your answers before sending your report"
    )
    assert "Edith Blackwood" in page.locator(".govuk-summary-list").inner_text()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_load_state()
    if checks:
        checked(page)
    reference = page.locator("#reference").inner_text()
    secret = page.locator("#secret").inner_text()
    assert reference.startswith("R-") and len(secret) == 19
    return reference, secret


def test_public_and_professional_reports_reach_triage_and_the_referrer_escalates(
    browser, live_server, page, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = "North locality team"
    helen = factories.user(Role.TEAM_MANAGER, username="helen", first_name="Helen")
    edith = factories.person(helen, given_name="Edith", family_name="Blackwood")

    # A member of the public, anonymous, with JavaScript off.
    no_script = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    report(no_script.new_page(), professional=False, checks=False)
    no_script.close()

    # A district nurse, in confidence, on a 320 px screen.
    page.set_viewport_size(NARROW)
    reference, secret = report(page, professional=True, checks=True)
    assert PublicReport.objects.count() == 2

    # The manager sees both waiting for triage, with their channels (on a desk).
    page.set_viewport_size({"width": 1024, "height": 768})
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("helen")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto("/cases/queues/")
    checked(page)
    waiting = page.get_by_role("region", name="Reports from the public and partners")
    rows = waiting.locator("tbody tr")
    assert rows.count() == 2
    text = waiting.inner_text()
    assert "Member of the public" in text and "Anonymous" in text
    assert "Partner agency" in text and "Confidential referrer" in text

    # She opens the professional's report, confirms Edith, and takes it into a case.
    page.get_by_role("link", name=reference).click()
    page.wait_for_load_state()
    checked(page)
    assert "Rosa Lind" in page.locator("main").inner_text()
    page.get_by_role("group", name="Who is this report about?").get_by_label(
        "Edith Blackwood"
    ).check()
    page.get_by_role("group", name="What types of abuse or neglect?").get_by_label(
        "Financial or material abuse"
    ).check()
    page.get_by_role("group", name="Where did it happen?").get_by_label(
        "The person's own home", exact=True
    ).check()
    page.get_by_role("group", name="Who is the source of risk?").get_by_label(
        "Someone the person knows", exact=True
    ).check()
    page.get_by_role("button", name="Take this report into a case").click()
    page.wait_for_load_state()
    checked(page)
    assert edith.cases.count() == 1
    assert f"added to case {edith.cases.get().reference}" in page.locator("main").inner_text()

    # She shares feedback with the referrer from the case's concern page.
    page.get_by_role("navigation", name="Parts of case").get_by_role(
        "link", name="Concern and decision"
    ).click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Share feedback with the referrer").click()
    page.wait_for_load_state()
    checked(page)
    page.get_by_label("What do you want to tell the person who made the report?").fill(
        "Thank you. We have spoken to her and put support in place."
    )
    page.get_by_role("button", name="Share with the referrer").click()
    page.wait_for_load_state()
    checked(page)

    # The nurse checks the status, reads the feedback and escalates.
    page.set_viewport_size(NARROW)
    page.context.clear_cookies()
    page.goto("/report/status/")
    checked(page)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Secret").fill(secret)
    go_on(page)
    assert page.locator("#status").inner_text() == "Received"
    main = page.locator("main").inner_text()
    assert "Edith" not in main
    assert "Thank you. We have spoken to her and put support in place." in main
    page.get_by_role("button", name="I do not think this was dealt with").click()
    page.wait_for_load_state()
    checked(page)
    page.get_by_label("Why do you think your report was not dealt with?").fill(
        "Nobody has called me back."
    )
    page.get_by_role("button", name="Send to the safeguarding lead").click()
    page.wait_for_load_state()
    checked(page)
    assert (
        "We have sent your escalation to the safeguarding lead" in page.locator("main").inner_text()
    )
    assert ReportEscalation.objects.get().reason == "Nobody has called me back."
