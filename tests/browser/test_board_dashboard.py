"""A board member signs in, sees the dashboard, narrows it to one quarter and
one team, and downloads the figures, in a real Chromium; axe-core checks every
page for WCAG 2.2 A and AA problems."""

import csv
import io

import pytest

from msp.accounts.models import Role
from msp.audit.models import AuditEvent
from tests import factories
from tests.board.conftest import D, journey
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_board_member_reads_the_dashboard(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.user(Role.BOARD_MEMBER, team_name=None, username="bea", first_name="Bea")
    worker = factories.user(Role.PRACTITIONER, username="pat")
    factories.user(Role.TEAM_MANAGER, username="mo")
    other = factories.user(Role.PRACTITIONER, team_name="South locality team", username="sol")
    for _ in range(7):
        journey(worker, D(2025, 5, 12), decided=D(2025, 5, 14), closed=D(2025, 9, 10))
    for _ in range(8):
        journey(worker, D(2025, 11, 10), abuse_types=["neglect"])
    for _ in range(3):
        journey(other, D(2025, 11, 10))

    page.goto("/")
    assert "/sign-in/" in page.url
    page.get_by_label("Username").fill("bea")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    # Board members land on the dashboard.
    assert page.get_by_role("heading", level=1).inner_text() == "Board dashboard"
    assert page.get_by_role("link", name="Board dashboard").get_attribute("aria-current") == "page"
    check_accessibility(page)

    # The year 2025 to 2026, all teams.
    page.get_by_label("Reporting year", exact=True).select_option(label="2025 to 2026")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_load_state()
    check_accessibility(page)
    quarterly = page.get_by_role("table", name="Concerns and enquiries by quarter, 2025 to 2026")
    q3 = quarterly.get_by_role("row", name="Quarter 3 (October to December)")
    assert q3.get_by_role("cell").first.inner_text() == "10"  # 8 + 3 = 11
    # Each chart is an image named by its heading, with the same figures as its table.
    chart = page.get_by_role("img", name="Types of abuse or neglect")
    description = page.locator(f"#{chart.get_attribute('aria-describedby')}").text_content()
    assert "Neglect and Acts of Omission: 10" in description

    # One quarter, one team.
    page.get_by_label("Quarter", exact=True).select_option(label="Quarter 3 (October to December)")
    page.get_by_label("Team", exact=True).select_option(label="South locality team")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_load_state()
    check_accessibility(page)
    assert "quarter=3" in page.url
    lead = page.locator(".govuk-body-l").inner_text()
    assert "Quarter 3 (October to December), 2025 to 2026, South locality team" in lead
    key = page.get_by_role("table", name="Key figures, Q3 2025 to 2026")
    assert key.get_by_role("row", name="Concerns raised").get_by_role("cell").inner_text() == "[c]"

    # The download is the same figures, and it is recorded.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download these figures as a spreadsheet (CSV)").click()
    download = download_info.value
    with open(download.path(), encoding="utf-8") as f:
        rows = list(csv.reader(io.StringIO(f.read())))
    assert [
        "Q3 2025 to 2026",
        "South locality team",
        "Key figures",
        "Concerns raised",
        "Figure",
        "[c]",
    ] in rows
    assert (
        AuditEvent.objects.filter(object_type="board.dashboard", user__username="bea").count() == 1
    )
