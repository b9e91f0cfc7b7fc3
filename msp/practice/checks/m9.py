"""M9: "Once the concern is with the council, it's over to them."

M9.a applies at closure. (M9.b is a product duty: escalations are tracked by
the enquiries app, not checked here.)
"""

from msp.practice.checks.base import check, fail, no_reason, plural
from msp.practice.checks.triggers import AT_CLOSURE
from msp.practice.config import Config
from msp.practice.findings import PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot

REALITY = (
    "The person who raised the concern, other agencies and the person all stay involved, "
    "as equals, and anyone can escalate when a concern is not dealt with."
)


@check(
    "M9.a",
    severity=PROMPT,
    stage="closure",
    question="What has the person who raised the concern been told, and when?",
    reality=REALITY,
    principles=("Partnership", "Accountability"),
    fix=Fix("enquiries:feedback-new", "#what_was_said"),
    applies_when=(AT_CLOSURE,),
)
def referrer_feedback(s: CaseSnapshot, config: Config) -> Finding | None:
    """At closure, every concern raised by a known person other than the
    adult (not anonymous, not self-raised) has feedback recorded that says
    what they were told ("n/a" says nothing); how much was shared is limited
    by consent, which the feedback record notes."""
    if not s.at_closure:
        return None
    answered = {f.concern_id for f in s.feedback if not no_reason(f.what_was_said, config)}
    recorded = {f.concern_id for f in s.feedback}
    waiting = [c for c in s.concerns if c.has_known_referrer and c.id not in answered]
    if not waiting:
        return None
    empty = [c for c in waiting if c.id in recorded]
    problems = []
    if len(waiting) > len(empty):
        problems.append(
            f"No feedback is recorded for {plural(len(waiting) - len(empty), 'concern')} "
            "raised by someone else."
        )
    if empty:
        problems.append(
            f"The feedback for {plural(len(empty), 'concern')} does not say what the "
            "person who raised it was told."
        )
    return fail("M9.a", " ".join(problems))
