"""Valid JSON bodies for the record endpoints, made from the record factories'
values (dates as ISO strings, records as ids), with changes as keyword
arguments."""

import datetime
from typing import Any

from django.db import models

from msp.accounts.models import User
from msp.cases.models import Case
from tests import record_factories as rf


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, models.Model):
            body[f"{key}_id"] = value.pk
        elif isinstance(value, datetime.date):
            body[key] = value.isoformat()
        else:
            body[key] = value
    return body


def day(offset: int = 0) -> str:
    """Today, or ``offset`` days from today, as an ISO date."""
    return (rf.today() + datetime.timedelta(days=offset)).isoformat()


def capacity(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.capacity_values()), **changes}


def best_interests(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.best_interests_values()), **changes}


def advocacy(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.advocacy_values()), **changes}


def contact(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.contact_values()), **changes}


def risk_assessment(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.risk_assessment_values()), **changes}


def risk_action(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.risk_action_values()), **changes}


def override(cosigner: User, **changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.override_values(cosigner)), **changes}


def plan(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.plan_values()), **changes}


def plan_action(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.plan_action_values()), **changes}


def self_neglect(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.self_neglect_values()), **changes}


def clutter_rating(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.clutter_rating_values()), **changes}


def feedback(case: Case, **changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.feedback_values(case)), **changes}


def escalation(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.escalation_values()), **changes}


def resolution(version: int = 1, **changes: Any) -> dict[str, Any]:
    return {"version": version, "resolution": "Met the referrer.", "resolved_on": day(), **changes}


def death(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.death_values()), **changes}


def involvement(**changes: Any) -> dict[str, Any]:
    return {**jsonable(rf.involvement_values()), **changes}


def note(**changes: Any) -> dict[str, Any]:
    return {"text": "Phoned her GP to arrange a review.", **changes}
