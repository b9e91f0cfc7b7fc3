"""Pages for the risk assessment, actions to protect others, decisions against
someone's wishes (and co-signing them), and the person's death."""

from dataclasses import replace

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from msp.accounts.access import get_case_for_user
from msp.accounts.models import User
from msp.accounts.views import current_user
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.cases.views import case_for_change, render_case
from msp.enquiries import actions
from msp.enquiries.forms import DeathForm, OverrideForm, RiskActionForm, RiskForm
from msp.enquiries.models import DeathRecord, Override, RiskAssessment
from msp.enquiries.models.overrides import cosigners_for
from msp.enquiries.record_rules import risk_action_errors, risk_assessment_errors
from msp.enquiries.views._pages import Page, case_dates, case_url, form_page

RISK = Page(
    "enquiries/record_form.html",
    "Assess the risk",
    "Risk assessment saved",
    "risk",
    intro="The risk to the person, and to anyone else the same source of risk could harm.",
    button="Save the risk assessment",
)


@require_http_methods(["GET", "POST"])
def risk(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    record = RiskAssessment.objects.filter(case=case).first()
    page = replace(RISK, title="Change the risk assessment") if record else RISK
    return form_page(
        request,
        page,
        case,
        RiskForm,
        lambda version, values: actions.save_risk_assessment(
            case, by=user, expected_version=version, **values
        ),
        rules=risk_assessment_errors,
        initial=RiskForm.initial_from(record),
    )


RISK_ACTION = Page(
    "enquiries/record_form.html",
    "Record an action to protect others",
    "Action to protect others recorded",
    "risk",
    intro="What was done so the same source of risk cannot harm other people, whatever the "
    "person's own wishes.",
    button="Save the action",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_risk_action(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    return form_page(
        request,
        RISK_ACTION,
        case,
        RiskActionForm,
        lambda version, values: actions.add_risk_to_others_action(case, by=user, **values),
        rules=lambda values: risk_action_errors(values, case_dates(case)),
    )


def cosigners(case: Case, user: User) -> list[User]:
    return list(cosigners_for(team_id=case.team_id, recorder=user))


OVERRIDE = Page(
    "enquiries/record_form.html",
    "Record a decision against someone's wishes",
    "Decision recorded. It needs to be co-signed.",
    "overrides",
    intro="When you act against the person's or their family's wishes, or share "
    "information without consent: the ground, the law that allows it, who decided, and "
    "whether the person was told. A team manager or safeguarding lead co-signs it.",
    button="Save the decision",
    creates=True,
)


@require_http_methods(["GET", "POST"])
def add_override(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    choices = cosigners(case, user)

    def form(*args: object, **kwargs: object) -> OverrideForm:
        return OverrideForm(*args, cosigners=choices, **kwargs)

    return form_page(
        request,
        OVERRIDE,
        case,
        form,
        lambda version, values: actions.record_override(case, by=user, **values),
    )


@require_POST
def cosign_override(request: HttpRequest, pk: int) -> HttpResponse:
    """The co-signer named on the decision confirms it. Anyone else who can
    change the case is refused (403); anyone who cannot see it, 404."""
    user = current_user(request)
    override = Override.objects.filter(pk=pk).first()
    if override is None:
        raise Http404("Not found")
    get_case_for_user(user, override.case_id, write=True)
    try:
        actions.cosign_override(override, by=user)
    except ActionError as error:
        return render_case(request, override.case_id, problem=error.message, status=409)
    messages.success(request, "Decision co-signed")
    return redirect(case_url(override.case_id))


DEATH = Page(
    "enquiries/record_form.html",
    "Record that the person has died",
    "The person's death recorded",
    "death",
    intro="The enquiry can continue if other people are at risk. Consider whether the "
    "criteria for a Safeguarding Adults Review are met.",
)


@require_http_methods(["GET", "POST"])
def death(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    record = DeathRecord.objects.filter(case=case).first()
    page = replace(DEATH, title="Change the record of the person's death") if record else DEATH
    return form_page(
        request,
        page,
        case,
        DeathForm,
        lambda version, values: actions.record_death(
            case, by=user, expected_version=version, **values
        ),
        initial=DeathForm.initial_from(record),
    )
