"""At 375 px wide (a small phone) the case page, team cases and queues fit the
screen: wide tables scroll inside their own labelled region, never the page.
Printed, a page drops navigation, buttons and the footer, carries the
protective marking and the date printed, and shows every section open."""

import pytest

from msp.accounts.models import Role
from tests import factories
from tests import record_factories as rf
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"
    check_accessibility(page)


def test_pages_fit_a_small_screen_and_print_cleanly(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jess = factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Moss")
    factories.user(Role.TEAM_MANAGER, username="helen", first_name="Helen", last_name="Bright")
    case = factories.case(jess, state="enquiry")
    rf.plan(case, jess)
    rf.plan_action(case, jess)
    rf.risk_assessment(case, jess)
    for state in ("raised", "triage", "decided"):  # work in the queues
        factories.case(jess, state=state)
    page.set_viewport_size(PHONE)

    sign_in(page, "jess")
    page.goto(f"/cases/{case.pk}/")
    fits(page)
    page.goto("/cases/mine/")
    fits(page)

    sign_in(page, "helen")
    page.goto("/cases/team/")
    assert page.get_by_role("region", name="Open cases").count() == 1
    fits(page)
    page.goto("/cases/queues/")
    fits(page)

    # Printed: no navigation, buttons, skip link or footer; the marking and
    # the date printed at the top and the bottom; sections open.
    page.goto(f"/cases/{case.pk}/")
    page.emulate_media(media="print")
    for hidden in (
        ".govuk-service-navigation",
        ".govuk-template__footer",
        ".govuk-skip-link",
        ".govuk-button",
        ".govuk-template__header",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    for where in ("top", "bottom"):
        marking = page.locator(f".msp-print-marking--{where}")
        assert marking.is_visible()
        assert marking.inner_text().startswith("OFFICIAL-SENSITIVE. Printed ")
    closed_details = page.locator("details:not([open]) .govuk-details__text")
    for n in range(closed_details.count()):
        assert closed_details.nth(n).is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".msp-print-marking--top").is_visible()
