"""Steps the browser tests share: wait for a page and run axe on it, click,
choose a radio in a fieldset, sign in, read the main content."""

import re

from django.urls import reverse

from tests import factories
from tests.browser_fixtures import check_accessibility


def loaded(page) -> None:
    page.wait_for_load_state()
    check_accessibility(page)


def click(page, role: str, name: str | re.Pattern[str]) -> None:
    page.get_by_role(role, name=name).first.click()
    loaded(page)


def choose(page, legend: str, option: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(option, exact=True).check()


def sign_in(page, username: str) -> None:
    page.goto(reverse("accounts:sign-in"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    click(page, "button", "Sign in")


def main_text(page) -> str:
    return page.locator("main").inner_text()


def decide_s42(page, *, needs: str, abuse: str, unable: str) -> None:
    """On the decision form: yes to all three questions, with the evidence
    given, and a section 42 enquiry; then record it."""
    choose(page, "Does the person have needs for care and support?", "Yes")
    page.get_by_label("Evidence about care and support needs").fill(needs)
    choose(page, "Is the person experiencing, or at risk of, abuse or neglect?", "Yes")
    page.get_by_label("Evidence about abuse or neglect").fill(abuse)
    choose(
        page,
        "As a result of those needs, is the person unable to protect themselves from the "
        "abuse or neglect, or the risk of it?",
        "Yes",
    )
    page.get_by_label("Evidence about whether they can protect themselves").fill(unable)
    choose(page, "What happens next?", "Section 42 enquiry")
    click(page, "button", "Record the decision")
