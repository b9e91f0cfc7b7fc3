from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from msp.accounts.access import (
    get_person_for_user,
    open_case_offer,
    readable_cases,
    why_not_record_decision,
)
from msp.accounts.team_choice import add_team_choice
from msp.accounts.views import current_user
from msp.cases.models import Case
from msp.cases.views import button_action, case_for_change
from msp.concerns import actions
from msp.concerns.forms import AddConcernForm, ConcernForm, DecisionForm
from msp.concerns.rules import concern_errors, decision_errors
from msp.govuk.actions import attempt
from msp.people.views import search_context
from msp.submissions.web import submit_once


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Raise a concern, step 1: find the person it is about."""
    return render(request, "concerns/start.html", {**search_context(request), "for_concern": True})


TEAM_LABEL = "Which team will triage this concern?"


@require_http_methods(["GET", "POST"])
def raise_concern(request: HttpRequest, person_pk: int) -> HttpResponse:
    user = current_user(request)
    if request.method == "GET":
        person = get_person_for_user(user, person_pk)
        form = ConcernForm(initial=ConcernForm.initial_for(user))
        add_team_choice(form, user, label=TEAM_LABEL)
        context = {"form": form, "person": person, "open_case": open_case_offer(user, person)}
        return render(request, "concerns/raise.html", context)
    person = get_person_for_user(user, person_pk, write=True)
    form = ConcernForm(request.POST)
    add_team_choice(form, user, label=TEAM_LABEL)
    once = submit_once(
        request,
        user=user,
        operation="concern",
        act=lambda: attempt(
            form,
            lambda _v, values: actions.raise_concern(person=person, by=user, **values),
            rules=concern_errors,
        ),
        target_of=lambda tried: tried.result.pk if tried.result is not None else None,
    )
    if once.replayed:  # this form was submitted before: show what it created
        earlier = readable_cases(user).get(pk=once.earlier_id)
        messages.info(request, f"This concern was already saved as {earlier.reference}.")
        return redirect("cases:detail", pk=earlier.pk)
    tried = once.result
    assert tried is not None
    if tried.result is not None:
        case: Case = tried.result
        messages.success(request, f"Concern raised. Case {case.reference} is open for triage.")
        return redirect("cases:detail", pk=case.pk)
    context = {
        "form": tried.form,
        "person": person,
        "open_case": open_case_offer(user, person),
        **tried.context,
    }
    return render(request, "concerns/raise.html", context, status=tried.status)


@require_http_methods(["GET", "POST"])
def add_concern(request: HttpRequest, pk: int) -> HttpResponse:
    """A repeat concern about the person, added to their open case. The
    case's version stops the same form being saved twice."""
    user, case = case_for_change(request, pk)
    template = "concerns/add.html"
    if request.method == "GET":
        initial = AddConcernForm.initial_for(user, case)
        return render(request, template, {"form": AddConcernForm(initial=initial), "case": case})
    tried = attempt(
        AddConcernForm(request.POST),
        lambda version, values: actions.add_concern(
            case, by=user, expected_version=version or 0, **values
        ),
        rules=concern_errors,
    )
    if tried.result is not None:
        messages.success(request, f"Concern added to case {case.reference}")
        return redirect("cases:detail", pk=case.pk)
    context = {"form": tried.form, "case": case, **tried.context}
    return render(request, template, context, status=tried.status)


@require_POST
def start_triage(request: HttpRequest, pk: int) -> HttpResponse:
    return button_action(
        request,
        pk,
        lambda case, user, version: actions.start_triage(case, by=user, expected_version=version),
        success="Triage started",
    )


@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    refusal = why_not_record_decision(user, case)
    if refusal:
        raise PermissionDenied(refusal)
    if request.method == "GET":
        form = DecisionForm(initial={"version": case.version})
        return render(request, "concerns/decision.html", {"form": form, "case": case})
    tried = attempt(
        DecisionForm(request.POST),
        lambda version, values: actions.record_decision(
            case,
            by=user,
            expected_version=version or 0,
            at=values.pop("decided_on", None),
            **values,
        ),
        rules=decision_errors,
    )
    if tried.result is not None:
        messages.success(request, "Section 42 decision recorded")
        return redirect("cases:detail", pk=case.pk)
    context = {"form": tried.form, "case": case, **tried.context}
    return render(request, "concerns/decision.html", context, status=tried.status)
