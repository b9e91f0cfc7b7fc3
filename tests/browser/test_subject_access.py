"""A safeguarding lead downloads a subject access export in a real Chromium,
with axe-core checking the pages."""

import json

import pytest

from msp.privacy import sar
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_downloads_both_formats(page, settings, practitioner, lead):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    case = factories.case(
        practitioner, state="enquiry", referrer_name="Rita Referrer", referrer_confidential=True
    )
    page.goto("/")
    page.get_by_label("Username").fill(lead.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/people/{case.person_id}/")
    page.get_by_role("link", name="Subject access export").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Subject access export"

    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as a document (PDF)").click()
    assert pdf.value.suggested_filename == f"subject-access-{case.person_id}.pdf"
    with open(pdf.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    with page.expect_download() as data:
        page.get_by_role("link", name="Download as data (JSON)").click()
    with open(data.value.path(), encoding="utf-8") as f:
        export = json.load(f)
    # Rita asked to stay confidential: withheld from the export, not marked for review.
    assert export["cases"][0]["concerns"][0]["referrer_name"] == sar.WITHHELD
    assert "Rita" not in json.dumps(export)
