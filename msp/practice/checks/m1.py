"""M1: "If the person says they want nothing done, we can close the case."

These checks apply whenever the person's involvement ended without an agreed
outcome: the closure (proposed, or the case's own while it is closed) says
they declined, stopped engaging or could not be contacted (chosen from the
list, or said in words under "other"), or the enquiry ceased at their
request. Before a closure is proposed the guard cannot know how it ends, so
they stay silent. Those that ask about the person (options, open door,
reasons, capacity to decline) do not apply once the person has died.
"""

from msp.practice.checks.base import check, fail, no_reason
from msp.practice.checks.triggers import ENDED_WITHOUT_AGREED_OUTCOME, PERSON_DIED
from msp.practice.config import Config
from msp.practice.findings import DUTY, PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "Making Safeguarding Personal does not mean walking away when someone says no. "
    "Check that nobody is influencing, pressuring or controlling them; explain the "
    "options and what each would mean; keep the door open; and remember the duties "
    "that remain, including to other people who may be at risk."
)

SEEN_ALONE_ANSWERED = frozenset({"yes", "tried", "no"})


ENDED = (ENDED_WITHOUT_AGREED_OUTCOME,)
DIED = (PERSON_DIED,)


@check(
    "M1.a",
    severity=DUTY,
    stage="closure",
    question="Was the person seen or spoken to alone, and was coercion or control considered?",
    reality=REALITY,
    principles=("Protection", "Empowerment"),
    fix=Fix("enquiries:contact-new", "#seen_alone"),
    applies_when=ENDED,
)
def coercion_considered(s: CaseSnapshot, config: Config) -> Finding | None:
    """DUTY-level in this product. Passes when a contact record both answers
    whether the person was seen alone (yes, tried or no: a conversation took
    place) and says what was concluded about coercion, control or undue
    influence."""
    if any(
        c.seen_alone in SEEN_ALONE_ANSWERED and not no_reason(c.coercion_conclusion, config)
        for c in s.contacts
    ):
        return None
    if not s.contacts:
        missing = "No contact with the person is recorded."
    else:
        missing = (
            "No contact record says whether the person was seen or spoken to alone and "
            "what you concluded about coercion, control or undue influence."
        )
    return fail("M1.a", missing)


@check(
    "M1.b",
    severity=PROMPT,
    stage="closure",
    question="What options were explained to the person, and what would each mean for them?",
    reality=REALITY,
    principles=("Empowerment",),
    fix=Fix("enquiries:involvement", "#options_explained"),
    applies_when=ENDED,
    unless=DIED,
)
def options_explained(s: CaseSnapshot, config: Config) -> Finding | None:
    """The options explained are written down in words, not a yes or no."""
    if not no_reason(s.involvement.options_explained, config):
        return None
    return fail("M1.b", "The options explained to the person are not recorded.")


@check(
    "M1.c",
    severity=PROMPT,
    stage="closure",
    question=(
        "Is there reason to doubt the person's capacity to decline, and if so was "
        "their capacity for this decision assessed?"
    ),
    reality=REALITY,
    principles=("Empowerment", "Protection"),
    fix=Fix("enquiries:capacity-new", "#decision"),
    applies_when=ENDED,
    unless=DIED,
)
def capacity_for_declining(s: CaseSnapshot, config: Config) -> Finding | None:
    """Reason to doubt capacity: the closure says the person lacked capacity
    or it is not known, or an advocacy assessment found substantial difficulty
    in being involved. Then at least one decision-specific capacity assessment
    must be on the record (the guard cannot tell from free text which decision
    an assessment is about, so any assessment satisfies it)."""
    closure = s.closure
    assert closure is not None
    doubt = closure.lacked_capacity in ("yes", "dont_know") or any(
        a.substantial_difficulty for a in s.advocacy
    )
    if not doubt or s.capacity_assessments:
        return None
    return fail(
        "M1.c",
        "There is reason to doubt the person's capacity, but no capacity assessment is recorded.",
    )


@check(
    "M1.d",
    severity=PROMPT,
    stage="closure",
    question="Does the person know they can come back to us later, and how?",
    reality=REALITY,
    principles=("Prevention", "Empowerment"),
    fix=Fix("enquiries:close", "#open_door"),
    applies_when=ENDED,
    unless=DIED,
)
def open_door(s: CaseSnapshot, config: Config) -> Finding | None:
    """The closure records how the person can come back (it goes in the
    closure letter)."""
    closure = s.closure
    assert closure is not None
    if not no_reason(closure.open_door, config):
        return None
    return fail("M1.d", "The closure does not say how the person can come back to us.")


@check(
    "M1.e",
    severity=DUTY,
    stage="closure",
    question="Could the same source of risk harm anyone else, and what was done about it?",
    reality=REALITY,
    principles=("Protection", "Accountability"),
    fix=Fix("enquiries:risk", "#other_adults_at_risk"),
    applies_when=ENDED,
)
def risk_to_others(s: CaseSnapshot, config: Config) -> Finding | None:
    """A risk assessment exists; where it shows others at risk, or the source
    in a position of trust, at least one risk-to-others action is recorded."""
    if s.risk is None:
        return fail("M1.e", "No risk assessment records whether other people are at risk.")
    if (s.risk.others_at_risk or s.risk.source_in_position_of_trust) and not s.risk_actions:
        return fail(
            "M1.e",
            "The risk assessment shows other people may be at risk, but no action to "
            "protect them is recorded.",
            Fix("enquiries:risk-action-new", "#kind"),
        )
    return None


@check(
    "M1.f",
    severity=PROMPT,
    stage="closure",
    question=(
        "Why does the person not want support: distrust of services, fear of what might "
        "happen, not wanting things to change, or something else?"
    ),
    reality=REALITY,
    principles=("Empowerment", "Partnership"),
    fix=Fix("enquiries:involvement", "#reasons_for_declining"),
    applies_when=ENDED,
    unless=DIED,
)
def reasons_for_declining(s: CaseSnapshot, config: Config) -> Finding | None:
    """The person's reasons for declining are recorded."""
    if not no_reason(s.involvement.reasons_for_declining, config):
        return None
    return fail("M1.f", "The person's reasons for not wanting support are not recorded.")
