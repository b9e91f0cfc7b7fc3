"""Letters from the record: choose, edit, preview, send; kept with the case
as documents, audited; contact safety obeyed; a confidential referrer never
named to the person; a failed send retried and visible; the guard reads them."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.delivery.outbox import messages
from msp.letters import actions, document
from msp.letters.models import Letter, LetterKind, LetterStatus
from msp.people.codes import ContactSafety
from msp.practice.guard import findings_for
from msp.submissions.web import new_token
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import h1_of, summary_of, text_of

CONFIDENTIAL = {
    "referrer_name": "Dana Whitlock",
    "referrer_job_title": "District nurse",
    "referrer_contact": "dana.whitlock@example.nhs.uk",
    "referrer_confidential": True,
}


@pytest.fixture(autouse=True)
def outbox(settings, tmp_path):
    settings.DELIVERY_BACKEND = "outbox"
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    settings.COUNCIL_PHONE = "0300 123 4567"
    return tmp_path / "outbox"


def _choose(client, case, value):
    return client.post(
        reverse("letters:choose", args=[case.pk]),
        {"letter": value, "submission_token": new_token()},
    )


def _letter(case) -> Letter:
    return Letter.objects.filter(case=case).latest("id")


def test_a_worker_drafts_edits_previews_and_sends_the_easy_read_closure_letter(
    client_for, practitioner, closed_case
):
    client = client_for(practitioner)
    page = client.get(reverse("letters:choose", args=[closed_case.pk]))
    assert "Closure letter to the person (Easy Read)" in text_of(page)
    response = _choose(client, closed_case, "closure:easy")
    letter = _letter(closed_case)
    assert response["Location"] == reverse("letters:edit", args=[closed_case.pk, letter.pk])
    assert letter.easy_read and letter.kind == LetterKind.CLOSURE
    # Drafted from the record: the person's own words, one idea per line, whom to call.
    assert "You told us: I want to feel safe in my own home" in letter.text
    assert "You can come back to us at any time." in letter.text.splitlines()
    assert "Phone us on 0300 123 4567." in letter.text
    assert "investigat" not in letter.text.lower()

    edited = letter.text.replace("Thank you for talking with us.", "Thank you for your time.")
    response = client.post(
        reverse("letters:edit", args=[closed_case.pk, letter.pk]),
        {"version": letter.version, "text": edited},
    )
    assert response["Location"] == reverse("letters:preview", args=[closed_case.pk, letter.pk])
    preview = client.get(response["Location"])
    assert h1_of(preview) == "Preview and send the letter"
    assert "Thank you for your time." in text_of(preview)
    assert "12 Mill Lane, Northmoor" in preview.content.decode()  # the address to post to

    response = client.post(
        reverse("letters:preview", args=[closed_case.pk, letter.pk]),
        {"version": letter.version + 1, "send_by": "post", "send_to": "12 Mill Lane\nNM1 2AB"},
    )
    assert response["Location"] == reverse("letters:list", args=[closed_case.pk])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and letter.sent_by == practitioner
    assert bytes(letter.pdf).startswith(b"%PDF-")
    (posted,) = messages()
    assert posted["kind"] == "letter" and posted["pdf_bytes"] == bytes(letter.pdf)
    listed = text_of(client.get(reverse("letters:list", args=[closed_case.pk])))
    assert "Closure letter to the person (Easy Read)" in listed and "Sent" in listed
    actions_logged = AuditEvent.objects.filter(
        object_type="letters.letter", object_id=str(letter.pk)
    ).values_list("action", flat=True)
    assert {"create", "view", "update", "send"} <= set(actions_logged)
    # A sent letter cannot be changed.
    again = client.post(
        reverse("letters:edit", args=[closed_case.pk, letter.pk]),
        {"version": letter.version, "text": "Something else"},
    )
    assert again.status_code == 302
    letter.refresh_from_db()
    assert "Thank you for your time." in letter.text


def test_the_easy_read_letter_is_in_large_type_with_space_for_pictures(practitioner, closed_case):
    letter = actions.draft_letter(
        closed_case, by=practitioner, kind=LetterKind.CLOSURE, easy_read=True
    )
    source = document.html(letter)
    lines = [line for line in letter.text.splitlines() if line.strip()]
    assert source.count('class="picture"') == len(lines)  # a space beside every idea
    laid_out = document.render(source)
    sizes = set()
    for page in laid_out.pages:
        for part in page._page_box.children:
            if getattr(part, "at_keyword", None):  # the page number in the margin
                continue
            for box in part.descendants():
                if getattr(box, "text", "").strip():
                    sizes.add(box.style["font_size"])
    assert sizes and min(sizes) >= 16 * 4 / 3  # 16pt, in CSS pixels


def test_the_standard_letter_to_the_person_says_enquiry_and_whom_to_call(practitioner, case_in):
    case = case_in("enquiry")
    letter = actions.draft_letter(
        case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
    )
    assert "We are making an enquiry." in letter.text
    assert "You can phone us on 0300 123 4567" in letter.text
    assert "call 999" in letter.text
    assert bytes(document.pdf(document.html(letter))).startswith(b"%PDF-")


def test_no_letter_to_the_person_when_it_is_not_safe_to_write(
    client_for, practitioner, manager, case_in
):
    case = case_in("enquiry", **CONFIDENTIAL)
    person = case.person
    person.safe_to_write = ContactSafety.NOT_SAFE
    person.save()
    client = client_for(practitioner)
    page = client.get(reverse("letters:choose", args=[case.pk]))
    text = text_of(page)
    assert f"It is not safe to write to {person.full_name}" in text
    assert "Letter to the person" not in text  # nothing to send to them is offered
    # The referrer can still hear back, from someone allowed to know who they are.
    assert "Dana Whitlock" not in text
    assert "asked us to keep who they are confidential" in text
    offered = text_of(client_for(manager).get(reverse("letters:choose", args=[case.pk])))
    assert "Feedback to Dana Whitlock" in offered
    refused = _choose(client, case, "about_enquiry:plain")
    assert "Select a letter from the list" in summary_of(refused)
    assert not Letter.objects.filter(case=case).exists()
    listed = text_of(client.get(reverse("letters:list", args=[case.pk])))
    assert f"It is not safe to write to {person.full_name}" in listed


def test_a_draft_is_not_sent_once_writing_becomes_unsafe(client_for, practitioner, case_in):
    case = case_in("enquiry")
    letter = actions.draft_letter(
        case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
    )
    case.person.safe_to_write = ContactSafety.NOT_SAFE
    case.person.save()
    client = client_for(practitioner)
    preview = client.get(reverse("letters:preview", args=[case.pk, letter.pk]))
    assert "It is not safe to write to" in text_of(preview)
    assert "Send the letter" not in text_of(preview)
    refused = client.post(
        reverse("letters:preview", args=[case.pk, letter.pk]),
        {"version": letter.version, "send_by": "post", "send_to": "12 Mill Lane"},
    )
    assert refused.status_code == 409
    assert messages() == []


def test_a_letter_to_the_person_never_names_a_confidential_referrer(
    client_for, practitioner, case_in
):
    case = case_in("enquiry", **CONFIDENTIAL)
    client = client_for(practitioner)
    _choose(client, case, "about_enquiry:plain")
    letter = _letter(case)
    assert "Whitlock" not in letter.text and "nurse" not in letter.text.lower()
    typed = letter.text + "\n\nMrs Whitlock, your nurse, told us."
    response = client.post(
        reverse("letters:edit", args=[case.pk, letter.pk]),
        {"version": letter.version, "text": typed},
    )
    assert "Remove the name of the person who raised the concern" in summary_of(response)
    assert "Mrs Whitlock, your nurse, told us." in response.content.decode()  # nothing lost
    letter.refresh_from_db()
    assert "Whitlock" not in letter.text


def test_the_referrer_hears_back_by_email(client_for, practitioner, manager, case_in):
    case = case_in("enquiry", **CONFIDENTIAL)
    rf.feedback(case, practitioner, what_was_said="We met her and agreed a plan with her.")
    client = client_for(manager)  # a confidential referrer is written to by a manager
    concern = case.concerns.get()
    _choose(client, case, f"feedback:{concern.pk}")
    letter = _letter(case)
    assert letter.text.startswith("Dear Dana Whitlock")
    assert "We met her and agreed a plan with her." in letter.text
    preview = client.get(reverse("letters:preview", args=[case.pk, letter.pk]))
    assert "dana.whitlock@example.nhs.uk" in preview.content.decode()
    client.post(
        reverse("letters:preview", args=[case.pk, letter.pk]),
        {"version": letter.version, "send_by": "email", "send_to": "dana.whitlock@example.nhs.uk"},
    )
    (sent,) = messages()
    assert sent["kind"] == "email" and sent["to"] == "dana.whitlock@example.nhs.uk"
    assert "We met her and agreed a plan with her." in sent["body"]
    assert sent["pdf_bytes"].startswith(b"%PDF-")


def test_an_anonymous_referrer_gets_no_letter_and_the_page_says_why(
    client_for, practitioner, case_in
):
    case = case_in("enquiry", referrer_anonymous=True)
    text = text_of(client_for(practitioner).get(reverse("letters:choose", args=[case.pk])))
    assert "was anonymous: there is no one to write to" in text
    assert "Feedback to" not in text


def test_a_failed_send_is_kept_visible_and_tried_again(
    client_for, practitioner, case_in, settings, tmp_path
):
    case = case_in("enquiry")
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    settings.DELIVERY_OUTBOX_DIR = str(blocked / "outbox")
    letter = actions.draft_letter(
        case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
    )
    client = client_for(practitioner)
    response = client.post(
        reverse("letters:preview", args=[case.pk, letter.pk]),
        {"version": letter.version, "send_by": "post", "send_to": "12 Mill Lane"},
        follow=True,
    )
    text = text_of(response)
    assert "was not sent: The outbox folder could not be written" in text
    assert "Not sent yet" in text and "Tried 1 time." in text and "It will be tried again." in text
    letter.refresh_from_db()
    assert letter.status == LetterStatus.RETRYING and letter.attempts == 1
    assert AuditEvent.objects.filter(object_id=str(letter.pk), action="send_failed").exists()

    out = io.StringIO()
    call_command("retry_letters", stdout=out)  # still blocked
    assert out.getvalue().strip() == "0 sent, 1 still not sent"
    letter.refresh_from_db()
    assert letter.attempts == 2 and letter.status == LetterStatus.RETRYING

    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    call_command("retry_letters", stdout=out)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and letter.attempts == 3
    assert len(messages()) == 1


def test_after_the_last_try_the_letter_waits_for_a_worker(
    client_for, practitioner, case_in, settings, tmp_path
):
    settings.DELIVERY_MAX_ATTEMPTS = 1
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    settings.DELIVERY_OUTBOX_DIR = str(blocked / "outbox")
    case = case_in("enquiry")
    letter = actions.draft_letter(
        case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
    )
    letter = actions.send(
        letter, by=practitioner, send_by="post", send_to="12 Mill Lane", expected_version=None
    )
    assert letter.status == LetterStatus.FAILED
    client = client_for(practitioner)
    listed = text_of(client.get(reverse("letters:list", args=[case.pk])))
    assert "Not sent" in listed and "It will not be tried again by itself." in listed
    settings.DELIVERY_OUTBOX_DIR = str(tmp_path / "outbox")
    client.post(reverse("letters:retry", args=[case.pk, letter.pk]))
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT


def test_a_letter_lost_by_a_stopped_process_is_sent_by_the_retry_command(
    practitioner, case_in, monkeypatch
):
    """The PDF was made and kept, then the process stopped before the send was
    tried: the letter says "It will be tried again", and now it is."""
    case = case_in("enquiry")
    made = []
    for _ in range(2):
        letter = actions.draft_letter(
            case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
        )
        # The process stops where the send would be tried.
        monkeypatch.setattr(actions, "_try", lambda letter, by: letter)
        made.append(
            actions.send(
                letter,
                by=practitioner,
                send_by="post",
                send_to="1 Mill Lane",
                expected_version=None,
            )
        )
        monkeypatch.undo()
    lost, sending = made
    Letter.objects.filter(pk=lost.pk).update(
        ready_at=timezone.now() - actions.LOST_AFTER - datetime.timedelta(minutes=1)
    )
    out = io.StringIO()
    call_command("retry_letters", stdout=out)
    assert out.getvalue().strip() == "1 sent, 0 still not sent"
    lost.refresh_from_db()
    sending.refresh_from_db()
    assert lost.status == LetterStatus.SENT and lost.attempts == 1
    # Made a moment ago: the process sending it may be trying right now.
    assert sending.status == LetterStatus.RETRYING and sending.attempts == 0
    assert len(messages()) == 1


def test_the_guard_reads_the_words_of_letters(practitioner, case_in):
    case = case_in("enquiry")
    letter = actions.draft_letter(
        case, by=practitioner, kind=LetterKind.ABOUT_ENQUIRY, easy_read=False
    )
    assert "M8.b" not in {f.check_id for f in findings_for(case)}
    actions.edit_letter(
        letter,
        by=practitioner,
        text=letter.text + "\n\nOur investigation will start next week.",
        expected_version=letter.version,
    )
    (finding,) = [f for f in findings_for(factories.fresh(case)) if f.check_id == "M8.b"]
    assert "1 draft letter" in finding.missing


def test_people_outside_the_team_cannot_see_or_send_letters(
    client_for, practitioner, outsider, closed_case
):
    letter = actions.draft_letter(
        closed_case, by=practitioner, kind=LetterKind.CLOSURE, easy_read=False
    )
    client = client_for(outsider)
    for name in ("letters:preview", "letters:pdf", "letters:edit"):
        assert client.get(reverse(name, args=[closed_case.pk, letter.pk])).status_code == 404
    assert client.get(reverse("letters:list", args=[closed_case.pk])).status_code == 404
    assert _choose(client, closed_case, "closure:plain").status_code == 404


def test_the_case_page_links_to_its_letters(client_for, practitioner, closed_case):
    page = client_for(practitioner).get(reverse("cases:detail", args=[closed_case.pk]))
    assert reverse("letters:list", args=[closed_case.pk]) in page.content.decode()


def test_letters_are_in_the_subject_access_export_marked_for_review(practitioner, lead, case_in):
    from msp.privacy import sar

    case = case_in("enquiry", **CONFIDENTIAL)
    actions.draft_letter(
        case,
        by=practitioner,
        kind=LetterKind.FEEDBACK,
        easy_read=False,
        concern=case.concerns.get(),
    )
    data = sar.build(case.person_id, by=lead).as_json()
    (letter,) = data["cases"][0]["letters"]
    assert letter["addressee"]["value"] == "Dana Whitlock"
    assert letter["addressee"]["review_before_release"]
    assert "pdf" not in letter


def test_a_letter_to_a_confidential_referrer_is_hidden_from_a_practitioner(
    client_for, practitioner, manager, case_in
):
    """A manager writes to the nurse who asked to stay confidential; the
    practitioner on the case sees that a letter went, but not to whom, and
    cannot open it."""
    case = case_in("enquiry", **CONFIDENTIAL)
    concern = case.concerns.get()
    letter = actions.draft_letter(
        case, by=manager, kind=LetterKind.FEEDBACK, easy_read=False, concern=concern
    )
    assert "Dana Whitlock" in letter.addressee
    # A failed send whose error names the address stays visible, without it.
    Letter.objects.filter(pk=letter.pk).update(
        status=LetterStatus.FAILED, attempts=1, last_error="Refused: dana.whitlock@example.nhs.uk"
    )
    worker = client_for(practitioner)
    listed = text_of(worker.get(reverse("letters:list", args=[case.pk])))
    assert letter.title in listed and "Dana Whitlock" not in listed
    assert "The person who raised the concern (confidential" in listed
    assert "Tried 1 time" in listed and "dana.whitlock" not in listed
    for name in ("letters:preview", "letters:edit", "letters:pdf"):
        response = worker.get(reverse(name, args=[case.pk, letter.pk]))
        assert response.status_code == 403
        assert b"Dana" not in response.content
    seen = text_of(client_for(manager).get(reverse("letters:list", args=[case.pk])))
    assert "Dana Whitlock" in seen
