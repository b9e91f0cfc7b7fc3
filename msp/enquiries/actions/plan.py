"""Action functions for the safeguarding plan and its actions, self-neglect
(with clutter ratings) and the person who raised the concern (feedback and
escalations). The conventions are those of record.py."""

import datetime
from typing import Any

from django.db import transaction

from msp.accounts.models import User
from msp.cases.history import When
from msp.cases.models import Case
from msp.cases.workflow import lock
from msp.enquiries.actions._record import (
    check,
    create,
    dates_for,
    given,
    open_case,
    pick,
    save_singleton,
    update,
)
from msp.enquiries.models import (
    ClutterRating,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.enquiries.record_rules import (
    Dates,
    clutter_rating_errors,
    escalation_resolution_errors,
    plan_action_errors,
    plan_errors,
    referrer_escalation_errors,
    referrer_feedback_errors,
    self_neglect_errors,
)

PLAN_FIELDS = ("person_involvement", "pace", "next_review_on")
PLAN_ACTION_FIELDS = ("description", "owner_kind", "owner_name", "due_on", "status", "outcome")
SELF_NEGLECT_FIELDS = ("background_and_history", "trusted_person")
CLUTTER_FIELDS = ("room", "rating", "rated_on")
FEEDBACK_FIELDS = ("concern", "given_on", "what_was_said", "limited_by_consent")
ESCALATION_FIELDS = ("raised_on", "details")


def _plan_rules(
    data: dict[str, Any], dates: Dates, case: Case, record: SafeguardingPlan | None
) -> dict[str, str]:
    # A review date already on the plan may stay, even once it has passed
    previous = record.next_review_on if record else None
    return plan_errors(data, dates, previous_review_on=previous)


@transaction.atomic
def save_plan(
    case: Case, *, by: User, expected_version: int | None, at: When = None, **values: Any
) -> SafeguardingPlan:
    return save_singleton(
        SafeguardingPlan,
        case,
        by=by,
        expected_version=expected_version,
        values=values,
        fields=PLAN_FIELDS,
        rules=_plan_rules,
        action="plan.saved",
        at=at,
    )


@transaction.atomic
def add_plan_action(case: Case, *, by: User, at: When = None, **values: Any) -> PlanAction:
    case = open_case(case.pk)
    data = pick(PlanAction, values, PLAN_ACTION_FIELDS)
    check(plan_action_errors(data, dates_for(case, at), case_id=case.pk))
    return create(PlanAction, case, by=by, action="plan_action.added", data=data, at=at)


@transaction.atomic
def update_plan_action(
    action: PlanAction, *, by: User, expected_version: int, at: When = None, **values: Any
) -> PlanAction:
    """Change an action: only the fields given change. Its due date may stay as
    it was even if that is now past."""
    case = open_case(action.case_id)
    locked: PlanAction = lock(PlanAction, action.pk, expected_version)
    old = {k: getattr(locked, k) for k in PLAN_ACTION_FIELDS}
    data = {**old, **given(PlanAction, values, PLAN_ACTION_FIELDS)}
    check(
        plan_action_errors(
            data, dates_for(case, at), case_id=case.pk, previous_due_on=locked.due_on
        )
    )
    return update(locked, case, by=by, action="plan_action.updated", old=old, new=data, at=at)


def _self_neglect_rules(
    data: dict[str, Any], dates: Dates, case: Case, record: SelfNeglectRecord | None
) -> dict[str, str]:
    return self_neglect_errors(data)


@transaction.atomic
def save_self_neglect(
    case: Case, *, by: User, expected_version: int | None, at: When = None, **values: Any
) -> SelfNeglectRecord:
    return save_singleton(
        SelfNeglectRecord,
        case,
        by=by,
        expected_version=expected_version,
        values=values,
        fields=SELF_NEGLECT_FIELDS,
        rules=_self_neglect_rules,
        action="self_neglect.saved",
        at=at,
    )


@transaction.atomic
def add_clutter_rating(case: Case, *, by: User, at: When = None, **values: Any) -> ClutterRating:
    case = open_case(case.pk)
    data = pick(ClutterRating, values, CLUTTER_FIELDS)
    check(clutter_rating_errors(data, dates_for(case, at)))
    return create(ClutterRating, case, by=by, action="clutter.rated", data=data, at=at)


@transaction.atomic
def add_referrer_feedback(
    case: Case, *, by: User, at: When = None, **values: Any
) -> ReferrerFeedback:
    case = open_case(case.pk)
    data = pick(ReferrerFeedback, values, FEEDBACK_FIELDS)
    check(referrer_feedback_errors(data, dates_for(case, at), case_id=case.pk))
    return create(ReferrerFeedback, case, by=by, action="feedback.given", data=data, at=at)


@transaction.atomic
def add_referrer_escalation(
    case: Case, *, by: User, at: When = None, **values: Any
) -> ReferrerEscalation:
    case = open_case(case.pk)
    data = pick(ReferrerEscalation, values, ESCALATION_FIELDS)
    check(referrer_escalation_errors(data, dates_for(case, at)))
    return create(ReferrerEscalation, case, by=by, action="escalation.raised", data=data, at=at)


@transaction.atomic
def resolve_referrer_escalation(
    escalation: ReferrerEscalation,
    *,
    by: User,
    expected_version: int,
    resolution: str,
    resolved_on: datetime.date | None,
) -> ReferrerEscalation:
    case = open_case(escalation.case_id)
    locked: ReferrerEscalation = lock(ReferrerEscalation, escalation.pk, expected_version)
    fields = ("resolution", "resolved_on")
    old = {k: getattr(locked, k) for k in fields}
    data = pick(ReferrerEscalation, {"resolution": resolution, "resolved_on": resolved_on}, fields)
    check(escalation_resolution_errors(data, dates_for(case), raised_on=locked.raised_on))
    return update(locked, case, by=by, action="escalation.resolved", old=old, new=data)
