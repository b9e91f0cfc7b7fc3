"""A team manager closes a case whose record does not show a legal duty was
met: checks before closing what the guard would find with her answers, gives
a reason to close without the duty, checks her answers, changes one, and
closes. axe-core checks every page visited."""

import pytest

from msp.accounts.models import Role
from msp.cases.models import CaseState
from msp.enquiries import actions
from msp.enquiries.forms.workflow import check_question
from msp.enquiries.models import Closure
from msp.practice.models import ClosureFinding
from tests import factories
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_DOOR = "Phone the duty team on 01234 567890."
SECOND_DOOR = "Phone the duty team on 01234 567890, or ask your GP to call us."
REASON = "Her daughter supported her at every visit; advocacy was discussed and not needed."


def choose(page, legend: str, option: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(option, exact=True).check()


def loaded(page) -> None:
    page.wait_for_load_state()
    check_accessibility(page)


def test_check_before_closing_then_check_answers_change_and_close(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    mo = factories.user(Role.TEAM_MANAGER, username="mo", first_name="Mo", last_name="Hughes")
    case = factories.case(mo, state="closing", advocacy=False, given_name="Edna")
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=mo, expected_version=outcome.version, achievement="fully")

    page.goto("/sign-in/")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/cases/{case.pk}/close/")
    loaded(page)

    choose(page, "Why is the case closing?", "The enquiry is complete")
    choose(
        page,
        "What did the enquiry find, and was action taken?",
        "A risk was found and action was taken",
    )
    choose(page, "What happened to the risk?", "Risk reduced")
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
    page.get_by_label("How can the person come back to us if they want help later?").fill(
        FIRST_DOOR
    )

    # Check before closing: the guard's answer for these answers, nothing lost
    page.get_by_role("button", name="Check before closing").click()
    loaded(page)
    preview = page.locator("#preview").inner_text()
    assert "If you closed the case with these answers" in preview
    assert "It could not close yet: 1 legal duty is not shown as met" in preview
    duty = page.locator("#check-M4-a").inner_text()
    assert check_question("M4.a") in duty
    assert page.get_by_label("How can the person come back to us if they want help later?")
    assert (
        page.get_by_role("group", name="Why is the case closing?")
        .get_by_label("The enquiry is complete", exact=True)
        .is_checked()
    )
    assert case.__class__.objects.get(pk=case.pk).state == CaseState.CLOSING

    # Continue without a reason: asked for one next to the duty, by its question
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    summary = page.locator(".govuk-error-summary")
    assert "Enter why the case can close without an answer to" in summary.inner_text()
    assert "M4.a" not in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.name") == "override_M4_a"
    page.locator("textarea[name=override_M4_a]").fill(REASON)

    # Check your answers
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    main = page.locator("main").inner_text()
    assert "Check your answers before closing the case" in main
    assert FIRST_DOOR in main and REASON in main

    # Change the way back, keeping everything else
    page.get_by_role(
        "button", name="Change how can the person come back to us if they want help later?"
    ).click()
    loaded(page)
    door = page.get_by_label("How can the person come back to us if they want help later?")
    assert door.input_value() == FIRST_DOOR
    assert page.locator("textarea[name=override_M4_a]").input_value() == REASON
    door.fill(SECOND_DOOR)
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    assert SECOND_DOOR in page.locator("main").inner_text()

    page.get_by_role("button", name="Close the case").click()
    loaded(page)
    assert "Case closed" in page.locator("main").inner_text()
    closure = Closure.objects.get(case=case)
    assert closure.open_door == SECOND_DOOR
    assert ClosureFinding.objects.get(closure=closure, check_id="M4.a").override_reason == REASON
