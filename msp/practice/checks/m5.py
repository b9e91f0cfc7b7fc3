"""M5: "MSP is impossible when the person lacks mental capacity."

M5.a and M5.b apply as soon as a capacity assessment or best-interests
decision is recorded (and M5.a also when a closure says the person lacked
capacity); M5.c once an enquiry is under way and capacity is found lacking.
"""

import re

from msp.practice.checks.base import blank, check, day, fail, listed
from msp.practice.checks.m2 import marked
from msp.practice.config import Config
from msp.practice.findings import DUTY, Finding, Fix
from msp.practice.snapshot import FUNCTIONAL, CapacityFacts, CaseSnapshot

REALITY = (
    "Making Safeguarding Personal is for everyone. Use advocates, ask the people who "
    "know the person what they would have wanted, and follow the Mental Capacity Act: "
    "assess capacity for each decision, and make best-interests decisions that weigh "
    "the person's wishes."
)

PART_NAMES = {
    "understand": "understanding",
    "retain": "retaining",
    "use_or_weigh": "using or weighing",
    "communicate": "communicating",
}

# A decision that is not one decision: "all decisions", "lacks capacity" ...
GLOBAL_DECISION = re.compile(
    r"\b(all|any|every)\s+(\w+\s+)?decisions?\b|\bglobal(ly)?\b|\bin general\b"
    r"|\bgenerally\b|\beverything\b|^\s*(lacks?|has no)\s+capacity\b",
    re.IGNORECASE,
)


def assessment_gaps(a: CapacityFacts) -> list[str]:
    gaps = []
    if blank(a.decision) or GLOBAL_DECISION.search(a.decision):
        gaps.append("the specific decision")
    missing_parts = [PART_NAMES[p] for p in FUNCTIONAL if blank(getattr(a, f"{p}_evidence"))]
    if missing_parts:
        gaps.append(f"the reasons about {listed(missing_parts)}")
    if blank(a.impairment_evidence):
        gaps.append("the evidence of an impairment of the mind or brain")
    return gaps


@check(
    "M5.a",
    severity=DUTY,
    stage="enquiry",
    question=(
        "For which decision does the person lack capacity, and what shows it for each "
        "part of the test?"
    ),
    reality=REALITY,
    principles=("Empowerment", "Accountability"),
    fix=Fix("enquiries:capacity-new", "#decision"),
)
def decision_specific(s: CaseSnapshot, config: Config) -> Finding | None:
    """Every assessment that finds a lack of capacity names one decision (not
    "all decisions") and gives reasons for all four parts of the functional
    test and for the impairment. A closure saying the person lacked capacity
    needs an assessment that found it."""
    problems = []
    for a in s.capacity_assessments:
        if a.finds_lack:
            gaps = assessment_gaps(a)
            if gaps:
                problems.append(
                    f"The capacity assessment of {day(a.assessed_on)} lacks {listed(gaps)}."
                )
    closure = s.closure
    if (
        closure is not None
        and closure.lacked_capacity == "yes"
        and not any(a.finds_lack for a in s.capacity_assessments)
    ):
        problems.append(
            "The closure says the person lacked capacity, but no capacity assessment "
            "found that for a specific decision."
        )
    if not problems:
        return None
    return fail("M5.a", " ".join(problems))


@check(
    "M5.b",
    severity=DUTY,
    stage="enquiry",
    question=(
        "What did the person want, in the past and now, and who was asked what they "
        "would have wanted?"
    ),
    reality=REALITY,
    principles=("Empowerment", "Partnership", "Proportionality"),
    fix=Fix("enquiries:best-interests-new", "#past_wishes"),
)
def best_interests(s: CaseSnapshot, config: Config) -> Finding | None:
    """Where an assessment found a lack of capacity, a best-interests decision
    is recorded; every best-interests decision records the person's past and
    present wishes and at least one named person consulted."""
    lack = any(a.finds_lack for a in s.capacity_assessments)
    if lack and not s.best_interests:
        return fail(
            "M5.b",
            "The person was found to lack capacity, but no best-interests decision is recorded.",
        )
    problems = []
    for b in s.best_interests:
        gaps = []
        if blank(b.past_wishes) or blank(b.present_wishes):
            gaps.append("the person's past and present wishes")
        if not b.consulted:
            gaps.append("who was consulted")
        if gaps:
            problems.append(
                f"The best-interests decision of {day(b.decided_on)} lacks {listed(gaps)}."
            )
    if not problems:
        return None
    return fail("M5.b", " ".join(problems))


@check(
    "M5.c",
    severity=DUTY,
    stage="enquiry",
    question=(
        "The person lacks capacity for a decision: what do they want to happen, said by "
        "them or through a representative?"
    ),
    reality=REALITY,
    principles=("Empowerment",),
    fix=Fix("enquiries:add-outcome", "#whose_words"),
)
def outcomes_through_representative(s: CaseSnapshot, config: Config) -> Finding | None:
    """DUTY-level in this product. When capacity is lacking, a reason for not
    asking is not enough: desired outcomes are recorded, in the person's own
    words where they can give them (lacking capacity for one decision does not
    silence them) or in a named representative's, marked as theirs. Outcomes
    recorded but not marked are M2.a's finding, not repeated here."""
    if not s.enquiry_under_way or not s.capacity_lacking:
        return None
    if any(marked(o) for o in s.outcomes):
        return None
    return fail(
        "M5.c",
        "No desired outcomes are recorded. Ask the person, or record them through a "
        "representative and mark them as theirs.",
    )
