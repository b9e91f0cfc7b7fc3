"""M11: "People won't report, because safeguarding isn't safe."

M11.a applies at the closure of a case that had an enquiry, once the closure's
answers are known (proposed or recorded). The survey app that will record
the person's experience is being built; until it is, a survey response does
not count and the closure's answer is the only evidence.
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

ASKED = frozenset({"asked_expressed", "asked_not_expressed"})


@check(
    "M11.a",
    severity=PROMPT,
    stage="closure",
    question="Was the person asked about their experience and what they wanted?",
    reality=REALITY,
    principles=("Empowerment", "Accountability"),
    fix=Fix("enquiries:close", "#msp_asked"),
    applies_when=(CLOSING_AFTER_ENQUIRY,),
    unless=(PERSON_DIED,),
)
def experience_asked(s: CaseSnapshot, config: Config) -> Finding | None:
    """The closure says the person was asked (whether or not they expressed
    outcomes)."""
    closure = s.closure
    if closure is None or not s.had_enquiry or closure.msp_asked in ASKED:
        return None
    return fail("M11.a", "The closure does not record that the person was asked.")
