"""A practitioner walks the whole journey in a real Chromium: signs in, adds a
person, raises a concern, makes the section 42 decision, starts an enquiry,
records and revisits the person's outcome in their own words, answers the
practice guard's questions (how the person took part; the advocacy test the
close page says is missing), and closes the case. axe-core checks every page
visited for WCAG 2.2 A and AA problems."""

import re

import pytest
from django.utils import timezone

from msp.accounts.models import Role
from msp.cases.models import Case, CaseState
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def group(page, legend: str):
    """A fieldset, found by its legend."""
    return page.get_by_role("group", name=legend)


def choose(page, legend: str, option: str) -> None:
    group(page, legend).get_by_label(option, exact=True).check()


def submit(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    check_accessibility(page)


def date(page, legend: str, day: int, month: int, year: int) -> None:
    fieldset = group(page, legend)
    fieldset.get_by_label("Day").fill(str(day))
    fieldset.get_by_label("Month").fill(str(month))
    fieldset.get_by_label("Year").fill(str(year))


def test_a_practitioner_walks_the_whole_journey(page, settings, practitioners_decide):
    """In a council whose policy lets practitioners record the decision (the
    default is managers: see tests/web/test_queues.py and tests/cases)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    today = timezone.localdate()
    factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Whitfield")

    page.goto("/")
    assert "/sign-in/" in page.url
    check_accessibility(page)
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    submit(page, "Sign in")
    assert page.get_by_role("heading", level=1).inner_text() == "My cases"

    # Raise a concern about someone new
    page.get_by_role("link", name="Raise a concern").click()
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("Add a new person")).click()
    check_accessibility(page)
    page.get_by_label("First name").fill("Winifred")
    page.get_by_label("Last name").fill("Ashdown")
    date(page, "Date of birth", 2, 5, 2040)  # a future date: the form must say so
    page.get_by_label("NHS number (optional)").fill("943 476 5919")
    submit(page, "Add person")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "Date of birth must be in the past" in summary.inner_text()
    assert page.get_by_label("First name").input_value() == "Winifred"  # nothing lost
    date(page, "Date of birth", 2, 5, 1938)
    submit(page, "Add person")

    assert "Raise a concern" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_label("What happened?").fill(
        "Her neighbour says Winifred's grandson has been taking her pension and she "
        "is frightened of him."
    )
    group(page, "What types of abuse or neglect?").get_by_label(
        "Financial or material abuse"
    ).check()
    group(page, "What types of abuse or neglect?").get_by_label(
        "Psychological or emotional abuse"
    ).check()
    choose(page, "Where did it happen?", "The person's own home")
    group(page, "Who is the source of risk?").get_by_label(
        "Someone the person knows", exact=True
    ).check()
    choose(page, "Does the person know about the concern?", "Yes")
    submit(page, "Raise the concern")
    case = Case.objects.get(person__family_name="Ashdown")
    assert case.reference in page.get_by_role("heading", level=1).inner_text()

    # Triage and the section 42 decision, with evidence for each criterion
    submit(page, "Start triage")
    page.get_by_role("button", name="Record the section 42 decision").click()
    check_accessibility(page)
    choose(page, "Does the person have needs for care and support?", "Yes")
    page.get_by_label("Evidence about care and support needs").fill(
        "Home care twice a day after a stroke."
    )
    choose(page, "Is the person experiencing, or at risk of, abuse or neglect?", "Yes")
    page.get_by_label("Evidence about abuse or neglect").fill(
        "Pension gone within a day of payment."
    )
    choose(
        page,
        "As a result of those needs, is the person unable to protect themselves from the "
        "abuse or neglect, or the risk of it?",
        "Yes",
    )
    page.get_by_label("Evidence about whether they can protect themselves").fill(
        "Relies on her grandson to collect her pension."
    )
    choose(page, "What happens next?", "Section 42 enquiry")
    submit(page, "Record the decision")
    submit(page, "Start the enquiry")

    # The case page asks what the record does not show yet, as questions with
    # a place to record each answer
    questions = page.locator("#questions").locator("..")
    assert "How has the person taken part in the enquiry?" in questions.inner_text()
    page.get_by_role("link", name=re.compile("Record this.*How has the person taken part")).click()
    check_accessibility(page)
    page.get_by_label("How did the person take part in the enquiry?").fill(
        "Chose to meet at the day centre, and who else came."
    )
    group(
        page, "What part does the person who raised the concern play in the enquiry or plan?"
    ).get_by_label("They keep supporting or seeing the person").check()
    page.get_by_label("More about their part (optional)").fill(
        "Her neighbour will call in each Friday and tell us if anything changes."
    )
    submit(page, "Save")
    assert "How has the person taken part in the enquiry?" not in page.locator("main").inner_text()

    # What Winifred wants, in her own words, then revisited
    page.get_by_role("button", name="Add a desired outcome").click()
    check_accessibility(page)
    page.get_by_label("What does the person want to happen?").fill(
        "I want my pension to come to me, not to him."
    )
    choose(page, "Whose words are these?", "The person's own words")
    submit(page, "Save the outcome")
    page.get_by_role("link", name="Revisit desired outcome 1").click()
    check_accessibility(page)
    page.get_by_label("What does the person want to happen?").fill(
        "I want my pension paid into my own account, and to still see my grandson on Sundays."
    )
    page.get_by_label("Why has it changed, or what did you discuss?").fill(
        "Talked again at the day centre, without her grandson there."
    )
    submit(page, "Save the revisited outcome")
    assert "still see my grandson on Sundays" in page.locator("main").inner_text()

    # Close, recording how far the outcome was achieved and what happened to the risk
    submit(page, "Start closing the case")
    page.get_by_role("link", name="Record achievement of desired outcome 1").click()
    check_accessibility(page)
    choose(page, "Was the outcome achieved?", "Fully achieved")
    page.get_by_label("What does the person say? (optional)").fill("She says it is sorted now.")
    submit(page, "Save")

    # Before closing, the close page lists a legal duty the record does not
    # show as met: the advocacy test. Record it, then close.
    page.get_by_role("button", name="Close the case").click()
    check_accessibility(page)
    duties = page.locator("#duties").locator("..").inner_text()
    assert "These must be met before the case can close" in duties
    assert "Would the person have substantial difficulty being involved" in duties
    page.get_by_role("link", name=re.compile("Record this.*substantial difficulty")).click()
    check_accessibility(page)
    date(page, "Date of the assessment", today.day, today.month, today.year)
    choose(page, "Is there an appropriate person to support them?", "Yes")
    page.get_by_label("Their name").fill("Her daughter, Jean")
    choose(page, "What is the result?", "An appropriate person supports them: no advocate needed")
    page.get_by_label("How will that person support them?").fill(
        "Jean comes to every meeting and speaks up for her mother."
    )
    submit(page, "Save the assessment")
    assert "Advocacy assessment recorded" in page.locator("main").inner_text()

    page.get_by_role("button", name="Close the case").click()
    check_accessibility(page)
    assert page.locator("#duties").count() == 0
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
    submit(page, "Continue")
    assert "Check your answers" in page.get_by_role("heading", level=1).inner_text()
    submit(page, "Close the case")

    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    main = page.locator("main").inner_text()
    assert "Closed" in main
    page.get_by_role("link", name="Chronology").click()
    check_accessibility(page)
    timeline = page.locator(".moj-timeline").inner_text()
    for step in (
        "Concern raised",
        "Triage started",
        "Section 42 decision recorded",
        "Enquiry started",
        "Desired outcome recorded",
        "Desired outcome revisited",
        "Outcome achievement recorded",
        "The person's involvement recorded",
        "Advocacy assessment recorded",
        "Case closed",
    ):
        assert step in timeline
    assert "Jess Whitfield" in timeline
