"""The return page in a real Chromium, with axe-core checking it for WCAG 2.2
A and AA problems. (Kept with the assurance tests it belongs to; it uses the
browser fixtures from tests/browser.)"""

import datetime

import pytest

from msp.accounts.models import Role
from tests import factories
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_performance_officer_reads_and_downloads_the_return(page, settings, story):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.user(Role.PERFORMANCE, team_name=None, username="ruth")
    s = story(raised_on=datetime.date(2025, 5, 1)).decide(datetime.date(2025, 5, 2))
    s.start(datetime.date(2025, 5, 3)).close(datetime.date(2025, 8, 1), blank=("msp_asked",))

    page.goto("/")
    page.get_by_label("Username").fill("ruth")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Safeguarding Adults Collection return"
    )
    check_accessibility(page)

    page.get_by_label("Reporting year").select_option("2025")
    page.get_by_role("button", name="Show the return").click()
    page.wait_for_load_state()
    check_accessibility(page)
    sg1f = page.get_by_role("table", name="SG1f: Number of concerns and enquiries")
    assert "Total Number of Section 42 Safeguarding Enquiries\t1" in sg1f.inner_text()
    checks = page.get_by_role("table", name="Cases to complete (1)")
    assert s.case.reference in checks.inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the 2025-26 return as CSV").click()
    assert download.value.suggested_filename == "sac-return-2025-26.csv"
