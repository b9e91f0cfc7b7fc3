"""M8: "Safeguarding is about intervening and investigating when things go wrong."

M8.a applies once the latest decision is "no enquiry"; M8.b whenever worker
text is on the record; M8.c once an enquiry is under way; M8.d from the
concern onwards.
"""

import datetime

from msp.practice.checks.base import blank, check, fail, no_reason, plural
from msp.practice.checks.text import says_investigation, where, worker_texts
from msp.practice.checks.triggers import ENQUIRY_UNDER_WAY, NO_ENQUIRY_DECIDED
from msp.practice.config import Config
from msp.practice.findings import DUTY, PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "Safeguarding is as much about prevention and early help as about stepping in when "
    "things go wrong. Under the Care Act we make enquiries, with the person, and work out "
    "together what will help."
)


@check(
    "M8.a",
    severity=DUTY,
    stage="decision",
    question="There is no enquiry: what was done instead, or why was nothing needed?",
    reality=REALITY,
    principles=("Proportionality", "Prevention"),
    fix=Fix("concerns:decision", "#proportionate_response"),
    applies_when=(NO_ENQUIRY_DECIDED,),
)
def proportionate_response(s: CaseSnapshot, config: Config) -> Finding | None:
    """DUTY-level in this product. When the latest decision is no enquiry, it
    records the proportionate response and what was done (or why none was
    needed). The decision rules already insist on this; the guard checks
    the record all the same."""
    d = s.decision
    if d is None or d.result != "none":
        return None
    if blank(d.proportionate_response):
        return fail(
            "M8.a",
            "The decision of no enquiry does not record the proportionate response given.",
        )
    if no_reason(d.response_details, config):
        said = d.response_details.strip()
        given = f": '{said[:40]}' gives no reason" if said else ""
        return fail(
            "M8.a",
            "The decision of no enquiry does not say in words what was done, or why "
            f"nothing was needed{given}.",
        )
    return None


@check(
    "M8.b",
    severity=PROMPT,
    stage="enquiry",
    question="Could you say 'enquiry' rather than 'investigation'?",
    reality=REALITY,
    principles=("Proportionality", "Partnership"),
    fix=Fix("cases:section-contact", "#notes"),
)
def enquiry_not_investigation(s: CaseSnapshot, config: Config) -> Finding | None:
    """Worker-written text uses "investigate" or "investigation" for our own
    work, that is not within a few words of the police, a crime or a
    regulator. Suggests "enquiry"."""
    sources = [t.source for t in worker_texts(s) if says_investigation(t.text)]
    if not sources:
        return None
    return fail(
        "M8.b",
        f"'Investigation' is used in {where(sources)}. Unless it means a police or "
        "regulator's investigation, call our work an enquiry.",
    )


@check(
    "M8.c",
    severity=PROMPT,
    stage="enquiry",
    question="How has the person taken part in the enquiry?",
    reality=REALITY,
    principles=("Partnership", "Empowerment"),
    fix=Fix("enquiries:involvement", "#person_involvement"),
    applies_when=(ENQUIRY_UNDER_WAY,),
)
def person_involved(s: CaseSnapshot, config: Config) -> Finding | None:
    """Once the enquiry is under way, the involvement record says how the
    person took part."""
    if not s.enquiry_under_way or not blank(s.involvement.person_involvement):
        return None
    return fail("M8.c", "How the person took part in the enquiry is not recorded.")


def concerns_in_window(s: CaseSnapshot, window_days: int) -> int:
    """Concerns about the person, in this and their other cases, raised in the
    window that ends with this case's latest concern."""
    if not s.concerns:
        return 0
    end = max(c.raised_on for c in s.concerns)
    start = end - datetime.timedelta(days=window_days)
    dates = [c.raised_on for c in s.concerns] + list(s.other_concern_dates)
    return sum(1 for d in dates if start <= d <= end)


@check(
    "M8.d",
    severity=PROMPT,
    stage="concern",
    question=(
        "This is a repeat concern about the person: has the pattern been reviewed, with "
        "a multi-agency risk meeting?"
    ),
    reality=REALITY,
    principles=("Prevention", "Protection"),
    fix=Fix("enquiries:involvement", "#pattern_review"),
)
def pattern_reviewed(s: CaseSnapshot, config: Config) -> Finding | None:
    """When at least ``config.repeat_concern_count`` concerns about the person
    (across all their cases, however the earlier ones ended) fall within
    ``config.repeat_window_days``, the review of the pattern is recorded."""
    count = concerns_in_window(s, config.repeat_window_days)
    if count < config.repeat_concern_count or not no_reason(s.involvement.pattern_review, config):
        return None
    return fail(
        "M8.d",
        f"{plural(count, 'concern')} about the person in {config.repeat_window_days} days, "
        "and no review of the pattern is recorded.",
    )
