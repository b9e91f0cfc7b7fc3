"""A practitioner tries to close a case because the person declined, is shown
what the record is missing (the practice guard's findings for myth 1), records
it, and closes. axe-core checks every page visited, blocked ones included."""

import datetime

import pytest

from msp.accounts.models import Role
from msp.cases.models import CaseState
from msp.enquiries import actions
from msp.enquiries.forms.workflow import check_question
from tests import factories
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, legend: str, option: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(option, exact=True).check()


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"input[name='{field}-day']").fill(str(day.day))
    page.locator(f"input[name='{field}-month']").fill(str(day.month))
    page.locator(f"input[name='{field}-year']").fill(str(day.year))


def close_as_declined(page) -> None:
    page.get_by_role("button", name="Close the case").first.click()
    page.wait_for_load_state()
    check_accessibility(page)
    choose(page, "Why is the case closing?", "The person asked for the enquiry or support to stop")
    choose(
        page,
        "What did the enquiry find, and was action taken?",
        "The enquiry stopped because the person asked; no action was taken",
    )
    choose(
        page,
        "Was the person asked what outcomes they wanted?",
        "Yes, and they said what they wanted",
    )
    choose(
        page,
        "Did the person lack capacity to make decisions about the enquiry?",
        "No, they did not lack capacity",
    )
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    check_accessibility(page)
    if page.get_by_role("heading", name="Check your answers before closing the case").count():
        page.get_by_role("button", name="Close the case").click()
        page.wait_for_load_state()
        check_accessibility(page)


def test_closing_when_the_person_declined_asks_about_coercion_first(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A blocked closing answers 409, which the browser reports on its console.
    page.expected_console_errors = ["status of 409"]
    jess = factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Moss")
    case = factories.case(jess, state="closing", given_name="Dorothy")
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=jess, expected_version=outcome.version, achievement="not")

    page.goto("/sign-in/")
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/cases/{case.pk}/")
    check_accessibility(page)

    # First try: the guard stops the closing and says why
    close_as_declined(page)
    summary = page.locator(".govuk-error-summary").inner_text()
    # Named by their questions, not their ids
    assert check_question("M1.a") in summary and check_question("M1.e") in summary
    assert "M1.a" not in summary
    case.refresh_from_db()
    assert case.state == CaseState.CLOSING

    # Record the contact where she was seen alone, and what was concluded
    page.goto(f"/cases/{case.pk}/contacts/new/")
    check_accessibility(page)
    fill_date(page, "contacted_on", datetime.date.today())
    choose(page, "How did you contact the person, or try to?", "Visit")
    choose(page, "What happened?", "Spoke with the person")
    page.get_by_label("Who was there?").fill("No one else: her son was out")
    choose(page, "Was the person seen or spoken to alone?", "Yes, seen or spoken to alone")
    page.get_by_label("What did you conclude about coercion, control or undue influence?").fill(
        "She spoke freely and was clear she wants no further help; no sign of pressure."
    )
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    check_accessibility(page)

    # And the risk to others from the same person
    page.goto(f"/cases/{case.pk}/risk/")
    check_accessibility(page)
    page.get_by_label("What is the risk to the person?").fill("Low: her son has moved out.")
    choose(page, "Are other adults at risk?", "No")
    choose(page, "Are children at risk?", "No")
    choose(page, "Is the public at risk?", "No")
    choose(page, "Is the source of risk in a position of trust?", "Not in a position of trust")
    choose(
        page,
        "Does the source of risk have contact with other adults at risk or children?",
        "No",
    )
    choose(page, "May a crime have been committed?", "No")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    check_accessibility(page)

    # Now it closes
    page.goto(f"/cases/{case.pk}/")
    close_as_declined(page)
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert "Closed" in page.locator("main").inner_text()
