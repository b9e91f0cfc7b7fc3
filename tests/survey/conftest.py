"""Fixtures for the outcome survey tests: closed cases at a chosen distance in
the past, built through the real action functions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from msp.demo.clock import demo_clock
from msp.enquiries import actions as enquiry_actions
from msp.survey import actions as survey_actions
from tests import factories

LONDON = ZoneInfo("Europe/London")


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=LONDON)


def close(case, by, *, ratings=("fully",), **closure):
    """Rate the outcomes of a case at closing, in order, then close it."""
    for outcome, rating in zip(case.desired_outcomes.order_by("id"), ratings, strict=True):
        enquiry_actions.rate_outcome(
            outcome, by=by, expected_version=outcome.version, achievement=rating
        )
    case = factories.fresh(case)
    return enquiry_actions.close_case(
        case, by=by, expected_version=case.version, **{**factories.CLOSURE, **closure}
    )


@pytest.fixture
def closed_case(practitioner):
    """closed_case(days=10, ratings=("fully",), by=practitioner, **closure) -> a case
    its lead worker closed ``days`` ago, its outcomes rated as given."""

    def make(days=10, *, ratings=("fully",), by=None, **closure):
        worker = by or practitioner
        if not ratings:
            closure.setdefault("msp_asked", "asked_not_expressed")
        with demo_clock(noon(days_ago(days))):
            case = factories.case(worker, state="closing", outcomes=len(ratings))
            close(case, worker, ratings=ratings, **closure)
        return factories.fresh(case)

    return make


ANSWERS_3_TO_7 = {
    3: ("yes", "My advocate came to every meeting."),
    4: ("always", ""),
    5: ("sometimes", "They did not ring back once."),
    6: ("a_little_safer", ""),
    7: ("always", ""),
}


def post_answers(asked_on: datetime.date, answers=None, **extra) -> dict[str, str]:
    """The answers page's form data."""
    data = {
        "asked_on-day": str(asked_on.day),
        "asked_on-month": str(asked_on.month),
        "asked_on-year": str(asked_on.year),
        **extra,
    }
    for number, (option, comment) in (answers or ANSWERS_3_TO_7).items():
        data[f"q{number}"] = option
        data[f"q{number}_comment"] = comment
    return data


def record(case, by, *, method="independent_after_closure", respondent="adult", **kwargs):
    """Record a response through the action, with sensible answers."""
    answers = kwargs.pop("answers", None)
    if answers is None:
        answers = dict(ANSWERS_3_TO_7)
        if method == "independent_after_closure":
            answers |= {1: ("asked_expressed", ""), 2: ("partially", "")}
    return survey_actions.record_response(
        case,
        by=by,
        respondent=respondent,
        method=method,
        asked_on=kwargs.pop("asked_on", timezone.localdate()),
        answers=answers,
        **kwargs,
    )
