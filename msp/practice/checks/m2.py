"""M2: "MSP is just a chat over a cup of tea."

M2.a and M2.d apply once an enquiry is under way; M2.b once the enquiry has
run (closing or closed); M2.c at closure of a case that had an enquiry.
"""

from msp.practice.checks.base import blank, check, fail, no_reason, plural
from msp.practice.checks.text import gives_lack_of_capacity, quoted, reads_as_service_language
from msp.practice.checks.triggers import CLOSING_AFTER_ENQUIRY, ENQUIRY_UNDER_WAY
from msp.practice.config import Config
from msp.practice.findings import DUTY, PROMPT, Finding, Fix
from msp.practice.snapshot import STATE_CLOSED, STATE_CLOSING, CaseSnapshot, OutcomeFacts

REALITY = (
    "Making Safeguarding Personal changes how we work, not just what we ask. It starts "
    "from what the person wants to happen, goes at their pace, and lets the board see "
    "whether safeguarding brought the changes people wanted."
)

OUTCOMES = Fix("cases:detail", "#outcomes")


def marked(outcome: OutcomeFacts) -> bool:
    """In the person's own words, or a named representative's."""
    if blank(outcome.text):
        return False
    if outcome.whose_words == "person":
        return True
    return outcome.whose_words == "representative" and not blank(outcome.representative_name)


@check(
    "M2.a",
    severity=DUTY,
    stage="enquiry",
    question="What does the person want to happen, in their own words?",
    reality=REALITY,
    principles=("Empowerment", "Accountability"),
    fix=Fix("enquiries:add-outcome", "#text"),
    applies_when=(ENQUIRY_UNDER_WAY,),
)
def outcomes_in_own_words(s: CaseSnapshot, config: Config) -> Finding | None:
    """DUTY-level in this product. Once the enquiry is under way, the desired
    outcomes are recorded in the person's words or a named representative's
    (and words marked as the person's do not read as a service's summary:
    ``text.reads_as_service_language``);
    if none are recorded, the reason they were not asked is, and that reason
    is not that the person lacks capacity (M5: MSP is for everyone)."""
    if not s.enquiry_under_way:
        return None
    unmarked = [o for o in s.outcomes if not marked(o)]
    if unmarked:
        return fail(
            "M2.a",
            f"{plural(len(unmarked), 'desired outcome')} not marked as the person's own "
            "words or a named representative's.",
        )
    services = [
        o for o in s.outcomes if o.whose_words == "person" and reads_as_service_language(o.text)
    ]
    if services:
        return fail(
            "M2.a",
            f"{plural(len(services), 'desired outcome')} marked as the person's own words "
            f"{'reads' if len(services) == 1 else 'read'} as a service's summary, not "
            f"something they said: {quoted(services[0].text)}. Record what they want in "
            "their words (\u201cI want \u2026\u201d), or whose words these are.",
        )
    if s.outcomes:
        return None
    why_not = s.involvement.outcomes_not_asked_reason
    if gives_lack_of_capacity(why_not):
        return fail(
            "M2.a",
            "No desired outcomes are recorded, and the reason given is that the person "
            "lacks capacity: that is not a reason not to ask. Ask them, and ask the people "
            "who know them what they would want.",
        )
    if not no_reason(why_not, config):
        return None
    return fail(
        "M2.a",
        "No desired outcomes are recorded, and no reason is given for not asking.",
    )


@check(
    "M2.b",
    severity=PROMPT,
    stage="enquiry",
    question="Have you gone back to the person to ask whether what they want has changed?",
    reality=REALITY,
    principles=("Empowerment", "Partnership"),
    fix=OUTCOMES,
)
def outcomes_revisited(s: CaseSnapshot, config: Config) -> Finding | None:
    """Once the enquiry has run (closing or closed), at least one desired
    outcome has a second version: it was revisited with the person."""
    if not s.had_enquiry or s.case.state not in (STATE_CLOSING, STATE_CLOSED):
        return None
    if not s.outcomes or any(o.revision_count > 1 for o in s.outcomes):
        return None
    return fail("M2.b", "No desired outcome was revisited during the enquiry.")


@check(
    "M2.c",
    severity=DUTY,
    stage="closure",
    question="How far was each of the person's desired outcomes achieved, in their view?",
    reality=REALITY,
    principles=("Accountability", "Empowerment"),
    fix=OUTCOMES,
    applies_when=(CLOSING_AFTER_ENQUIRY,),
)
def outcomes_rated(s: CaseSnapshot, config: Config) -> Finding | None:
    """DUTY-level in this product. At closure, every desired outcome is rated
    fully, partially or not achieved. (The person's view is recorded where
    they gave one; its absence is not a failure.)"""
    if not s.had_enquiry or not s.at_closure:
        return None
    unrated = [o for o in s.outcomes if o.achievement not in ("fully", "partially", "not")]
    if not unrated:
        return None
    return fail(
        "M2.c",
        f"{len(unrated)} of {plural(len(s.outcomes), 'desired outcome')} not yet rated "
        "as achieved fully, partially or not at all.",
    )


@check(
    "M2.d",
    severity=PROMPT,
    stage="enquiry",
    question="How was the person involved in the safeguarding plan, and what pace did they choose?",
    reality=REALITY,
    principles=("Empowerment", "Proportionality"),
    fix=Fix("enquiries:plan", "#person_involvement"),
)
def plan_at_persons_pace(s: CaseSnapshot, config: Config) -> Finding | None:
    """Applies once a plan exists (a plan record or plan actions): it records
    how the person was involved and the pace they chose."""
    if s.plan is None and not s.plan_actions:
        return None
    gaps = []
    if s.plan is None or blank(s.plan.person_involvement):
        gaps.append("how the person was involved")
    if s.plan is None or blank(s.plan.pace):
        gaps.append("the pace they chose")
    if not gaps:
        return None
    anchor = "#pace" if gaps == ["the pace they chose"] else "#person_involvement"
    return fail(
        "M2.d",
        f"The safeguarding plan does not record {' or '.join(gaps)}.",
        Fix("enquiries:plan", anchor),
    )
