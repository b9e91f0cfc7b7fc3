"""Short helpers for the records that recur, so the scenario records read as data."""

from msp.demo.records import CLOSING, DIFFICULTIES, START, YES, Advocacy, Contact, Feedback

Gap = tuple[int, int] | None


def no_advocate_needed(
    reason: str, *, stage: str = START, after: Gap = None, second: bool = False
) -> Advocacy:
    """The section 68 test: no substantial difficulty in being involved."""
    return Advocacy(result="not_required", reason=reason, stage=stage, after=after, second=second)


def supported_by(
    name: str,
    reason: str,
    difficulties: tuple[str, ...] = DIFFICULTIES,
    *,
    stage: str = START,
    after: Gap = None,
) -> Advocacy:
    """Substantial difficulty, and an appropriate person (not involved in the
    concern) to support them, so no independent advocate is needed."""
    return Advocacy(
        result="appropriate_individual",
        difficulties=difficulties,
        appropriate_individual=YES,
        appropriate_individual_name=name,
        reason=reason,
        stage=stage,
        after=after,
    )


def seen_alone(
    method: str,
    conclusion: str,
    *,
    indicators: tuple[str, ...] = (),
    notes: str = "",
    present: str = "No one else",
    stage: str = START,
    after: Gap = None,
    second: bool = False,
) -> Contact:
    """A conversation with the person on their own, and what it showed about
    coercion and control."""
    return Contact(
        method=method,
        who_was_present=present,
        seen_alone="yes",
        coercion_indicators=indicators,
        coercion_conclusion=conclusion,
        notes=notes,
        stage=stage,
        after=after,
        second=second,
    )


def unanswered(
    method: str,
    notes: str,
    *,
    outcome: str = "no_answer",
    stage: str = START,
    after: Gap = None,
) -> Contact:
    """An attempt that reached no one."""
    return Contact(
        method=method,
        outcome=outcome,
        who_was_present="",
        seen_alone="not_applicable",
        notes=notes,
        stage=stage,
        after=after,
    )


def feedback(
    what_was_said: str,
    *,
    limited: bool = False,
    stage: str = CLOSING,
    after: Gap = None,
    second: bool = False,
) -> Feedback:
    """Feedback to the person who raised the concern, by default as the case closes."""
    return Feedback(
        what_was_said=what_was_said,
        limited_by_consent=limited,
        stage=stage,
        after=after,
        second=second,
    )
