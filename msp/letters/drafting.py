"""First drafts of letters, written from the record in plain English.

A draft is only a start: the worker reads it, changes it and then sends it.
Standard letters are paragraphs separated by a blank line. Easy Read letters
have one idea on each line, in short sentences; a blank line starts a new
group. Letters to the person never name whoever raised the concern.
"""

from dataclasses import dataclass

from django.conf import settings

from msp.cases.models import Case, CaseState
from msp.concerns.models import Concern
from msp.enquiries.codes import Achievement
from msp.enquiries.models import Closure, DesiredOutcome, ReferrerFeedback
from msp.letters.models import LetterKind

ACHIEVED: dict[str, str] = {
    Achievement.FULLY: "we think this happened",
    Achievement.PARTIALLY: "we think some of this happened",
    Achievement.NOT: "we think this did not happen",
}
ACHIEVED_EASY: dict[str, str] = {
    Achievement.FULLY: "We think this happened.",
    Achievement.PARTIALLY: "We think some of this happened.",
    Achievement.NOT: "We think this did not happen.",
}


@dataclass(frozen=True)
class Draft:
    addressee: str
    text: str


def _council_contact(easy: bool) -> list[str]:
    phone, email, hours = settings.COUNCIL_PHONE, settings.COUNCIL_EMAIL, settings.COUNCIL_HOURS
    if easy:
        lines = [f"Phone us on {phone}."]
        if hours:
            lines.append(f"We are there {hours}.")
        if email:
            lines.append(f"Or email {email}.")
        return lines
    said = f"You can phone us on {phone}"
    said += f" ({hours})" if hours else ""
    said += f" or email {email}." if email else "."
    return [said]


def _worker(case: Case) -> str:
    return case.lead_worker.display_name if case.lead_worker else ""


def _person_name(case: Case) -> str:
    person = case.person
    return person.preferred_name or person.given_name


def _emergency(easy: bool) -> str:
    if easy:
        return "If you are in danger now, call 999."
    return "If you are ever in danger, call 999."


def _sign_off(case: Case, easy: bool) -> list[str]:
    worker = _worker(case)
    if easy:
        return [f"From {worker}" if worker else "From", settings.COUNCIL_NAME]
    return (
        ["Yours sincerely", worker, settings.COUNCIL_NAME]
        if worker
        else [
            "Yours sincerely",
            settings.COUNCIL_NAME,
        ]
    )


def _paragraphs(*groups: list[str] | str) -> str:
    parts = []
    for group in groups:
        lines = [group] if isinstance(group, str) else [g for g in group if g]
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def about_enquiry(case: Case, *, easy: bool) -> Draft:
    name = _person_name(case)
    worker = _worker(case)
    under_way = case.enquiry_started_at is not None or case.state == CaseState.ENQUIRY
    if easy:
        text = _paragraphs(
            f"Dear {name}",
            ["Someone told us they were worried about you.", "We want you to be safe."],
            [
                "We are making an enquiry." if under_way else "We are looking at what happened.",
                "An enquiry means we find out what happened.",
                "We do it with you.",
                "We want to know what you want to happen.",
            ],
            [
                f"{worker} will help you." if worker else "A worker will help you.",
                "You can have someone with you when we meet.",
            ],
            ["You can tell us to stop.", "We will listen to you."],
            _council_contact(easy=True),
            _emergency(easy=True),
            _sign_off(case, easy=True),
        )
    else:
        text = _paragraphs(
            f"Dear {name}",
            "We have been told about a worry for your safety and wellbeing. We are writing "
            "to tell you what happens next.",
            (
                "We are making an enquiry. This means we will talk with you about what has "
                "happened and what you would like to happen, and we will work with you on "
                "what would help."
                if under_way
                else "We are looking at what we have been told, to decide with you whether "
                "an enquiry is needed and what would help."
            ),
            (f"{worker} is the worker who will help you. " if worker else "")
            + "You can have a friend, a relative or an advocate with you when we talk.",
            _council_contact(easy=False),
            _emergency(easy=False),
            _sign_off(case, easy=False),
        )
    return Draft(addressee=case.person.full_name, text=text)


def _outcomes(case: Case, easy: bool) -> list[str]:
    lines = []
    for outcome in DesiredOutcome.objects.filter(case=case).prefetch_related("revisions"):
        wanted = outcome.current.text.strip()
        if not wanted:
            continue
        if easy:
            lines += [f"You told us: {wanted}", ACHIEVED_EASY.get(outcome.achievement, "")]
        else:
            how = ACHIEVED.get(outcome.achievement, "")
            lines.append(
                f"You told us you wanted: {wanted}" + (f" At the end, {how}." if how else "")
            )
    return lines


def closure(case: Case, *, easy: bool) -> Draft:
    name = _person_name(case)
    last: Closure | None = case.closures.order_by("-closed_at", "-id").first()
    open_door = last.open_door.strip() if last else ""
    if easy:
        text = _paragraphs(
            f"Dear {name}",
            ["We have finished our work about your safety.", "Thank you for talking with us."],
            _outcomes(case, easy=True),
            ["You can come back to us at any time.", open_door, "You do not need a reason."],
            _council_contact(easy=True),
            _emergency(easy=True),
            _sign_off(case, easy=True),
        )
    else:
        text = _paragraphs(
            f"Dear {name}",
            "We are writing to tell you that we have finished our safeguarding work with "
            "you. Thank you for taking part.",
            _outcomes(case, easy=False),
            "If you are worried again, or want help later, you can come back to us at any "
            "time. " + open_door,
            _council_contact(easy=False),
            _emergency(easy=False),
            _sign_off(case, easy=False),
        )
    return Draft(addressee=case.person.full_name, text=text)


def _referrer_name(concern: Concern) -> str:
    return concern.referrer_name or "the person who raised the concern"


def acknowledgement(case: Case, concern: Concern) -> Draft:
    dear = f"Dear {concern.referrer_name}" if concern.referrer_name else "Dear Sir or Madam"
    text = _paragraphs(
        dear,
        f"Thank you for telling us about your concern on {concern.raised_on:%-d %B %Y}. "
        f"Our reference is {case.reference}.",
        "We are looking at what you told us. We will talk with the person about what they "
        "want to happen, and we will tell you what we can about what happens next. Some "
        "things we may not be able to share, to respect the person's privacy.",
        "If anything changes, or you are worried again, please tell us. "
        + _council_contact(easy=False)[0],
        _emergency(easy=False),
        _sign_off(case, easy=False),
    )
    return Draft(addressee=_referrer_name(concern), text=text)


def feedback(case: Case, concern: Concern) -> Draft:
    dear = f"Dear {concern.referrer_name}" if concern.referrer_name else "Dear Sir or Madam"
    shared: ReferrerFeedback | None = (
        ReferrerFeedback.objects.filter(case=case, concern=concern)
        .order_by("-given_on", "-id")
        .first()
    )
    said = shared.what_was_said.strip() if shared else ""
    text = _paragraphs(
        dear,
        f"You told us about a concern on {concern.raised_on:%-d %B %Y} (our reference "
        f"{case.reference}). Thank you: raising it helped.",
        said or "We have looked into what you told us.",
        "If you think your concern has not been dealt with, or you are worried again, "
        "please tell us. " + _council_contact(easy=False)[0],
        _sign_off(case, easy=False),
    )
    return Draft(addressee=_referrer_name(concern), text=text)


def draft(case: Case, kind: str, *, easy: bool, concern: Concern | None) -> Draft:
    if kind == LetterKind.ABOUT_ENQUIRY:
        return about_enquiry(case, easy=easy)
    if kind == LetterKind.CLOSURE:
        return closure(case, easy=easy)
    assert concern is not None
    if kind == LetterKind.ACKNOWLEDGEMENT:
        return acknowledgement(case, concern)
    return feedback(case, concern)
