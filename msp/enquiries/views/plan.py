"""Pages for the safeguarding plan and its actions, self-neglect (with clutter
ratings), and the person who raised the concern (feedback and escalations)."""

from dataclasses import replace

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from msp.cases.views import case_for_change
from msp.enquiries import actions
from msp.enquiries.forms import (
    ClutterForm,
    EscalationForm,
    FeedbackForm,
    PlanActionChangeForm,
    PlanActionForm,
    PlanForm,
    ResolveEscalationForm,
    SelfNeglectForm,
)
from msp.enquiries.models import (
    DesiredOutcome,
    PlanAction,
    ReferrerEscalation,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.enquiries.models.plan import ActionStatus
from msp.enquiries.record_rules import (
    clutter_rating_errors,
    plan_errors,
    referrer_escalation_errors,
    self_neglect_errors,
)
from msp.enquiries.views._pages import Page, case_dates, form_page, record_of

PLAN = Page(
    "enquiries/record_form.html",
    "Make the safeguarding plan",
    "Safeguarding plan saved",
    "plan",
    intro="The plan is agreed with the person, at the pace they choose. Add its actions "
    "once it is saved.",
    button="Save the plan",
)


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    record = SafeguardingPlan.objects.filter(case=case).first()
    page = replace(PLAN, title="Change the safeguarding plan") if record else PLAN
    return form_page(
        request,
        page,
        case,
        PlanForm,
        lambda version, values: actions.save_plan(
            case, by=user, expected_version=version, **values
        ),
        rules=lambda values: plan_errors(
            values,
            case_dates(case),
            previous_review_on=record.next_review_on if record else None,
        ),
        initial=PlanForm.initial_from(record),
    )


PLAN_ACTION = Page(
    "enquiries/record_form.html",
    "Add a plan action",
    "Plan action added",
    "plan",
    intro="Something someone will do towards what the person wants to happen.",
    button="Save the action",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_plan_action(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    outcomes = list(DesiredOutcome.objects.filter(case=case).prefetch_related("revisions"))

    def form(*args: object, **kwargs: object) -> PlanActionForm:
        return PlanActionForm(*args, outcomes=outcomes, **kwargs)

    return form_page(
        request,
        PLAN_ACTION,
        case,
        form,
        lambda version, values: actions.add_plan_action(case, by=user, **values),
        initial={"status": ActionStatus.NOT_STARTED},
    )


CHANGE_PLAN_ACTION = Page(
    "enquiries/plan_action_form.html",
    "Change a plan action",
    "Plan action updated",
    "plan",
    button="Save the change",
)


@require_http_methods(["GET", "POST"])
def change_plan_action(request: HttpRequest, pk: int) -> HttpResponse:
    user, case, action = record_of(request, PlanAction, pk)
    return form_page(
        request,
        CHANGE_PLAN_ACTION,
        case,
        PlanActionChangeForm,
        lambda version, values: actions.update_plan_action(
            action, by=user, expected_version=version or 0, **values
        ),
        initial=PlanActionChangeForm.initial_from(action),
        context={"action": action},
    )


SELF_NEGLECT = Page(
    "enquiries/record_form.html",
    "Record background and history",
    "Self-neglect background and history saved",
    "self-neglect",
    intro="In self-neglect and hoarding, understanding the person's story is how you find "
    "a way in.",
)


@require_http_methods(["GET", "POST"])
def self_neglect(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    record = SelfNeglectRecord.objects.filter(case=case).first()
    page = replace(SELF_NEGLECT, title="Change background and history") if record else SELF_NEGLECT
    return form_page(
        request,
        page,
        case,
        SelfNeglectForm,
        lambda version, values: actions.save_self_neglect(
            case, by=user, expected_version=version, **values
        ),
        rules=self_neglect_errors,
        initial=SelfNeglectForm.initial_from(record),
    )


CLUTTER = Page(
    "enquiries/record_form.html",
    "Add a clutter rating",
    "Clutter rating recorded",
    "self-neglect",
    intro="One room, on one day, using the clutter image rating scale.",
    button="Save the rating",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_clutter_rating(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        CLUTTER,
        case,
        ClutterForm,
        lambda version, values: actions.add_clutter_rating(case, by=user, **values),
        rules=lambda values: clutter_rating_errors(values, case_dates(case)),
    )


FEEDBACK = Page(
    "enquiries/record_form.html",
    "Record feedback to the person who raised the concern",
    "Feedback recorded",
    "referrer",
    intro="Tell them what is happening, as far as the person's consent and other people's "
    "safety allow.",
    button="Save the feedback",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    concerns = list(case.concerns.order_by("raised_on", "id"))

    def form(*args: object, **kwargs: object) -> FeedbackForm:
        return FeedbackForm(*args, concerns=concerns, **kwargs)

    return form_page(
        request,
        FEEDBACK,
        case,
        form,
        lambda version, values: actions.add_referrer_feedback(case, by=user, **values),
    )


ESCALATION = Page(
    "enquiries/record_form.html",
    "Record an escalation",
    "Escalation recorded",
    "referrer",
    intro="The person who raised the concern says it has not been dealt with.",
    button="Save the escalation",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_escalation(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        ESCALATION,
        case,
        EscalationForm,
        lambda version, values: actions.add_referrer_escalation(case, by=user, **values),
        rules=lambda values: referrer_escalation_errors(values, case_dates(case)),
    )


RESOLVE = Page(
    "enquiries/escalation_form.html",
    "Record how the escalation was resolved",
    "Escalation resolved",
    "referrer",
    button="Save the resolution",
)


@require_http_methods(["GET", "POST"])
def resolve_escalation(request: HttpRequest, pk: int) -> HttpResponse:
    user, case, escalation = record_of(request, ReferrerEscalation, pk)
    return form_page(
        request,
        RESOLVE,
        case,
        ResolveEscalationForm,
        lambda version, values: actions.resolve_referrer_escalation(
            escalation,
            by=user,
            expected_version=version or 0,
            resolution=values.get("resolution", ""),
            resolved_on=values.get("resolved_on"),
        ),
        initial=ResolveEscalationForm.initial_from(escalation),
        context={"escalation": escalation},
    )
