"""From the front door to the letters, end to end in a real Chromium.

It proves the requirement "a browser test raises an anonymous public concern
and a professional's confidential concern, a manager triages them, a worker
closes one with an Easy Read closure letter and feedback, and the referrer
reads the feedback and escalates with the reference and secret; axe finds
nothing on every public page":

1. A member of the public reports anonymously and a district nurse reports in
   confidence, each in a browser of their own, through /report/; axe runs on
   every page of both.
2. The team manager sees both in the triage queue with their channels, takes
   the nurse's report into a case for the person already on record, adds the
   public report to that case as a repeat concern, starts triage, records the
   section 42 decision and allocates the case to a practitioner.
3. The practitioner, in her own browser, starts the enquiry, records what the
   person wants, shares feedback with the nurse through the front door,
   records what the closing gate asks for, rates the outcome and closes the
   case through the close form and its check-your-answers page.
4. She writes the Easy Read closure letter to the person (the letter refuses
   the nurse's name, and the draft never has it). She is not offered a letter
   to the nurse, who asked to stay confidential: the manager writes the
   feedback letter. Both are sent to the local outbox and kept as sent letters.
5. The nurse, in a fresh browser with no session, checks her report with the
   reference and secret, reads the feedback and escalates; the escalation is
   stored and the status page lists it.
"""

import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.accounts.models import Role
from msp.cases.models import CaseState
from msp.delivery.outbox import messages
from msp.frontdoor.models import PublicReport, ReportEscalation
from msp.letters.models import Letter, LetterKind, LetterStatus
from tests import factories
from tests.browser.steps import choose, click, decide_s42, loaded, main_text, sign_in
from tests.browser.test_front_door import checked, go_on, report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NURSE = "Rosa Lind"  # the name the nurse gives in tests.browser.test_front_door.report
NURSE_EMAIL = "rosa@example.org"
FEEDBACK = "Thank you. We met her at home and she agreed a plan to keep her money safe."
OPEN_DOOR = "Phone the duty team on 01234 567890 and say you have talked to us before."
WHY = "Nobody has told me what the plan is."


def fresh_page(browser, live_server):
    """A page in a browser context of its own: no cookies, no session. What
    the browser complains about is kept for ``done_with``."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.complaints = []
    page.on("console", lambda m: page.complaints.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.complaints.append(str(error)))
    return page


def done_with(page) -> None:
    """Close a fresh page's browser; it must have had nothing to complain about."""
    page.context.close()
    assert page.complaints == [], page.complaints


def triage(page) -> None:
    """The triager's classification on a report's page."""
    page.get_by_role("group", name="What types of abuse or neglect?").get_by_label(
        "Financial or material abuse"
    ).check()
    choose(page, "Where did it happen?", "The person's own home")
    page.get_by_role("group", name="Who is the source of risk?").get_by_label(
        "Someone the person knows", exact=True
    ).check()


def pdf_title(pdf: bytes) -> str:
    """The document title a PDF reader shows (WeasyPrint keeps it in the
    compressed XMP metadata, and tells readers to display it)."""
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(stream).decode("utf-8", "replace")
        except zlib.error:
            continue
        found = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", text, re.S)
        if found:
            return found.group(1)
    return ""


def test_front_door_reports_to_closure_letters_and_the_referrers_escalation(
    browser, live_server, page, settings, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = "North locality team"
    settings.DELIVERY_BACKEND = "outbox"
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    helen = factories.user(Role.TEAM_MANAGER, username="helen", first_name="Helen")
    factories.user(Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Whitfield")
    edith = factories.person(helen, given_name="Edith", family_name="Blackwood")

    # 1. Two reports through the front door, axe on every page of each.
    public = fresh_page(browser, live_server)
    public_reference, _ = report(public, professional=False, checks=True)
    done_with(public)
    nurse = fresh_page(browser, live_server)
    reference, secret = report(nurse, professional=True, checks=True)
    done_with(nurse)
    assert PublicReport.objects.count() == 2

    # 2. The manager sees both waiting, with their channels.
    manager = page
    sign_in(manager, "helen")
    manager.goto(reverse("cases:queues"))
    loaded(manager)
    waiting = manager.get_by_role("region", name="Reports from the public and partners")
    assert waiting.locator("tbody tr").count() == 2
    listed = waiting.inner_text()
    assert public_reference in listed and reference in listed
    assert "Member of the public" in listed and "Anonymous" in listed
    assert "Partner agency" in listed and "Confidential referrer" in listed

    # She takes the nurse's report into a case for Edith, who is on record.
    click(manager, "link", reference)
    assert NURSE in main_text(manager)  # a manager may see a confidential referrer
    manager.get_by_role("group", name="Who is this report about?").get_by_label(
        "Edith Blackwood"
    ).check()
    triage(manager)
    click(manager, "button", "Take this report into a case")
    case = edith.cases.get()
    assert f"Report {reference} added to case {case.reference}" in main_text(manager)

    # The public report is about Edith too: a repeat concern on the same case.
    manager.goto(reverse("cases:queues"))
    loaded(manager)
    click(manager, "link", public_reference)
    assert "Anonymous" in main_text(manager)
    manager.get_by_role("group", name="Who is this report about?").get_by_label(
        "Edith Blackwood"
    ).check()
    choose(
        manager, "If the person has an open case", "Add it to their open case as a repeat concern"
    )
    triage(manager)
    click(manager, "button", "Take this report into a case")
    assert f"Report {public_reference} added to case {case.reference}" in main_text(manager)
    assert edith.cases.count() == 1 and case.concerns.count() == 2
    manager.goto(reverse("cases:queues"))
    loaded(manager)
    assert reference not in main_text(manager) and public_reference not in main_text(manager)

    # Triage, the section 42 decision and allocation to a practitioner.
    manager.goto(reverse("cases:detail", args=[case.pk]))
    loaded(manager)
    click(manager, "button", "Start triage")
    click(manager, "button", "Record the section 42 decision")
    decide_s42(
        manager,
        needs="Home care after a fall.",
        abuse="Her pension goes each week.",
        unable="Her nephew collects her pension for her.",
    )
    click(manager, "link", "Allocate the case")
    manager.get_by_label(re.compile("Jess Whitfield")).check()
    click(manager, "button", "Allocate")
    assert "Allocated to: Jess Whitfield" in main_text(manager)

    # 3. The practitioner, in her own browser, works the case.
    worker = fresh_page(browser, live_server)
    sign_in(worker, "jess")
    worker.goto(reverse("cases:detail", args=[case.pk]))
    loaded(worker)
    click(worker, "button", "Start the enquiry")
    case.refresh_from_db()
    assert case.state == CaseState.ENQUIRY
    click(worker, "button", "Record as their first desired outcome")
    assert "She wants to keep seeing her nephew." in main_text(worker)

    # Feedback for the nurse, shared through the front door from the concern page.
    click(worker, "link", "Concern and decision")
    concerns = main_text(worker)
    assert NURSE not in concerns  # a practitioner does not see who the nurse is
    click(worker, "link", f"Share feedback with the referrer of report {reference}")
    worker.get_by_label("What do you want to tell the person who made the report?").fill(FEEDBACK)
    click(worker, "button", "Share with the referrer")
    assert "Feedback shared with the person who made the report" in main_text(worker)

    # How Edith took part, and the advocacy test the closing gate asks for.
    click(worker, "link", re.compile("Record this.*How has the person taken part"))
    worker.get_by_label("How did the person take part in the enquiry?").fill(
        "She chose to meet at home, with her friend June."
    )
    worker.get_by_role(
        "group",
        name="What part does the person who raised the concern play in the enquiry or plan?",
    ).get_by_label("They keep supporting or seeing the person").check()
    click(worker, "button", "Save")
    click(worker, "button", "Start closing the case")
    click(worker, "link", "Record achievement of desired outcome 1")
    choose(worker, "Was the outcome achieved?", "Fully achieved")
    click(worker, "button", "Save")
    click(worker, "button", "Close the case")
    assert "substantial difficulty" in worker.locator("#duties").locator("..").inner_text()
    click(worker, "link", re.compile("Record this.*substantial difficulty"))
    today = timezone.localdate()
    dated = worker.get_by_role("group", name="Date of the assessment")
    dated.get_by_label("Day").fill(str(today.day))
    dated.get_by_label("Month").fill(str(today.month))
    dated.get_by_label("Year").fill(str(today.year))
    choose(worker, "Is there an appropriate person to support them?", "Yes")
    worker.get_by_label("Their name").fill("Her friend, June")
    choose(worker, "What is the result?", "An appropriate person supports them: no advocate needed")
    worker.get_by_label("How will that person support them?").fill(
        "June comes to every meeting and speaks up for her."
    )
    click(worker, "button", "Save the assessment")
    click(worker, "button", "Close the case")
    assert worker.locator("#duties").count() == 0

    # The close form, in its plain words, then check your answers.
    choose(worker, "Why is the case closing?", "The enquiry is complete")
    choose(
        worker,
        "What did the enquiry find, and was action taken?",
        "A risk was found and action was taken",
    )
    choose(worker, "What happened to the risk?", "Risk reduced")
    choose(
        worker,
        "Was the person asked what outcomes they wanted?",
        "Yes, and they said what they wanted",
    )
    choose(
        worker,
        "Did the person lack capacity to make decisions about the enquiry?",
        "No, they did not lack capacity",
    )
    worker.get_by_label("How can the person come back to us if they want help later?").fill(
        OPEN_DOOR
    )
    click(worker, "button", "Continue")
    assert "Check your answers" in worker.get_by_role("heading", level=1).inner_text()
    click(worker, "button", "Close the case")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert "Case closed" in main_text(worker)

    # 4. The Easy Read closure letter to Edith.
    click(worker, "link", "Letters about this case")
    click(worker, "button", "Write a letter")
    offered = main_text(worker)
    assert "was anonymous: there is no one to write to" in offered
    choose(worker, "Which letter do you want to write?", "Closure letter to the person (Easy Read)")
    click(worker, "button", "Continue")
    words = worker.get_by_label("The words of the letter")
    drafted = words.input_value()
    assert OPEN_DOOR in drafted and "Dear Edith" in drafted
    assert "Rosa" not in drafted and "Lind" not in drafted and "nurse" not in drafted.lower()
    # The letter refuses the confidential referrer's name.
    words.fill(drafted.replace("Thank you for talking with us.", f"{NURSE} told us about you."))
    click(worker, "button", "Save and preview")
    assert "Remove the name of the person who raised the concern" in main_text(worker)
    words = worker.get_by_label("The words of the letter")
    words.fill(drafted.replace("Thank you for talking with us.", "Thank you for seeing us, Edith."))
    click(worker, "button", "Save and preview")
    assert "Thank you for seeing us, Edith." in worker.locator("#letter-text").inner_text()
    choose(worker, "How will the letter be sent?", "Post")
    click(worker, "button", "Send the letter")
    assert "Closure letter to the person (Easy Read) sent" in main_text(worker)

    # The nurse asked to stay confidential: the practitioner is told who writes
    # to her, and sees nothing that names her.
    click(worker, "button", "Write a letter")
    offered = main_text(worker)
    assert "asked us to keep who they are confidential" in offered
    assert "Rosa" not in offered and "Lind" not in offered
    done_with(worker)

    # The manager writes the feedback letter to the nurse, by email: it carries
    # the feedback shared.
    manager.goto(reverse("letters:list", args=[case.pk]))
    loaded(manager)
    click(manager, "button", "Write a letter")
    manager.get_by_role("group", name="Which letter do you want to write?").get_by_label(
        f"Feedback to {NURSE}", exact=False
    ).check()
    click(manager, "button", "Continue")
    words = manager.get_by_label("The words of the letter")
    assert FEEDBACK in words.input_value()
    click(manager, "button", "Save and preview")
    choose(manager, "How will the letter be sent?", "Email")
    assert manager.get_by_label("Address or email address").input_value() == NURSE_EMAIL
    click(manager, "button", "Send the letter")
    assert main_text(manager).count("Sent") >= 2

    closure = Letter.objects.get(case=case, kind=LetterKind.CLOSURE)
    feedback = Letter.objects.get(case=case, kind=LetterKind.FEEDBACK)
    assert closure.easy_read and closure.status == LetterStatus.SENT
    assert feedback.status == LetterStatus.SENT and feedback.send_to == NURSE_EMAIL
    assert NURSE not in closure.text and "Lind" not in closure.text
    sent = {m["reference"]: m for m in messages()}
    posted = sent[closure.reference]
    assert posted["kind"] == "letter" and posted["pdf_bytes"] == bytes(closure.pdf)
    assert pdf_title(posted["pdf_bytes"]) == "Closure letter to the person (Easy Read)"
    emailed = sent[feedback.reference]
    assert emailed["kind"] == "email" and emailed["to"] == NURSE_EMAIL
    assert FEEDBACK in emailed["body"]

    # 5. The nurse, in a fresh browser, reads the feedback and escalates.
    nurse = fresh_page(browser, live_server)
    nurse.goto(reverse("frontdoor:status"))
    checked(nurse)
    nurse.get_by_label("Reference").fill(reference)
    nurse.get_by_label("Secret").fill(secret)
    go_on(nurse)
    assert nurse.locator("#status").inner_text() == "Closed"
    status = main_text(nurse)
    assert FEEDBACK in status and "Edith" not in status
    nurse.get_by_role("button", name="I do not think this was dealt with").click()
    nurse.wait_for_load_state()
    checked(nurse)
    nurse.get_by_label("Why do you think your report was not dealt with?").fill(WHY)
    nurse.get_by_role("button", name="Send to the safeguarding lead").click()
    nurse.wait_for_load_state()
    checked(nurse)
    status = main_text(nurse)
    assert "We have sent your escalation to the safeguarding lead" in status
    assert "Your escalations" in status and WHY in status
    assert "waiting for the safeguarding lead" in status
    escalation = ReportEscalation.objects.get()
    assert escalation.report.reference == reference and escalation.reason == WHY
    done_with(nurse)
