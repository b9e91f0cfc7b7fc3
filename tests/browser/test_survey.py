"""The outcome survey pages (msp/survey) in a real Chromium, with axe-core checking each one for
WCAG 2.2 A and AA problems."""

import pytest
from django.utils import timezone

from msp.survey.bank import load_questions, read_fixture
from msp.survey.models import SurveyResponse
from tests import factories
from tests.browser.conftest import check_accessibility
from tests.survey.conftest import ANSWERS_3_TO_7, closed_case  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_independent_colleague_records_a_survey(page, settings, colleague, closed_case):  # noqa: F811
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # An earlier transactional test may have emptied the tables the migrations filled
    load_questions(read_fixture())
    case = closed_case(days=12)

    page.goto("/")
    page.get_by_label("Username").fill(colleague.username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Outcome surveys").click()
    check_accessibility(page)
    assert "44 days" in page.get_by_role("row").nth(1).inner_text()

    page.get_by_role("link", name=f"Record a survey for case {case.reference}").click()
    check_accessibility(page)
    page.get_by_role("group", name="Who answered the survey?").get_by_label(
        "The person", exact=True
    ).check()
    page.get_by_role("group", name="How was the survey done?").get_by_label(
        "Asked by someone independent, after the case closed", exact=True
    ).check()
    page.get_by_role("button", name="Continue").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Record the person's answers"

    page.get_by_role("button", name="Save the survey").click()
    check_accessibility(page)
    assert page.title().startswith("Error: ")
    page.get_by_role("link", name="Enter the date they were asked").click()

    today = timezone.localdate()
    dates = page.get_by_role("group", name="Date they were asked")
    dates.get_by_label("Day").fill(str(today.day))
    dates.get_by_label("Month").fill(str(today.month))
    dates.get_by_label("Year").fill(str(today.year))
    answers = {1: "Yes they were asked and outcomes were expressed", 2: "Partially Achieved"}
    for number, label in answers.items():
        page.locator(f"#q{number}").locator("xpath=ancestor::fieldset").get_by_label(
            label, exact=True
        ).check()
    for number, (code, comment) in ANSWERS_3_TO_7.items():
        page.locator(f"input[name=q{number}][value={code}]").check()
        if comment:
            page.get_by_label(f"What did they say about question {number}? (optional)").fill(
                comment
            )
    page.get_by_role("button", name="Save the survey").click()
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Outcome survey"
    assert "My advocate came to every meeting." in page.content()
    assert SurveyResponse.objects.get().interviewer_independent
