from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from msp.accounts.models import User
from msp.cases.models import Case
from msp.cases.views import button_action, case_for_change
from msp.enquiries import actions
from msp.enquiries.forms import (
    CloseForm,
    OutcomeForm,
    RateOutcomeForm,
    ReopenForm,
    ReviseOutcomeForm,
)
from msp.enquiries.models import DesiredOutcome
from msp.enquiries.rules import outcome_errors
from msp.govuk.actions import Attempt, attempt


def _outcome(request: HttpRequest, pk: int) -> tuple[User, Case, DesiredOutcome]:
    outcome = DesiredOutcome.objects.filter(pk=pk).prefetch_related("revisions").first()
    if outcome is None:
        raise Http404("No desired outcome found")
    user, case = case_for_change(request, outcome.case_id)
    return user, case, outcome


def _page(request: HttpRequest, template: str, tried: Attempt[Any], **context: Any) -> HttpResponse:
    return render(
        request, template, {"form": tried.form, **context, **tried.context}, status=tried.status
    )


@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    return button_action(
        request,
        pk,
        lambda case, user, version: actions.start_enquiry(case, by=user, expected_version=version),
        success="Enquiry started",
    )


@require_POST
def start_closing(request: HttpRequest, pk: int) -> HttpResponse:
    return button_action(
        request,
        pk,
        lambda case, user, version: actions.start_closing(case, by=user, expected_version=version),
        success="Closing started. Record how far each desired outcome was achieved.",
    )


@require_POST
def return_to_enquiry(request: HttpRequest, pk: int) -> HttpResponse:
    return button_action(
        request,
        pk,
        lambda case, user, version: actions.return_to_enquiry(
            case, by=user, expected_version=version
        ),
        success="Returned to the enquiry",
    )


@require_http_methods(["GET", "POST"])
def add_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    template = "enquiries/outcome_form.html"
    if request.method == "GET":
        form = OutcomeForm(initial={"version": case.version, "whose_words": "person"})
        return render(request, template, {"form": form, "case": case})
    tried = attempt(
        OutcomeForm(request.POST),
        lambda version, values: actions.add_outcome(
            case, by=user, expected_version=version or 0, **values
        ),
        rules=outcome_errors,
    )
    if tried.done:
        messages.success(request, "Desired outcome recorded")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, case=case)


@require_http_methods(["GET", "POST"])
def revise_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user, case, outcome = _outcome(request, pk)
    template = "enquiries/outcome_form.html"
    current = outcome.current
    context = {"case": case, "outcome": outcome, "current": current, "revising": True}
    if request.method == "GET":
        initial = {
            "version": outcome.version,
            "text": current.text,
            "whose_words": current.whose_words,
            "representative_name": current.representative_name,
            "representative_relationship": current.representative_relationship,
        }
        return render(request, template, {"form": ReviseOutcomeForm(initial=initial), **context})
    tried = attempt(
        ReviseOutcomeForm(request.POST),
        lambda version, values: actions.revise_outcome(
            outcome, by=user, expected_version=version or 0, **values
        ),
        rules=lambda values: outcome_errors(values, revision=True),
    )
    if tried.done:
        messages.success(request, "Desired outcome revisited")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, **context)


@require_http_methods(["GET", "POST"])
def rate_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user, case, outcome = _outcome(request, pk)
    template = "enquiries/rate_form.html"
    context = {"case": case, "outcome": outcome, "current": outcome.current}
    if request.method == "GET":
        initial = {
            "version": outcome.version,
            "achievement": outcome.achievement,
            "person_view": outcome.person_view,
        }
        return render(request, template, {"form": RateOutcomeForm(initial=initial), **context})
    tried = attempt(
        RateOutcomeForm(request.POST),
        lambda version, values: actions.rate_outcome(
            outcome,
            by=user,
            expected_version=version or 0,
            achievement=values.get("achievement", ""),
            person_view=values.get("person_view", ""),
        ),
    )
    if tried.done:
        messages.success(request, "Achievement recorded")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, **context)


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    template = "enquiries/close_form.html"
    had_enquiry = bool(case.enquiry_type)
    if request.method == "GET":
        form = CloseForm(initial={"version": case.version}, had_enquiry=had_enquiry)
        return render(request, template, {"form": form, "case": case})
    tried = attempt(
        CloseForm(request.POST, had_enquiry=had_enquiry),
        lambda version, values: actions.close_case(
            case, by=user, expected_version=version or 0, **values
        ),
    )
    if tried.done:
        messages.success(request, "Case closed")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, case=case)


@require_http_methods(["GET", "POST"])
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    template = "enquiries/reopen_form.html"
    if request.method == "GET":
        return render(
            request, template, {"form": ReopenForm(initial={"version": case.version}), "case": case}
        )
    tried = attempt(
        ReopenForm(request.POST),
        lambda version, values: actions.reopen_case(
            case, by=user, expected_version=version or 0, reason=values.get("reason", "")
        ),
    )
    if tried.done:
        messages.success(request, "Case reopened")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, case=case)
