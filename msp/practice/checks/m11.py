"""M11: "People won't report, because safeguarding isn't safe."

M11.a applies at the closure of a case that had an enquiry, once the closure's
answers are known (proposed or recorded). It reads the person's experience of
safeguarding (the outcome survey's questions 4 to 7), not whether they were
asked what outcomes they wanted (the closure's ``msp_asked``, which M2 covers).
"""

from msp.practice.checks.base import check, fail
from msp.practice.checks.triggers import CLOSING_AFTER_ENQUIRY, PERSON_DIED
from msp.practice.config import Config
from msp.practice.findings import PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "Safeguarding should feel safe: a place where people are heard, and where solutions "
    "are built with them from their strengths."
)

AT_CLOSURE = "at_closure"
SURVEY_TO_FOLLOW = "survey_to_follow"


@check(
    "M11.a",
    severity=PROMPT,
    stage="closure",
    question="Was the person asked about their experience and what they wanted?",
    reality=REALITY,
    principles=("Empowerment", "Accountability"),
    fix=Fix("enquiries:close", "#experience_asked"),
    applies_when=(CLOSING_AFTER_ENQUIRY,),
    unless=(PERSON_DIED,),
)
def experience_asked(s: CaseSnapshot, config: Config) -> Finding | None:
    """The person's answers to the experience questions are recorded for this
    closure, or an independent survey is to follow, or (while the closure is
    only proposed) the worker says they asked at closure and will record the
    answers. Once closed, "asked at closure" needs the answers recorded."""
    closure = s.closure
    if closure is None or not s.had_enquiry or closure.experience_answered:
        return None
    if closure.experience_asked == SURVEY_TO_FOLLOW:
        return None
    if closure.experience_asked == AT_CLOSURE:
        if s.proposed_closure is not None:
            return None
        return fail(
            "M11.a",
            "The closure says the person was asked about their experience, but their "
            "answers to the survey are not recorded.",
            Fix("survey:new-response"),
        )
    return fail(
        "M11.a",
        "The closure does not record that the person was asked about their experience of "
        "safeguarding, and no survey is to follow.",
    )
