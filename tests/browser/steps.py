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
