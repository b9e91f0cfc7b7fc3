"""Which letters a case can have now, and why not: pure rules over the record.

A letter to the person is not offered when it is not safe to write to them
(contact safety), or when they have died. A letter to a referrer needs a
referrer who is not anonymous and left a way to reach them.
"""

import re
from dataclasses import dataclass

from msp.cases.models import Case, CaseState
from msp.concerns.models import Concern
from msp.letters.models import Letter, LetterKind
from msp.people.codes import ContactSafety
from msp.people.models import Person

NOT_SAFE_TO_WRITE = (
    "It is not safe to write to {name}: their record says so. No letter to them can be "
    "sent from here. Talk to them in another way that is safe, or change their contact "
    "safety if it has changed."
)
DIED = "{name} has died. Letters to them are not offered."
NOT_CLOSED = "The closure letter can be written once the case is closed."
ANONYMOUS = "The concern raised on {date} was anonymous: there is no one to write to."
NO_CONTACT = "The concern raised on {date} has no contact details for who raised it."
CONFIDENTIAL = (
    "The person who raised the concern on {date} asked us to keep who they are confidential: "
    "a team manager or safeguarding lead writes to them."
)
NAMES_CONFIDENTIAL_REFERRER = (
    "Remove the name of the person who raised the concern: they asked for it to be kept from {name}"
)


@dataclass(frozen=True)
class Choice:
    value: str  # "closure:easy", "feedback:12"
    label: str
    kind: str
    easy_read: bool = False
    concern_id: int | None = None


@dataclass(frozen=True)
class Choices:
    available: list[Choice]
    not_available: list[str]  # why, in plain words
    caution: str = ""  # safe to write is not yet known


def why_not_write_to(person: Person) -> str:
    """Why no letter may go to the person, or ""."""
    name = person.full_name
    if person.date_of_death is not None:
        return DIED.format(name=name)
    if person.safe_to_write == ContactSafety.NOT_SAFE:
        return NOT_SAFE_TO_WRITE.format(name=name)
    return ""


def why_not_write_to_referrer(concern: Concern, *, sees_confidential: bool = True) -> str:
    """Why no letter may go to whoever raised the concern, or "". A
    confidential referrer is written to only by someone allowed to know who
    they are (``sees_confidential``): the letter names them."""
    day = f"{concern.raised_on:%-d %B %Y}"
    if concern.referrer_anonymous:
        return ANONYMOUS.format(date=day)
    if not concern.referrer_contact.strip():
        return NO_CONTACT.format(date=day)
    if concern.referrer_confidential and not sees_confidential:
        return CONFIDENTIAL.format(date=day)
    return ""


def names_hidden_referrer(letter: Letter, *, sees_confidential: bool) -> bool:
    """Whether the letter is to a confidential referrer whom this viewer may
    not know: its addressee, address and words are then not shown to them."""
    if sees_confidential or letter.to_the_person or letter.concern is None:
        return False
    return bool(letter.concern.referrer_confidential)


def choices(case: Case, concerns: list[Concern], *, sees_confidential: bool) -> Choices:
    available: list[Choice] = []
    missing: list[str] = []
    person = case.person
    caution = ""
    refusal = why_not_write_to(person)
    if refusal:
        missing.append(refusal)
    else:
        if person.safe_to_write == ContactSafety.UNKNOWN:
            caution = f"Check it is safe to write to {person.full_name} before you send a letter."
        for kind in (LetterKind.ABOUT_ENQUIRY, LetterKind.CLOSURE):
            if kind == LetterKind.CLOSURE and case.state != CaseState.CLOSED:
                missing.append(NOT_CLOSED)
                continue
            label = LetterKind(kind).label
            available.append(Choice(f"{kind}:plain", label, kind))
            available.append(Choice(f"{kind}:easy", f"{label} (Easy Read)", kind, easy_read=True))
    for concern in concerns:
        refusal = why_not_write_to_referrer(concern, sees_confidential=sees_confidential)
        if refusal:
            missing.append(refusal)
            continue
        who = concern.referrer_name or "the person who raised it"
        day = f"{concern.raised_on:%-d %B %Y}"
        for kind in (LetterKind.ACKNOWLEDGEMENT, LetterKind.FEEDBACK):
            verb = "Acknowledgement to" if kind == LetterKind.ACKNOWLEDGEMENT else "Feedback to"
            available.append(
                Choice(
                    f"{kind}:{concern.pk}",
                    f"{verb} {who} (concern raised {day})",
                    kind,
                    concern_id=concern.pk,
                )
            )
    return Choices(available=available, not_available=missing, caution=caution)


def names_confidential_referrer(text: str, concerns: list[Concern]) -> str:
    """The name of a confidential (or anonymous) referrer that the text of a
    letter to the person contains, or ""."""
    lowered = text.lower()
    for concern in concerns:
        if not (concern.referrer_confidential or concern.referrer_anonymous):
            continue
        name = concern.referrer_name.strip()
        if len(name) >= 2 and name.lower() in lowered:
            return name
        parts = [p for p in name.split() if len(p) >= 3]
        if len(parts) >= 2 and re.search(rf"\b{re.escape(parts[-1])}\b", text, re.IGNORECASE):
            return name
    return ""
