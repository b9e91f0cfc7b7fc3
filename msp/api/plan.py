"""The safeguarding plan and its actions, self-neglect (with clutter ratings),
and the person who raised the concern: feedback to them, and their escalations."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router
from ninja.responses import Status

from msp.accounts.access import get_case_for_user
from msp.api.access import (
    CHANGE_CASE,
    CHANGE_ESCALATION,
    CHANGE_PLAN_ACTION,
    get_escalation_for_user,
    get_plan_action_for_user,
)
from msp.api.auth import current_user
from msp.api.parts import field_names, named, one_of, put_status, record_fields, values_of
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.plan import (
    ClutterRatingIn,
    ClutterRatingOut,
    EscalationIn,
    EscalationOut,
    FeedbackIn,
    FeedbackOut,
    PlanActionIn,
    PlanActionOut,
    PlanActionPatch,
    PlanIn,
    PlanOut,
    ResolutionIn,
    SelfNeglectIn,
    SelfNeglectOut,
)
from msp.api.types import CaseId, EscalationId, PlanActionId
from msp.concerns.models import Concern
from msp.enquiries import actions
from msp.enquiries.actions.plan import (
    CLUTTER_FIELDS,
    PLAN_FIELDS,
    SELF_NEGLECT_FIELDS,
)
from msp.enquiries.models import (
    ClutterRating,
    DesiredOutcome,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    SafeguardingPlan,
    SelfNeglectRecord,
)

router = Router(tags=["Plan, self-neglect and the person who raised the concern"])

NO_PLAN = "No safeguarding plan is recorded on this case yet"
NO_SELF_NEGLECT = "No self-neglect record is recorded on this case yet"


def plan_out(p: SafeguardingPlan) -> PlanOut:
    return PlanOut(**record_fields(p), **values_of(p, PLAN_FIELDS))


def plan_action_out(a: PlanAction) -> PlanActionOut:
    return PlanActionOut(
        **record_fields(a),
        **values_of(a, ("description", "owner_kind", "owner_name", "due_on", "status")),
        outcome_id=a.outcome_id,
        overdue=a.is_overdue(timezone.localdate()),
    )


def self_neglect_out(s: SelfNeglectRecord) -> SelfNeglectOut:
    return SelfNeglectOut(**record_fields(s), **values_of(s, SELF_NEGLECT_FIELDS))


def clutter_rating_out(c: ClutterRating) -> ClutterRatingOut:
    return ClutterRatingOut(**record_fields(c), **values_of(c, CLUTTER_FIELDS))


def feedback_out(f: ReferrerFeedback) -> FeedbackOut:
    return FeedbackOut(
        **record_fields(f),
        **values_of(f, ("given_on", "what_was_said", "limited_by_consent")),
        concern_id=f.concern_id,
    )


def escalation_out(e: ReferrerEscalation) -> EscalationOut:
    return EscalationOut(
        **record_fields(e),
        **values_of(e, ("raised_on", "details", "resolution", "resolved_on")),
        resolved=e.resolved_on is not None,
    )


# --- The plan ---------------------------------------------------------------------------


@router.get("/cases/{case_id}/plan", response={200: PlanOut, **READ_ERRORS})
def get_plan(request: HttpRequest, case_id: CaseId) -> PlanOut:
    """The safeguarding plan, agreed with the person. 404 until it is first saved."""
    case = get_case_for_user(current_user(request), case_id)
    return plan_out(one_of(SafeguardingPlan, case.pk, NO_PLAN))


@router.put(
    "/cases/{case_id}/plan",
    auth=CHANGE_CASE,
    response={200: PlanOut, 201: PlanOut, **WRITE_ERRORS},
)
def save_plan(request: HttpRequest, case_id: CaseId, payload: PlanIn) -> Status[PlanOut]:
    """Create the plan (201, without a version) or change it (200, with the
    version you loaded): how the person was involved, and the pace they chose."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    status = put_status(SafeguardingPlan, case.pk)
    record = actions.save_plan(
        case,
        by=user,
        expected_version=payload.version,
        **payload.values(exclude_unset=True, exclude={"version"}),
    )
    return Status(status, plan_out(record))


@router.get("/cases/{case_id}/plan-actions", response={200: list[PlanActionOut], **READ_ERRORS})
def list_plan_actions(request: HttpRequest, case_id: CaseId) -> list[PlanActionOut]:
    """The plan's actions, by due date, each with whether it is overdue."""
    case = get_case_for_user(current_user(request), case_id)
    return [plan_action_out(a) for a in case.plan_actions.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/plan-actions",
    auth=CHANGE_CASE,
    response={201: PlanActionOut, **WRITE_ERRORS},
)
def add_plan_action(
    request: HttpRequest, case_id: CaseId, payload: PlanActionIn
) -> Status[PlanActionOut]:
    """Add an action to the plan: what, who, and when it is due."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"outcome_id"})
    values["outcome"] = named(DesiredOutcome, payload.outcome_id)
    with field_names(outcome="outcome_id"):
        record = actions.add_plan_action(case, by=user, **values)
    return Status(201, plan_action_out(record))


@router.patch(
    "/plan-actions/{plan_action_id}",
    auth=CHANGE_PLAN_ACTION,
    response={200: PlanActionOut, **WRITE_ERRORS},
)
def update_plan_action(
    request: HttpRequest, plan_action_id: PlanActionId, payload: PlanActionPatch
) -> PlanActionOut:
    """Change a plan action, for example its status. Send only the fields to
    change, with the action's version."""
    user = current_user(request)
    action = get_plan_action_for_user(user, plan_action_id, write=True)
    values = payload.values(exclude_unset=True, exclude={"version"})
    if "outcome_id" in values:
        values["outcome"] = named(DesiredOutcome, values.pop("outcome_id"))
    with field_names(outcome="outcome_id"):
        record = actions.update_plan_action(
            action, by=user, expected_version=payload.version, **values
        )
    return plan_action_out(record)


# --- Self-neglect -------------------------------------------------------------------------


@router.get("/cases/{case_id}/self-neglect", response={200: SelfNeglectOut, **READ_ERRORS})
def get_self_neglect(request: HttpRequest, case_id: CaseId) -> SelfNeglectOut:
    """The person's background and history, and who they trust. 404 until first saved."""
    case = get_case_for_user(current_user(request), case_id)
    return self_neglect_out(one_of(SelfNeglectRecord, case.pk, NO_SELF_NEGLECT))


@router.put(
    "/cases/{case_id}/self-neglect",
    auth=CHANGE_CASE,
    response={200: SelfNeglectOut, 201: SelfNeglectOut, **WRITE_ERRORS},
)
def save_self_neglect(
    request: HttpRequest, case_id: CaseId, payload: SelfNeglectIn
) -> Status[SelfNeglectOut]:
    """Create the self-neglect record (201, without a version) or change it (200,
    with the version you loaded)."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    status = put_status(SelfNeglectRecord, case.pk)
    record = actions.save_self_neglect(
        case,
        by=user,
        expected_version=payload.version,
        **payload.values(exclude_unset=True, exclude={"version"}),
    )
    return Status(status, self_neglect_out(record))


@router.get(
    "/cases/{case_id}/clutter-ratings", response={200: list[ClutterRatingOut], **READ_ERRORS}
)
def list_clutter_ratings(request: HttpRequest, case_id: CaseId) -> list[ClutterRatingOut]:
    """Clutter image ratings (1 to 9), by date and room."""
    case = get_case_for_user(current_user(request), case_id)
    return [clutter_rating_out(c) for c in case.clutter_ratings.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/clutter-ratings",
    auth=CHANGE_CASE,
    response={201: ClutterRatingOut, **WRITE_ERRORS},
)
def add_clutter_rating(
    request: HttpRequest, case_id: CaseId, payload: ClutterRatingIn
) -> Status[ClutterRatingOut]:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_clutter_rating(case, by=user, **payload.values())
    return Status(201, clutter_rating_out(record))


# --- The person who raised the concern ---------------------------------------------------


@router.get("/cases/{case_id}/referrer-feedback", response={200: list[FeedbackOut], **READ_ERRORS})
def list_referrer_feedback(request: HttpRequest, case_id: CaseId) -> list[FeedbackOut]:
    """What the people who raised concerns were told, and when."""
    case = get_case_for_user(current_user(request), case_id)
    return [feedback_out(f) for f in case.referrer_feedback.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/referrer-feedback",
    auth=CHANGE_CASE,
    response={201: FeedbackOut, **WRITE_ERRORS},
)
def add_referrer_feedback(
    request: HttpRequest, case_id: CaseId, payload: FeedbackIn
) -> Status[FeedbackOut]:
    """Record feedback to the person who raised a concern on this case. Share only
    what the person consents to, and say when consent limited it."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"concern_id"})
    values["concern"] = named(Concern, payload.concern_id)
    with field_names(concern="concern_id"):
        record = actions.add_referrer_feedback(case, by=user, **values)
    return Status(201, feedback_out(record))


@router.get("/cases/{case_id}/escalations", response={200: list[EscalationOut], **READ_ERRORS})
def list_escalations(request: HttpRequest, case_id: CaseId) -> list[EscalationOut]:
    """Times the person who raised the concern said it was not being dealt with."""
    case = get_case_for_user(current_user(request), case_id)
    return [escalation_out(e) for e in case.referrer_escalations.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/escalations",
    auth=CHANGE_CASE,
    response={201: EscalationOut, **WRITE_ERRORS},
)
def add_escalation(
    request: HttpRequest, case_id: CaseId, payload: EscalationIn
) -> Status[EscalationOut]:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_referrer_escalation(case, by=user, **payload.values())
    return Status(201, escalation_out(record))


@router.post(
    "/escalations/{escalation_id}/resolution",
    auth=CHANGE_ESCALATION,
    response={200: EscalationOut, **WRITE_ERRORS},
)
def resolve_escalation(
    request: HttpRequest, escalation_id: EscalationId, payload: ResolutionIn
) -> EscalationOut:
    """Record how an escalation was resolved, with the escalation's version."""
    user = current_user(request)
    escalation = get_escalation_for_user(user, escalation_id, write=True)
    record = actions.resolve_referrer_escalation(
        escalation,
        by=user,
        expected_version=payload.version,
        resolution=payload.resolution,
        resolved_on=payload.resolved_on,
    )
    return escalation_out(record)
