"""M4: "There is no time to do MSP."

M4.a applies once an enquiry is under way. (M4.b is a measure reported by the
assurance app, not a check.)
"""

from msp.practice.checks.base import blank, check, fail, no_reason
from msp.practice.checks.triggers import ENQUIRY_UNDER_WAY
from msp.practice.config import Config
from msp.practice.findings import DUTY, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "Time spent at the start pays back later: choices are better, plans work and people "
    "get the outcomes they want. An advocate can help the person take part."
)


@check(
    "M4.a",
    severity=DUTY,
    stage="enquiry",
    question=(
        "Would the person have substantial difficulty being involved, and is there "
        "someone suitable to support them? If not, has an independent advocate been arranged?"
    ),
    reality=REALITY,
    principles=("Empowerment", "Protection"),
    fix=Fix("enquiries:advocacy-new", "#difficulty_understanding"),
    applies_when=(ENQUIRY_UNDER_WAY,),
)
def advocacy(s: CaseSnapshot, config: Config) -> Finding | None:
    """Care Act s67/s68. Once the enquiry is under way an advocacy assessment
    is recorded. Where the latest one finds substantial difficulty and no
    appropriate, uninvolved individual, it records a named advocate; a person
    who declined an advocate passes only with the reason recorded."""
    if not s.enquiry_under_way:
        return None
    if not s.advocacy:
        return fail(
            "M4.a", "No advocacy assessment (the section 68 test and its result) is recorded."
        )
    latest = max(s.advocacy, key=lambda a: (a.assessed_on, a.id))
    if not latest.advocate_duty_applies:
        return None
    if latest.result == "advocate_arranged" and not blank(latest.advocate_name):
        return None
    if latest.result == "declined" and not no_reason(latest.reason, config):
        return None
    return fail(
        "M4.a",
        "The advocacy assessment shows the person needs an independent advocate, but no "
        "advocate is named.",
    )
