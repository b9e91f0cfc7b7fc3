"""A safeguarding lead restricts a case; a colleague in the team finds it
restricted, opens it through break-glass with a reason, and the lead sees the
alert. axe-core checks every page, the error states included."""

import pytest

from msp.accounts.models import Role
from tests import factories
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEED = "Police have asked for the plan before a strategy meeting tonight"


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def submit(page, button: str) -> None:
    page.locator("main form button[type=submit]", has_text=button).click()
    page.wait_for_load_state()
    check_accessibility(page)


def test_restrict_break_glass_and_alert(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The restricted page answers 403 and a form with errors 400; the browser logs both.
    page.expected_console_errors = ["status of 403", "status of 400"]
    jess = factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Moss")
    factories.user(Role.PRACTITIONER, username="kit", first_name="Kit", last_name="Lane")
    factories.user(Role.SAFEGUARDING_LEAD, team_name=None, username="lee", first_name="Lee")
    about = factories.person(jess, given_name="Philippa", family_name="Quarryman")
    case = factories.case(jess, state="enquiry", about=about)

    sign_in(page, "lee")
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Restrict this case").click()
    page.wait_for_load_state()
    check_accessibility(page)
    submit(page, "Restrict the case")  # no reason: errors shown
    assert "Enter the reason" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why are you restricting this case?").fill(
        "The adult's son works in our own home care team"
    )
    page.get_by_label("Jess Moss", exact=False).check()
    submit(page, "Restrict the case")
    assert "Restricted" in page.locator("main").inner_text()

    sign_in(page, "kit")
    page.goto("/cases/team/")
    check_accessibility(page)
    assert "Philippa" not in page.content()
    page.get_by_role("link", name=case.reference).click()
    page.wait_for_load_state()
    check_accessibility(page)
    assert page.locator("h1").inner_text() == f"Case {case.reference} is restricted"
    assert "Philippa" not in page.content()
    page.get_by_role("button", name="Ask to open this case").click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.get_by_label("Why do you need to see this case?").fill("need it")
    submit(page, "Open the case")
    assert "Give a fuller reason" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why do you need to see this case?").fill(NEED)
    submit(page, "Open the case")
    assert "Philippa" in page.locator("main").inner_text()

    sign_in(page, "lee")
    page.get_by_role("link", name="Break-glass alerts", exact=True).click()
    page.wait_for_load_state()
    check_accessibility(page)
    assert NEED in page.locator("main").inner_text()
    page.get_by_role("button", name="Acknowledge").click()
    page.wait_for_load_state()
    assert "No alerts to acknowledge" in page.locator("main").inner_text()
