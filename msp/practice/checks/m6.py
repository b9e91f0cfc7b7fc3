"""M6: "MSP can't work when a person refuses help and there is no way in."

M6.a applies at closure; M6.b once an enquiry is under way or the case is
closing; M6.c and M6.d whenever their trigger is on the record.
"""

from msp.practice.checks.base import blank, check, fail, plural
from msp.practice.checks.text import (
    says_lifestyle_choice,
    someone_else_present,
    where,
    worker_texts,
)
from msp.practice.checks.triggers import (
    ENDED_WITHOUT_AGREED_OUTCOME,
    NO_CONTACT_REACHED_AT_CLOSURE,
    SELF_NEGLECT,
)
from msp.practice.config import Config
from msp.practice.findings import PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "There is usually a way in. Look for coercion, try to speak to the person on their "
    "own, be curious about their history (especially with self-neglect and hoarding), "
    "build trust or work through someone they trust, and keep trying, respectfully."
)


@check(
    "M6.a",
    severity=PROMPT,
    stage="closure",
    question="Before closing because the person has not engaged, how many ways have you tried?",
    reality=REALITY,
    principles=("Protection", "Empowerment"),
    fix=Fix("enquiries:contact-new", "#method"),
    applies_when=(ENDED_WITHOUT_AGREED_OUTCOME, NO_CONTACT_REACHED_AT_CLOSURE),
)
def persistence(s: CaseSnapshot, config: Config) -> Finding | None:
    """When the person's involvement ended without an agreed outcome, or at
    closure no contact reached them: at least ``config.min_contact_attempts`` contact
    attempts using at least ``config.min_contact_methods`` methods."""
    attempts = len(s.contacts)
    methods = len({c.method for c in s.contacts})
    if attempts >= config.min_contact_attempts and methods >= config.min_contact_methods:
        return None
    tried = (
        "No contact attempts are recorded"
        if not attempts
        else f"{plural(attempts, 'contact attempt')} using {plural(methods, 'method')} recorded"
    )
    return fail(
        "M6.a",
        f"{tried}: at least {config.min_contact_attempts} attempts and "
        f"{config.min_contact_methods} different methods are expected before closing.",
    )


@check(
    "M6.b",
    severity=PROMPT,
    stage="enquiry",
    question="What is the person's story, and who do they trust?",
    reality=REALITY,
    principles=("Prevention", "Partnership"),
    fix=Fix("enquiries:self-neglect", "#background_and_history"),
    applies_when=(SELF_NEGLECT,),
)
def self_neglect_history(s: CaseSnapshot, config: Config) -> Finding | None:
    """Self-neglect (an abuse type on a concern) or hoarding (clutter ratings
    recorded): once the enquiry is under way or the case is closing, the
    self-neglect record holds the person's background and history and a
    trusted person (who may be "no one yet", in words)."""
    if "self_neglect" not in s.all_abuse_types and not s.clutter_ratings:
        return None
    if not (s.enquiry_under_way or s.at_closure):
        return None
    gaps = []
    if s.self_neglect is None or blank(s.self_neglect.background_and_history):
        gaps.append("the person's background and history")
    if s.self_neglect is None or blank(s.self_neglect.trusted_person):
        gaps.append("anyone they trust")
    if not gaps:
        return None
    return fail("M6.b", f"The record does not show {' or '.join(gaps)}.")


@check(
    "M6.c",
    severity=PROMPT,
    stage="enquiry",
    question="Someone else was there when you met the person: did you try to speak to them alone?",
    reality=REALITY,
    principles=("Protection", "Empowerment"),
    fix=Fix("enquiries:contact-new", "#seen_alone"),
)
def spoken_to_alone(s: CaseSnapshot, config: Config) -> Finding | None:
    """Where a contact record names someone else present (or the worker spoke
    only with someone else), at least one contact shows the person was seen
    alone or that it was tried."""
    third_party = [
        c
        for c in s.contacts
        if someone_else_present(c.who_was_present) or c.outcome == "third_party"
    ]
    if not third_party or any(c.seen_alone in ("yes", "tried") for c in s.contacts):
        return None
    return fail(
        "M6.c",
        f"Someone else was present at {plural(len(third_party), 'contact')}, and no "
        "attempt to speak to the person alone is recorded.",
    )


@check(
    "M6.d",
    severity=PROMPT,
    stage="enquiry",
    question=(
        "The record calls this a lifestyle choice or an unwise decision: can the person "
        "carry out what they decide?"
    ),
    reality=REALITY,
    principles=("Protection", "Accountability"),
    fix=Fix("enquiries:capacity-new", "#executive_function"),
)
def lifestyle_choice(s: CaseSnapshot, config: Config) -> Finding | None:
    """Where worker-written text says "lifestyle choice" or "unwise
    decision", a capacity assessment records executive function (whether the
    person can carry out what they decide)."""
    sources = [t.source for t in worker_texts(s) if says_lifestyle_choice(t.text)]
    if not sources:
        return None
    if any(not blank(a.executive_function) for a in s.capacity_assessments):
        return None
    return fail(
        "M6.d",
        f"The words 'lifestyle choice' or 'unwise decision' appear in {where(sources)}, but "
        "no capacity assessment says whether the person can carry out what they decide.",
    )
