"""Checks on a survey response. Pure functions: dates and answers in,
{field: message} out. The action function and the form both use them."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from msp.enquiries.codes import MspAsked
from msp.survey.codes import (
    ACHIEVED_QUESTION,
    ASKED_QUESTION,
    WINDOW_DAYS,
    Method,
    Respondent,
)
from msp.survey.models import SurveyQuestion

Errors = dict[str, str]
# {question number: (option code, comment)}
Answers = Mapping[int, tuple[str, str]]

NOT_INDEPENDENT = (
    "You worked on this case, so your interview is not independent. Choose the lead "
    "enquirer's survey at closure, or ask someone who did not work on the case"
)


def long_date(value: datetime.date) -> str:
    return f"{value:%-d %B %Y}"


def window_end(closed_on: datetime.date) -> datetime.date:
    """The last day on which the person may be asked: eight weeks after closure."""
    return closed_on + datetime.timedelta(days=WINDOW_DAYS)


def days_left(closed_on: datetime.date, today: datetime.date) -> int:
    """Days until the survey window closes: 0 on its last day, negative after it."""
    return (window_end(closed_on) - today).days


def questions_for(method: str, active: Sequence[SurveyQuestion]) -> list[SurveyQuestion]:
    """The questions the interviewer asks. At closure, questions 1 and 2 are
    already answered by the closure record, so they are not asked again."""
    if method == Method.LEAD_AT_CLOSURE:
        return [q for q in active if q.number not in (ASKED_QUESTION, ACHIEVED_QUESTION)]
    return list(active)


def choice_errors(values: Mapping[str, Any], *, independent: bool, taken: set[str]) -> Errors:
    """Who answered and how they were asked (the first step of the form)."""
    errors: Errors = {}
    if values.get("respondent") not in Respondent.values:
        errors["respondent"] = "Select who answered the survey"
    method = values.get("method")
    if method not in Method.values:
        errors["method"] = "Select how the survey was done"
    elif method == Method.INDEPENDENT and not independent:
        errors["method"] = NOT_INDEPENDENT
    elif method in taken:
        errors["method"] = (
            f"A survey {Method(method).label[0].lower()}{Method(method).label[1:]} has "
            "already been recorded for this closure"
        )
    return errors


def asked_on_error(
    asked_on: datetime.date | None, *, closed_on: datetime.date, today: datetime.date
) -> str:
    if asked_on is None:
        return "Enter the date they were asked"
    if asked_on < closed_on:
        return (
            f"The date they were asked must be the same as or after {long_date(closed_on)}, "
            "when the case closed"
        )
    if asked_on > today:
        return "The date they were asked must be today or in the past"
    if asked_on > window_end(closed_on):
        return f"The survey window closed on {long_date(window_end(closed_on))}"
    return ""


def response_errors(
    values: Mapping[str, Any],
    *,
    questions: Sequence[SurveyQuestion],
    answers: Answers,
    closed_on: datetime.date,
    today: datetime.date,
) -> Errors:
    """Everything wrong with the answers, all at once. ``values`` holds
    ``respondent``, ``representative_role`` and ``asked_on``."""
    errors: Errors = {}
    if (
        values.get("respondent") == Respondent.REPRESENTATIVE
        and not str(values.get("representative_role") or "").strip()
    ):
        errors["representative_role"] = (
            "Enter who the representative is, for example daughter or independent advocate"
        )
    date_error = asked_on_error(values.get("asked_on"), closed_on=closed_on, today=today)
    if date_error:
        errors["asked_on"] = date_error
    asked = answers.get(ASKED_QUESTION, ("", ""))[0]
    numbers = {q.number for q in questions}
    for question in questions:
        option = answers.get(question.number, ("", ""))[0]
        key = f"q{question.number}"
        codes = {code for code, _ in question.choices}
        if (
            question.number == ACHIEVED_QUESTION
            and ASKED_QUESTION in numbers
            and asked != MspAsked.EXPRESSED
        ):
            # Only asked when outcomes were expressed; say so if answered anyway.
            if option and asked:
                errors[key] = (
                    f"Answer question {ACHIEVED_QUESTION} only if they were asked and "
                    f"outcomes were expressed (question {ASKED_QUESTION})"
                )
            continue
        if option not in codes:
            errors[key] = f"Select an answer to question {question.number}"
    return errors
