"""An auditor signs in, lands on the audit log, searches by NHS number, pages
through, sees who has seen a person's record and the unusual-access alerts, in
a real Chromium; axe-core checks every page for WCAG 2.2 A and AA problems."""

import pytest

from msp.accounts.models import Role
from msp.audit.log import record_list, write
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_auditor_uses_the_desk(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MSP_AUDIT_ALERT_RECORDS = 3
    factories.user(Role.AUDITOR, team_name=None, username="aud", first_name="Imran")
    worker = factories.user(Role.PRACTITIONER, username="pat", first_name="Pat")
    case = factories.case(worker)
    person = case.person
    others = [factories.person(worker) for _ in range(60)]
    record_list(by=worker, shown_in="people search", people=[p.pk for p in others])
    write(
        by=worker,
        action="case.break_glass",
        object_type="cases.case",
        object_id=str(case.pk),
        case_id=case.pk,
        reason="Duty cover",
    )

    page.goto("/")
    page.get_by_label("Username").fill("aud")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Audit log"
    check_accessibility(page)

    # A mistake is shown next to the field, and the search is kept.
    page.get_by_label("NHS number").fill("123")
    page.get_by_role("button", name="Search the audit log").click()
    page.wait_for_load_state()
    assert "NHS number must be 10 digits" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)

    page.get_by_label("NHS number").fill(person.nhs_number)
    page.get_by_role("button", name="Search the audit log").click()
    page.wait_for_load_state()
    assert case.reference in page.get_by_role("table").inner_text()
    assert person.family_name not in page.content()
    check_accessibility(page)

    # Everything pat did, over two pages.
    page.get_by_label("NHS number").fill("")
    page.get_by_label("Username").fill("pat")
    page.get_by_role("button", name="Search the audit log").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Next page").click()
    page.wait_for_load_state()
    assert "page 2 of" in page.get_by_role("table").inner_text()
    check_accessibility(page)

    page.get_by_role("link", name="Who has seen a record").click()
    page.get_by_label("Record number").fill(str(person.pk))
    page.get_by_role("button", name="Show who has seen it").click()
    page.wait_for_load_state()
    assert "(pat)" in page.get_by_role("table").inner_text()
    check_accessibility(page)

    page.get_by_role("link", name="Unusual access").click()
    page.wait_for_load_state()
    # The break-glass is listed with the fact of a reason, never its words.
    assert "Reason given (2 words" in page.content()
    assert "Duty cover" not in page.content()
    assert "(pat)" in page.get_by_role("table").first.inner_text()
    check_accessibility(page)
