"""A worker closes a case, then writes the Easy Read closure letter to the
person and the feedback letter to the professional who raised the concern:
chooses each, changes the words, previews and sends. The local outbox holds
both. axe-core checks every page visited."""

import pytest

from msp.accounts.models import Role
from msp.delivery.outbox import messages
from msp.enquiries import actions
from msp.letters.models import Letter, LetterStatus
from tests import factories
from tests import record_factories as rf
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOOR = "Phone the duty team on 01234 567890 and say you have talked to us before."
FEEDBACK = "We met her with her daughter and agreed a plan she is happy with."


def choose(page, legend: str, option: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(option, exact=True).check()


def loaded(page) -> None:
    page.wait_for_load_state()
    check_accessibility(page)


def test_close_then_write_and_send_the_easy_read_closure_letter_and_feedback(
    page, settings, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DELIVERY_BACKEND = "outbox"
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    sam = factories.user(Role.PRACTITIONER, username="sam", first_name="Sam", last_name="Okafor")
    factories.user(Role.TEAM_MANAGER, username="mina", first_name="Mina")
    case = factories.case(
        sam,
        state="closing",
        given_name="Edna",
        referrer_name="Priya Shah",
        referrer_job_title="District nurse",
        referrer_contact="priya.shah@example.nhs.uk",
        referrer_confidential=True,
    )
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=sam, expected_version=outcome.version, achievement="fully")
    rf.feedback(case, sam, what_was_said=FEEDBACK)

    page.goto("/sign-in/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # The worker closes the case.
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
    page.get_by_label("How can the person come back to us if they want help later?").fill(DOOR)
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    page.get_by_role("button", name="Close the case").click()
    loaded(page)
    assert "Case closed" in page.locator("main").inner_text()

    # From the case page to its letters.
    page.get_by_role("link", name="Letters about this case").click()
    loaded(page)
    page.get_by_role("button", name="Write a letter").click()
    loaded(page)

    # The Easy Read closure letter: drafted from the record, edited, previewed, sent.
    choose(page, "Which letter do you want to write?", "Closure letter to the person (Easy Read)")
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    words = page.get_by_label("The words of the letter")
    drafted = words.input_value()
    assert DOOR in drafted and "Priya" not in drafted and "nurse" not in drafted.lower()
    words.fill(drafted.replace("Thank you for talking with us.", "Thank you for seeing us, Edna."))
    page.get_by_role("button", name="Save and preview").click()
    loaded(page)
    assert "Thank you for seeing us, Edna." in page.locator("#letter-text").inner_text()
    choose(page, "How will the letter be sent?", "Post")
    page.get_by_role("button", name="Send the letter").click()
    loaded(page)
    assert "sent" in page.locator("main").inner_text()

    # The nurse asked for her identity to be kept confidential: the worker is
    # told who writes to her, and sees nothing that names her.
    page.get_by_role("button", name="Write a letter").click()
    loaded(page)
    offered = page.locator("main").inner_text()
    assert "asked us to keep who they are confidential" in offered and "Priya" not in offered

    # Her manager writes the feedback to the nurse, by email.
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("mina")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"/cases/{case.pk}/letters/")
    loaded(page)
    page.get_by_role("button", name="Write a letter").click()
    loaded(page)
    page.get_by_label("Feedback to Priya Shah", exact=False).check()
    page.get_by_role("button", name="Continue").click()
    loaded(page)
    words = page.get_by_label("The words of the letter")
    assert FEEDBACK in words.input_value()
    words.fill(words.input_value() + "\n\nThank you for your help, Priya.")
    page.get_by_role("button", name="Save and preview").click()
    loaded(page)
    choose(page, "How will the letter be sent?", "Email")
    assert page.get_by_label("Address or email address").input_value() == (
        "priya.shah@example.nhs.uk"
    )
    page.get_by_role("button", name="Send the letter").click()
    loaded(page)
    listed = page.locator("main").inner_text()
    assert listed.count("Sent") >= 2

    letter, email = messages()
    assert letter["kind"] == "letter" and letter["pdf_bytes"].startswith(b"%PDF-")
    assert email["kind"] == "email" and email["to"] == "priya.shah@example.nhs.uk"
    assert FEEDBACK in email["body"] and "Thank you for your help, Priya." in email["body"]
    assert set(Letter.objects.filter(case=case).values_list("status", flat=True)) == {
        LetterStatus.SENT
    }
