"""Changing letters: each function checks, changes and writes the audit event
in one transaction (msp/audit/log.py).

Sending is in two steps: the PDF is made and the send is tried outside any
transaction (a slow or failing service holds no lock), then the result and
its audit event are written together. A failed send is kept as ``retrying``
with the reason and the number of tries, shown on the case's letters page;
``retry_failed_letters`` (and the "Try again" button) try it again until
``MSP_DELIVERY_MAX_ATTEMPTS``, after which it waits for a worker.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import created, diff, record_change
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.concerns.models import Concern
from msp.delivery import DeliveryFailed, Receipt, send_email, send_letter
from msp.letters import document, drafting, rules
from msp.letters.models import Letter, LetterStatus, SendBy

ALREADY_SENT = "This letter has been sent. A sent letter cannot be changed."
# A letter made this long ago and never tried was lost by the process sending it.
LOST_AFTER = datetime.timedelta(minutes=10)
CHANGED_ELSEWHERE = (
    "Someone else changed this letter while you were working on it. Check it, then try again."
)
EMAIL_SUBJECTS = {
    "acknowledgement": "We have your concern",
    "about_enquiry": "About the concern and our enquiry",
    "closure": "We have finished our safeguarding work",
    "feedback": "What happened after your concern",
}


def _concerns(case: Case) -> list[Concern]:
    return list(Concern.objects.filter(case=case))


def _check_person(case: Case, kind: str) -> None:
    from msp.letters.models import TO_THE_PERSON

    if kind in TO_THE_PERSON:
        refusal = rules.why_not_write_to(case.person)
        if refusal:
            raise ActionError(refusal)


def _check_words(case: Case, letter: Letter, text: str) -> None:
    if letter.to_the_person:
        named = rules.names_confidential_referrer(text, _concerns(case))
        if named:
            raise ValidationError(
                {"text": rules.NAMES_CONFIDENTIAL_REFERRER.format(name=case.person.full_name)}
            )


def draft_letter(
    case: Case, *, by: User, kind: str, easy_read: bool, concern: Concern | None = None
) -> Letter:
    """A new draft written from the record."""
    _check_person(case, kind)
    if concern is not None:
        if concern.case_id != case.pk:
            raise ActionError("That concern is not part of this case.")
        refusal = rules.why_not_write_to_referrer(concern)
        if refusal:
            raise ActionError(refusal)
    words = drafting.draft(case, kind, easy=easy_read, concern=concern)
    with transaction.atomic():
        letter = Letter.objects.create(
            case=case,
            concern=concern,
            kind=kind,
            easy_read=easy_read,
            addressee=words.addressee,
            text=words.text,
            drafted_by=by,
        )
        record_change(
            by=by,
            action="create",
            obj=letter,
            changes=created({"kind": kind, "easy_read": easy_read, "concern": concern}),
            case_id=case.pk,
            person_id=case.person_id,
        )
    return letter


def edit_letter(letter: Letter, *, by: User, text: str, expected_version: int | None) -> Letter:
    with transaction.atomic():
        locked = Letter.objects.select_for_update().select_related("case__person").get(pk=letter.pk)
        if not locked.editable:
            raise ActionError(ALREADY_SENT)
        if expected_version is not None and expected_version != locked.version:
            raise ActionError(CHANGED_ELSEWHERE)
        _check_words(locked.case, locked, text)
        old = {"text": locked.text}
        locked.text = text
        locked.version += 1
        locked.save(update_fields=["text", "version"])
        record_change(
            by=by,
            action="update",
            obj=locked,
            changes=diff(old, {"text": text}),
            case_id=locked.case_id,
            person_id=locked.case.person_id,
        )
    return locked


def _deliver(letter: Letter, pdf: bytes) -> Receipt:
    if letter.send_by == SendBy.EMAIL:
        return send_email(
            to=letter.send_to.strip(),
            subject=EMAIL_SUBJECTS.get(letter.kind, "A letter from us"),
            body=letter.text,
            reference=letter.reference,
            pdf=pdf,
        )
    return send_letter(pdf=pdf, reference=letter.reference)


def _try(letter: Letter, *, by: User | None) -> Letter:
    """Try to send a letter whose PDF is made, and record what happened."""
    assert letter.pdf is not None
    try:
        receipt: Receipt | None = _deliver(letter, bytes(letter.pdf))
        error: DeliveryFailed | None = None
    except DeliveryFailed as failed:
        receipt, error = None, failed
    with transaction.atomic():
        locked = Letter.objects.select_for_update().select_related("case").get(pk=letter.pk)
        old = {"status": locked.status, "attempts": locked.attempts}
        locked.attempts += 1
        if receipt is not None:
            locked.status = LetterStatus.SENT
            locked.sent_at = timezone.now()
            locked.sent_by = locked.sent_by or by
            locked.delivery_id = receipt.id[:100]
            locked.last_error = ""
        else:
            assert error is not None
            give_up = not error.temporary or locked.attempts >= settings.DELIVERY_MAX_ATTEMPTS
            locked.status = LetterStatus.FAILED if give_up else LetterStatus.RETRYING
            locked.last_error = str(error)[:300]
        locked.version += 1
        locked.save()
        record_change(
            by=by,
            action="send" if receipt is not None else "send_failed",
            obj=locked,
            changes=diff(old, {"status": locked.status, "attempts": locked.attempts}),
            case_id=locked.case_id,
            person_id=locked.case.person_id,
        )
    return locked


def send(
    letter: Letter, *, by: User, send_by: str, send_to: str, expected_version: int | None
) -> Letter:
    """Lay out the letter as it stands, keep the PDF with the case, and send it."""
    with transaction.atomic():
        locked = Letter.objects.select_for_update().select_related("case__person").get(pk=letter.pk)
        if not locked.editable:
            raise ActionError(ALREADY_SENT)
        if expected_version is not None and expected_version != locked.version:
            raise ActionError(CHANGED_ELSEWHERE)
        _check_person(locked.case, locked.kind)
        _check_words(locked.case, locked, locked.text)
        if not send_to.strip():
            message = "Enter the email address" if send_by == SendBy.EMAIL else "Enter the address"
            raise ValidationError({"send_to": message})
        locked.send_by = send_by
        locked.send_to = send_to.strip()
        locked.sent_by = by
        locked.pdf = document.pdf(document.html(locked))
        locked.status = LetterStatus.RETRYING  # made, not yet taken by the service
        locked.ready_at = timezone.now()
        locked.version += 1
        locked.save()
        record_change(
            by=by,
            action="update",
            obj=locked,
            changes=diff({"status": LetterStatus.DRAFT}, {"status": "ready", "send_by": send_by}),
            case_id=locked.case_id,
            person_id=locked.case.person_id,
        )
    return _try(locked, by=by)


def retry(letter: Letter, *, by: User | None) -> Letter:
    """Try a letter that did not go again (a worker's button, or the command)."""
    if letter.status not in (LetterStatus.RETRYING, LetterStatus.FAILED) or letter.pdf is None:
        raise ActionError("Only a letter that was not sent can be tried again.")
    return _try(letter, by=by)


def retry_failed_letters() -> tuple[int, int]:
    """Try every letter waiting to be retried once; (sent, still not sent).
    A letter not yet tried at all is being sent by the worker right now,
    unless it was made more than ``LOST_AFTER`` ago: then the process sending
    it stopped before it could try (or record the try), and it is tried now.
    If that process had in fact sent it, it goes twice: better than never."""
    sent = failed = 0
    lost = Q(attempts=0) & (Q(ready_at__isnull=True) | Q(ready_at__lt=timezone.now() - LOST_AFTER))
    waiting = Letter.objects.filter(
        Q(attempts__gte=1) | lost, status=LetterStatus.RETRYING
    ).exclude(pdf=None)
    for letter in waiting:
        result = _try(letter, by=None)
        if result.status == LetterStatus.SENT:
            sent += 1
        else:
            failed += 1
    return sent, failed
