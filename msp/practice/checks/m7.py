"""M7: "It's too complex: refer it to safeguarding and they will sort it."

M7.a applies once an enquiry is under way; M7.b from the concern onwards.
"""

from msp.practice.checks.base import check, fail, no_reason
from msp.practice.checks.triggers import ENQUIRY_UNDER_WAY, PERSON_DIED
from msp.practice.config import Config
from msp.practice.findings import PROMPT, Finding, Fix
from msp.practice.snapshot import YES, CaseSnapshot

REALITY = (
    "Safeguarding is everyone's business. Specialists advise and support, but passing "
    "a concern on is not handing it over: whoever the person turns to should keep "
    "helping. There is no wrong door."
)


# What the referrer did beyond raising the concern (ReferrerPart codes, less
# "referred_only" and "received_feedback": being told what happened is owed to
# them, not a part they play).
ACTIVE_PARTS = frozenset({"gave_information", "meetings", "plan_actions", "ongoing_support"})


@check(
    "M7.a",
    severity=PROMPT,
    stage="enquiry",
    question="What part does the person who raised the concern play in the enquiry or plan?",
    reality=REALITY,
    principles=("Partnership",),
    fix=Fix("enquiries:involvement", "#referrer_part"),
    applies_when=(ENQUIRY_UNDER_WAY,),
)
def referrer_keeps_a_role(s: CaseSnapshot, config: Config) -> Finding | None:
    """Once the enquiry is under way, where someone other than the person
    raised a concern and is known (not anonymous): the record says they did
    more than raise it (the choices, not the free-text detail, which cannot
    say "no part" in a way the guard can read), or a plan action is theirs."""
    if not s.enquiry_under_way or not any(c.has_known_referrer for c in s.concerns):
        return None
    parts = set(s.involvement.referrer_part)
    if parts & ACTIVE_PARTS:
        return None
    if any(a.owner_kind == "referrer" for a in s.plan_actions):
        return None
    if parts:
        return fail(
            "M7.a",
            "The record says the person who raised the concern had no part beyond raising "
            "it, and no plan action is theirs: they could give information, join a "
            "meeting or own an action.",
        )
    return fail(
        "M7.a",
        "The part played by the person who raised the concern is not recorded, and no "
        "plan action is theirs.",
    )


@check(
    "M7.b",
    severity=PROMPT,
    stage="concern",
    question="Does the person know that a concern was raised about them, and why?",
    reality=REALITY,
    principles=("Empowerment", "Partnership"),
    fix=Fix("enquiries:involvement", "#person_told"),
    unless=(PERSON_DIED,),
)
def person_told(s: CaseSnapshot, config: Config) -> Finding | None:
    """The person was told, or the record gives the reason telling them would
    increase the risk. The involvement record, written later, decides when it
    answers: "not yet" is not told, even if the concern said the person knew.
    Only when it is blank does the concern answer (the person knew when it was
    raised). A person who raised the concern themselves knows. Not asked after
    the person has died."""
    if any(c.raised_via == "self" for c in s.concerns):
        return None
    told = s.involvement.person_told
    if told == "yes":
        return None
    if told == "no_risk":
        if not no_reason(s.involvement.not_told_reason, config):
            return None
        return fail(
            "M7.b", "The record says telling the person would increase the risk, but not why."
        )
    if told == "not_yet":
        return fail(
            "M7.b",
            "The record says the person has not yet been told that a concern was raised.",
        )
    if any(c.person_aware == YES for c in s.concerns):
        return None
    return fail("M7.b", "The record does not show that the person was told about the concern.")
