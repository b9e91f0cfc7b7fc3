from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
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
from msp.enquiries.actions import CLOSURE_FIELDS
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
from msp.govuk.forms import field_anchor
from msp.practice.findings import DUTY, Finding
from msp.practice.gate import GuardBlocked, can_override
from msp.practice.guard import closure_findings, findings_for
from msp.submissions.web import TOKEN_FIELD, submit_once


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
def carry_wishes(request: HttpRequest, pk: int) -> HttpResponse:
    """What the person said at the concern, recorded as their first desired outcome."""
    return button_action(
        request,
        pk,
        lambda case, user, version: actions.carry_wishes_into_outcomes(
            case, by=user, expected_version=version
        ),
        success="What the person said at the concern is now their first desired outcome",
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


# The close page's steps: the form's two buttons, the check-your-answers page's
# "Change" buttons and its "Close the case".
CHECK, ANSWERS, CHANGE, CLOSE = "check", "answers", "change", "close"
NOT_KEPT = frozenset({"csrfmiddlewaretoken", "step", TOKEN_FIELD})
CANNOT_CLOSE_YET = (
    "This case cannot close yet: the record does not show that a legal duty was met. "
    "Record what is missing{manager}."
)


def _cannot_close_yet(overrider: bool) -> str:
    return CANNOT_CLOSE_YET.format(
        manager=", or say why the case can close without it"
        if overrider
        else ", or ask a team manager or safeguarding lead to review it"
    )


def _finding_anchor(check_id: str) -> str:
    """The id of a finding's card on the close page: "M4.a" -> "check-M4-a"."""
    return "check-" + check_id.replace(".", "-")


def _close_context(
    case: Case,
    user: User,
    form: CloseForm,
    findings: Sequence[Finding],
    blocking: Sequence[Finding] = (),
) -> dict[str, Any]:
    """What the close page shows about the guard: the legal duties not shown
    as met (with a manager's box to override each), and the good-practice
    questions, which never stop the case closing. Blocking duties are listed in
    the error summary by their question, linked to their card on this page (or
    to a manager's box for the reason)."""
    here = reverse("enquiries:close", args=[case.pk])
    views = [
        # A fix on this page is a link to its field
        FindingView(v.finding, v.url.removeprefix(here) if v.url else None)
        for v in finding_views(findings, case, can_change=True)
    ]
    overrider = can_override(user)
    duties = [
        (v, form[override_name(v.finding.check_id)] if overrider else None, _anchor_of(v))
        for v in views
        if v.is_duty
    ]
    blocked = {f.check_id for f in blocking}
    summary = []
    for view in views:
        if view.finding.check_id in blocked:
            name = override_name(view.finding.check_id)
            href = f"#{form[name].auto_id}" if overrider and name in form.fields else ""
            summary.append((href or f"#{_anchor_of(view)}", view.finding.question))
    return {
        "case": case,
        "duties": duties,
        "prompts": [(v, _anchor_of(v)) for v in views if not v.is_duty],
        "blocking_items": summary,
        "can_override": overrider,
    }


def _anchor_of(view: FindingView) -> str:
    return _finding_anchor(view.finding.check_id)


def _posted_values(data: Any) -> dict[str, Any]:
    """The closure as typed so far, unchecked, for the preview."""
    values = {name: data.get(name, "") for name in CLOSURE_FIELDS}
    values["capacity_support"] = {"yes": True, "no": False}.get(data.get("capacity_support", ""))
    return values


def _problem_items(form: CloseForm, problems: dict[str, str]) -> list[tuple[str, str]]:
    """What closing would still be refused for, linked to the fields here."""
    items = []
    for key, message in problems.items():
        if key in form.fields:
            items.append((f"#{field_anchor(form[key])}", message))
        else:
            items.append(("", message))
    return items


def _answer_rows(form: CloseForm) -> list[tuple[str, str, str]]:
    """(label, what will be recorded, field id) for the check-your-answers page."""
    rows = []
    for name in ("reason", "reason_details", *CloseForm.ENQUIRY_FIELDS, "open_door"):
        if name not in form.fields:
            continue
        bound = form[name]
        raw = form.cleaned_data.get(name)
        if name == "capacity_support" and form.cleaned_data.get("lacked_capacity") != "yes":
            continue
        if name == "reason_details" and not str(raw or "").strip():
            continue
        choices = dict(getattr(bound.field, "choices", ()) or ())
        shown = str(choices.get(raw, raw) if choices else raw or "")
        rows.append((str(bound.label), shown or "Not given", field_anchor(bound)))
    return rows


def _show_form(
    request: HttpRequest,
    case: Case,
    user: User,
    form: CloseForm,
    findings: Sequence[Finding],
    *,
    status: int = 200,
    previewed: bool = False,
    problems: dict[str, str] | None = None,
    blocking: Sequence[Finding] = (),
    **extra: Any,
) -> HttpResponse:
    context = _close_context(case, user, form, findings, blocking)
    return render(
        request,
        "enquiries/close_form.html",
        {
            "form": form,
            **context,
            "previewed": previewed,
            "problem_items": _problem_items(form, problems or {}),
            **extra,
        },
        status=status,
    )


def _retyped_form(request: HttpRequest, had_enquiry: bool, overrider: bool) -> CloseForm:
    """The form as the user left it, without error messages (Change, Check)."""
    posted = request.POST
    form = CloseForm(
        initial={k: v for k, v in posted.items() if k != "csrfmiddlewaretoken"},
        had_enquiry=had_enquiry,
        override_ids=CloseForm.override_ids_in(posted) if overrider else (),
    )
    return form


def _blocking_now(form: CloseForm, duties: Sequence[Finding], overrider: bool) -> list[Finding]:
    """The duties that still stop closing: all of them for someone who may not
    override, else those without a reason in their box."""
    if not overrider:
        return list(duties)
    reasons = form.duty_overrides()
    return [f for f in duties if not reasons.get(f.check_id, "").strip()]


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the case through the practice guard's gate, in three steps: the
    form (with "Check before closing" to see what the guard would find with
    these answers), check your answers, then close. A legal duty the record
    does not show as met stops the case closing, unless a team manager or
    safeguarding lead gives a reason to close without it. Everything typed is
    kept through the steps; the one-time token stops a double close."""
    user, case = case_for_change(request, pk)
    had_enquiry = bool(case.enquiry_type)
    overrider = can_override(user)
    if request.method == "GET":
        now = findings_for(case)
        duties = [f.check_id for f in now if f.severity == DUTY] if overrider else []
        form = CloseForm(
            initial={"version": case.version}, had_enquiry=had_enquiry, override_ids=duties
        )
        return _show_form(request, case, user, form, now)
    step = request.POST.get("step", CLOSE)
    if step in (CHECK, CHANGE):
        form = _retyped_form(request, had_enquiry, overrider)
        preview = actions.preview_closure(case, **_posted_values(request.POST))
        if overrider:
            for finding in preview.duties:
                form.allow_override(finding.check_id)
        return _show_form(
            request,
            case,
            user,
            form,
            preview.findings,
            previewed=step == CHECK,
            problems=dict(preview.problems) if step == CHECK else None,
        )
    form = CloseForm(
        request.POST,
        had_enquiry=had_enquiry,
        override_ids=CloseForm.override_ids_in(request.POST) if overrider else (),
    )
    if step == ANSWERS:
        return _answers(request, case, user, form, overrider)
    return _close(request, case, user, form, overrider)


def _answers(
    request: HttpRequest, case: Case, user: User, form: CloseForm, overrider: bool
) -> HttpResponse:
    """Check your answers: what will be recorded, each with a way back to change
    it, once the form has no errors and no duty stops the case closing."""
    valid = form.is_valid()
    values = form.values() if valid else _posted_values(request.POST)
    preview = actions.preview_closure(case, **values)
    if overrider:
        for finding in preview.duties:
            form.allow_override(finding.check_id)
    if valid:
        form.add_rule_errors({k: v for k, v in preview.problems.items() if k != NON_FIELD_ERRORS})
        if NON_FIELD_ERRORS in preview.problems:
            form.add_error(None, preview.problems[NON_FIELD_ERRORS])
    blocking = _blocking_now(form, preview.duties, overrider) if form.is_valid() else []
    if overrider and blocking:
        # A manager's missing reason is an error next to its box.
        for finding in blocking:
            form.add_error(
                override_name(finding.check_id),
                f"Enter why the case can close without an answer to: {finding.question}",
            )
        blocking = []
    if not form.is_valid() or blocking:
        problem = _cannot_close_yet(overrider) if blocking else ""
        return _show_form(
            request, case, user, form, preview.findings, blocking=blocking, problem=problem
        )
    reasons = form.duty_overrides()
    overrides = [
        (f.question, reasons[f.check_id], form[override_name(f.check_id)].auto_id)
        for f in preview.duties
        if reasons.get(f.check_id, "").strip()
    ]
    return render(
        request,
        "enquiries/close_answers.html",
        {
            "case": case,
            "form": form,
            "rows": _answer_rows(form),
            "overrides": overrides,
            "prompts": preview.prompts,
            "kept": [
                (k, v)
                for k, v in request.POST.items()
                if k not in ("csrfmiddlewaretoken", "step", TOKEN_FIELD)
            ],
        },
    )


def _close(
    request: HttpRequest, case: Case, user: User, form: CloseForm, overrider: bool
) -> HttpResponse:
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

    once = submit_once(
        request,
        user=user,
        operation="close",
        act=lambda: attempt(form, do),
        target_of=lambda tried: tried.result.pk if tried.result is not None else None,
    )
    if once.replayed:
        messages.info(request, "This case was already closed. It has not been closed again.")
        return redirect("cases:detail", pk=case.pk)
    tried = once.result
    assert tried is not None
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
    extra = dict(tried.context)
    if blocked:
        extra["problem"] = _cannot_close_yet(overrider)
    return _show_form(
        request, case, user, form, findings, status=tried.status, blocking=blocking, **extra
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
        initial = ReopenForm.initial_for(user, case)
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
