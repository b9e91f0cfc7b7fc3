from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from msp.accounts.models import User
from msp.cases.models import Case
from msp.cases.page import FindingView, finding_views
from msp.cases.views import button_action, case_for_change
from msp.concerns.rules import concern_errors
from msp.enquiries import actions
from msp.enquiries.forms import (
    CloseForm,
    OutcomeForm,
    RateOutcomeForm,
    ReopenForm,
    ReviseOutcomeForm,
)
from msp.enquiries.forms.workflow import override_name
from msp.enquiries.models import Closure, DesiredOutcome
from msp.enquiries.rules import outcome_errors
from msp.govuk.actions import Attempt, attempt
from msp.practice.findings import DUTY, Finding
from msp.practice.gate import GuardBlocked, can_override
from msp.practice.guard import closure_findings, findings_for


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


def _close_context(
    case: Case,
    user: User,
    form: CloseForm,
    findings: Sequence[Finding],
    blocking: Sequence[Finding] = (),
) -> dict[str, Any]:
    """What the close page shows about the guard: the legal duties not shown
    as met (with a manager's box to override each), and the good-practice
    questions, which never stop the case closing."""
    here = reverse("enquiries:close", args=[case.pk])
    views = [
        # A fix on this page is a link to its field
        FindingView(v.finding, v.url.removeprefix(here) if v.url else None)
        for v in finding_views(findings, case, can_change=True)
    ]
    overrider = can_override(user)
    duties = [
        (v, form[override_name(v.finding.check_id)] if overrider else None)
        for v in views
        if v.is_duty
    ]
    blocked = {f.check_id for f in blocking}
    return {
        "case": case,
        "duties": duties,
        "prompts": [v for v in views if not v.is_duty],
        "blocking": [v for v in views if v.finding.check_id in blocked],
        "can_override": overrider,
    }


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the case through the practice guard's gate: a legal duty the
    record does not show as met stops the case closing, unless a team manager
    or safeguarding lead gives a reason to close without it."""
    user, case = case_for_change(request, pk)
    template = "enquiries/close_form.html"
    had_enquiry = bool(case.enquiry_type)
    overrider = can_override(user)
    if request.method == "GET":
        now = findings_for(case)
        duties = [f.check_id for f in now if f.severity == DUTY] if overrider else []
        form = CloseForm(
            initial={"version": case.version}, had_enquiry=had_enquiry, override_ids=duties
        )
        return render(request, template, {"form": form, **_close_context(case, user, form, now)})
    form = CloseForm(
        request.POST,
        had_enquiry=had_enquiry,
        override_ids=CloseForm.override_ids_in(request.POST) if overrider else (),
    )
    blocked: list[GuardBlocked] = []

    def do(version: int | None, values: dict[str, Any]) -> Closure:
        try:
            return actions.close_case(
                case,
                by=user,
                expected_version=version or 0,
                duty_overrides=form.duty_overrides() or None,
                **values,
            )
        except GuardBlocked as error:
            blocked.append(error)
            raise
        except ValidationError as error:
            raise form.override_errors(error) from None

    tried = attempt(form, do)
    if tried.done:
        messages.success(request, "Case closed")
        return redirect("cases:detail", pk=case.pk)
    if blocked:
        findings: Sequence[Finding] = blocked[0].all_findings
        blocking: Sequence[Finding] = blocked[0].findings
    else:
        findings, blocking = closure_findings(case, form.values()), ()
    if overrider:
        for finding in findings:
            if finding.severity == DUTY:
                form.allow_override(finding.check_id)
    context = _close_context(case, user, form, findings, blocking)
    return render(
        request, template, {"form": form, **context, **tried.context}, status=tried.status
    )


def _reopen_errors(values: dict[str, Any]) -> dict[str, str]:
    """Every problem at once when the form itself is refused (a bad date)."""
    errors = concern_errors(values)
    if not str(values.get("reason") or "").strip():
        errors["reason"] = "Enter why the case is being reopened"
    return errors


@require_http_methods(["GET", "POST"])
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    template = "enquiries/reopen_form.html"
    if request.method == "GET":
        initial = {
            "version": case.version,
            **ReopenForm.initial_for(user.display_name, user.job_title, ""),
        }
        return render(request, template, {"form": ReopenForm(initial=initial), "case": case})
    tried = attempt(
        ReopenForm(request.POST),
        lambda version, values: actions.reopen_case(
            case, by=user, expected_version=version or 0, **values
        ),
        rules=_reopen_errors,
    )
    if tried.done:
        messages.success(request, "Case reopened")
        return redirect("cases:detail", pk=case.pk)
    return _page(request, template, tried, case=case)
