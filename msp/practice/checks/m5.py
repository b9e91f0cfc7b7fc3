"""M5: "MSP is impossible when the person lacks mental capacity."

M5.a and M5.b apply as soon as a capacity assessment, best-interests decision
or restriction is recorded (and M5.a also when a closure says the person
lacked capacity), or when free text states that the person lacks capacity
(M5.a) or that something was restricted for them (M5.b) without the record
that would show it lawful; M5.c once an enquiry is under way and capacity is
found lacking.
"""

import re

from msp.practice.checks.base import blank, check, day, fail, listed, no_reason
from msp.practice.checks.m2 import marked
from msp.practice.checks.text import (
    capacity_in_question,
    capacity_statements,
    restriction_statements,
    said_in,
)
from msp.practice.config import Config
from msp.practice.findings import DUTY, Finding, Fix
from msp.practice.snapshot import (
    FUNCTIONAL,
    BestInterestsFacts,
    CapacityFacts,
    CaseSnapshot,
    RestrictionFacts,
)

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


# Restriction bases (RestrictionBasis codes) that are legal powers in their own right.
LEGAL_POWERS = frozenset({"court_order", "mental_health_act", "other_legal_power"})
RESTRICTION_FIX = Fix("enquiries:restriction-new", "#basis")
QUOTED_AT_MOST = 2


def _restriction_name(r: RestrictionFacts) -> str:
    return f"The restriction of {day(r.decided_on)}"


def restriction_capacity_gap(r: RestrictionFacts, s: CaseSnapshot) -> str:
    """A restriction made in the person's best interests rests on an assessment,
    for this decision and made by then, that found they lack capacity."""
    if r.basis != "best_interests":
        return ""
    a = next((a for a in s.capacity_assessments if a.id == r.capacity_assessment_id), None)
    if a is None:
        return (
            f"{_restriction_name(r)} was made in the person's best interests, but no "
            "capacity assessment is linked to it."
        )
    if not a.finds_lack or a.assessed_on > r.decided_on or assessment_gaps(a):
        return (
            f"{_restriction_name(r)} was made in the person's best interests, but the "
            f"capacity assessment of {day(a.assessed_on)} does not find, before the "
            "decision and for a specific decision, that they lack capacity."
        )
    return ""


def restriction_basis_gap(r: RestrictionFacts, s: CaseSnapshot) -> str:
    """A restriction rests on the person's consent, a legal power that is named,
    or a best-interests decision that is linked to it."""
    if r.basis == "consent":
        return ""
    if r.basis in LEGAL_POWERS:
        if blank(r.basis_details):
            return f"{_restriction_name(r)} does not name the legal power or court order."
        return ""
    if r.basis == "best_interests":
        if any(b.id == r.best_interests_decision_id for b in s.best_interests):
            return ""
        return (
            f"{_restriction_name(r)} was made in the person's best interests, but no "
            "best-interests decision is linked to it."
        )
    return (
        f"{_restriction_name(r)} ({r.what.strip() or 'no description'}) has no basis: "
        "the person's agreement, a best-interests decision or a legal power."
    )


def _quotes(items: list[str]) -> str:
    return " ".join(items[:QUOTED_AT_MOST])


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
    found_lack = any(a.finds_lack for a in s.capacity_assessments)
    closure = s.closure
    if closure is not None and closure.lacked_capacity == "yes" and not found_lack:
        problems.append(
            "The closure says the person lacked capacity, but no capacity assessment "
            "found that for a specific decision."
        )
    problems.extend(g for r in s.restrictions if (g := restriction_capacity_gap(r, s)))
    if not found_lack:
        problems.extend(
            f"{said_in(st)}, but no capacity assessment found that the person lacks "
            "capacity for a specific decision."
            for st in capacity_statements(s)[:QUOTED_AT_MOST]
        )
    if not problems:
        return None
    return fail("M5.a", " ".join(problems))


def _name(text: str) -> str:
    return " ".join(text.lower().split())


def consulted_others(b: BestInterestsFacts) -> bool:
    """Someone other than the decision maker was consulted: a decision maker
    who only consulted themselves consulted no one."""
    decider = _name(b.decision_maker)
    return any(_name(c.name) and _name(c.name) != decider for c in b.consulted)


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
    present wishes and at least one named person consulted. Every restriction
    or decision made for the person rests on their agreement, a linked
    best-interests decision or a named legal power; and a restriction written
    about in free text is recorded as one."""
    lack = any(a.finds_lack for a in s.capacity_assessments)
    if lack and not s.best_interests:
        return fail(
            "M5.b",
            "The person was found to lack capacity, but no best-interests decision is recorded.",
        )
    restriction_problems = [g for r in s.restrictions if (g := restriction_basis_gap(r, s))]
    recorded_kinds = {r.kind for r in s.restrictions}
    # A restriction written about in free text is a best-interests matter only
    # where the person may lack capacity; for a person who has it, someone
    # else controlling their life is the abuse itself (M1.a, M6.c ask about it).
    unrecorded = [
        st
        for st in (restriction_statements(s) if capacity_in_question(s) else [])
        if st.kind not in recorded_kinds and "other" not in recorded_kinds
    ]
    restriction_problems.extend(
        f"{said_in(st)}, but no restriction of that kind is recorded with its basis."
        for st in unrecorded[:QUOTED_AT_MOST]
    )
    problems = []
    for b in s.best_interests:
        gaps = []
        if no_reason(b.past_wishes, config) or no_reason(b.present_wishes, config):
            gaps.append("the person's past and present wishes")
        if not consulted_others(b):
            gaps.append("who was consulted, other than the person who decided")
        if gaps:
            problems.append(
                f"The best-interests decision of {day(b.decided_on)} lacks {listed(gaps)}."
            )
    if not problems and not restriction_problems:
        return None
    fix = RESTRICTION_FIX if restriction_problems and not problems else None
    return fail("M5.b", " ".join(problems + restriction_problems), fix)


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
    recorded but not marked are M2.a's finding, not repeated here. Capacity
    stated to be lacking in worker text or the concern counts too."""
    if not s.enquiry_under_way or not capacity_in_question(s):
        return None
    if any(marked(o) for o in s.outcomes):
        return None
    return fail(
        "M5.c",
        "No desired outcomes are recorded. Ask the person, or record them through a "
        "representative and mark them as theirs.",
    )
