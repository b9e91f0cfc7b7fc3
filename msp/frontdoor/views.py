"""The public report pages (no account needed), the referrer's status page,
and the staff pages that take a report into the work."""

import secrets
import time
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from msp import throttle
from msp.accounts.access import (
    can_resolve_report_escalations,
    can_see_confidential_referrer,
    get_case_for_user,
    open_case_offer,
    readable_people,
)
from msp.accounts.client import client_address
from msp.accounts.models import Team
from msp.accounts.views import current_user
from msp.audit.log import record_view, write
from msp.frontdoor import actions, wizard
from msp.frontdoor.forms import (
    EscalateForm,
    ResolveForm,
    SendForm,
    ShareFeedbackForm,
    StatusForm,
    TriageForm,
)
from msp.frontdoor.models import PublicReport, ReportEscalation
from msp.frontdoor.queues import possible_people, readable_reports
from msp.govuk.forms import GovukForm

ANSWERS = "frontdoor_answers"
DONE = "frontdoor_done"
STATUS = "frontdoor_status"
VISITOR = "frontdoor_visitor"
HOUR = 3600
STATUS_MINUTES = 30


def _visitor(request: HttpRequest) -> str:
    """A random id for this browser's session, for counting its attempts."""
    if VISITOR not in request.session:
        request.session[VISITOR] = secrets.token_hex(16)
    return str(request.session[VISITOR])


def _who(request: HttpRequest) -> list[str]:
    return [f"address:{client_address(request) or ''}", f"session:{_visitor(request)}"]


def _too_many(request: HttpRequest, what: str) -> HttpResponse:
    return render(request, "frontdoor/too_many.html", {"what": what}, status=429)


def _answers(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(ANSWERS, {}))


# The report ---------------------------------------------------------------------


@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/start.html", {"first": wizard.STEPS[0].slug})


@login_not_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    found = wizard.BY_SLUG.get(slug)
    if found is None:
        raise Http404("No such question")
    answers = _answers(request)
    changing = request.GET.get("change") == "1"
    if request.method == "POST":
        form = found.make(answers, data=request.POST)
        if form.is_valid():
            answers.update(form.cleaned_data)
            request.session[ANSWERS] = answers
            after = wizard.next_slug(slug, answers)
            missing = wizard.first_unanswered(answers)
            if after is None or (changing and missing is None):
                return redirect("frontdoor:check")
            return redirect("frontdoor:step", slug=after)
    else:
        form = found.make(answers)
    back = wizard.previous_slug(slug, answers)
    context = {
        "form": form,
        "heading": getattr(form, "heading", ""),
        "single": len(form.fields) == 1,
        "back": reverse("frontdoor:step", args=[back]) if back else reverse("frontdoor:start"),
        "changing": changing,
    }
    return render(request, "frontdoor/step.html", context, status=400 if form.is_bound else 200)


@login_not_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    answers = _answers(request)
    missing = wizard.first_unanswered(answers)
    if missing is not None:
        return redirect("frontdoor:step", slug=missing)
    form = SendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        who = _who(request)
        limits = (
            ("report-address", who[0], settings.REPORTS_PER_ADDRESS),
            ("report-session", who[1], settings.REPORTS_PER_SESSION),
        )
        if any(throttle.count(s, w, window=HOUR) >= n for s, w, n in limits):
            write(
                by=None,
                action="report.throttled",
                object_type="frontdoor.publicreport",
                object_id="",
            )
            return _too_many(request, "reports")
        for scope, who_, _ in limits:
            throttle.hit(scope, who_, window=HOUR)
        if form.is_valid() and form.cleaned_data.get("website"):
            # A bot filled in the hidden field: look as if it worked, keep nothing.
            write(
                by=None,
                action="report.honeypot",
                object_type="frontdoor.publicreport",
                object_id="",
            )
            request.session.pop(ANSWERS, None)
            request.session[DONE] = {"reference": "", "secret": ""}
            return redirect("frontdoor:done")
        if form.is_valid():
            report, secret = actions.submit_report(wizard.tidy_answers(answers))
            request.session.pop(ANSWERS, None)
            request.session[DONE] = {"reference": report.reference, "secret": secret}
            return redirect("frontdoor:done")
    context = {"rows": wizard.summary(answers), "form": form}
    return render(request, "frontdoor/check.html", context)


@login_not_required
@require_GET
def done(request: HttpRequest) -> HttpResponse:
    shown = request.session.get(DONE)
    if not shown:
        return redirect("frontdoor:start")
    # The secret is shown once: a reload shows the reference only.
    context = dict(shown)
    request.session[DONE] = {"reference": shown.get("reference", ""), "secret": ""}
    context["shown_before"] = not shown.get("secret")
    return render(request, "frontdoor/done.html", context)


# Hearing back ---------------------------------------------------------------------


def _status_report(request: HttpRequest) -> PublicReport | None:
    held = request.session.get(STATUS) or {}
    if not held or held.get("until", 0) < time.time():
        return None
    return PublicReport.objects.filter(pk=int(held.get("pk") or 0)).first()


@login_not_required
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST if request.method == "POST" else None)
    problem = ""
    if request.method == "POST":
        who = _who(request)
        if throttle.over("status", who, limit=settings.STATUS_TRIES, window=HOUR):
            write(
                by=None,
                action="report.status_throttled",
                object_type="frontdoor.publicreport",
                object_id="",
            )
            return _too_many(request, "tries")
        if form.is_valid():
            found = actions.check_status(
                form.cleaned_data["reference"], form.cleaned_data["secret"]
            )
            if found.report is not None:
                request.session[STATUS] = {
                    "pk": found.report.pk,
                    "until": time.time() + STATUS_MINUTES * 60,
                }
                return redirect("frontdoor:status-view")
            for w in who:
                throttle.hit("status", w, window=HOUR)
            form.add_error("reference", found.problem)
            problem = found.problem
    return render(
        request,
        "frontdoor/status.html",
        {"form": form, "problem": problem},
        status=400 if form.is_bound else 200,
    )


@login_not_required
@require_GET
def status_view(request: HttpRequest) -> HttpResponse:
    report = _status_report(request)
    if report is None:
        return redirect("frontdoor:status")
    context = {
        "report": report,
        "status": actions.status_of(report),
        "feedback": list(report.feedback.all()),
        "escalations": list(report.escalations.all()),
    }
    return render(request, "frontdoor/status_view.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def escalate(request: HttpRequest) -> HttpResponse:
    report = _status_report(request)
    if report is None:
        return redirect("frontdoor:status")
    form = EscalateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.escalate(report, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_action_errors(error)
        else:
            messages.success(request, "We have sent your escalation to the safeguarding lead")
            return redirect("frontdoor:status-view")
    return render(
        request,
        "frontdoor/escalate.html",
        {"form": form, "report": report},
        status=400 if form.is_bound else 200,
    )


# Staff ---------------------------------------------------------------------------


def _report_for(request: HttpRequest, pk: int) -> tuple[Any, PublicReport]:
    user = current_user(request)
    report = readable_reports(user).filter(pk=pk).select_related("team").first()
    if report is None:
        raise Http404("No report found")
    return user, report


def _triage_form(report: PublicReport, data: Any = None) -> GovukForm:
    form = TriageForm(data)
    if report.team_id is None:
        form.fields["team"] = forms.ModelChoiceField(
            label="Which team will triage this concern?",
            queryset=Team.objects.all(),
            required=True,
            error_messages={"required": "Select the team"},
        )
    return form


@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, report = _report_for(request, pk)
    record_view(by=user, obj=report)
    people = possible_people(user, report)
    form = _triage_form(report, request.POST if request.method == "POST" else None)
    problem = ""
    if request.method == "POST" and report.concern_id is None:
        chosen = readable_people(user).filter(pk=request.POST.get("person") or 0).first()
        if chosen is None:
            problem = "Select the person this report is about, or add them first"
        elif form.is_valid():
            offer = open_case_offer(user, chosen)
            open_case = None
            if request.POST.get("add_to") == "open" and offer and offer.case and offer.can_add:
                open_case = offer.case
            triage = form.values()
            team = triage.pop("team", None)
            try:
                concern = actions.accept_report(
                    report, by=user, person=chosen, triage=triage, open_case=open_case, team=team
                )
            except ValidationError as error:
                form.add_action_errors(error)
            else:
                messages.success(
                    request,
                    f"Report {report.reference} added to case {concern.case.reference}",
                )
                return redirect("cases:detail", pk=concern.case_id)
    offers = {p.pk: open_case_offer(user, p) for p in people}
    context = {
        "report": report,
        "people": [(p, offers[p.pk]) for p in people],
        "form": form,
        "problem": problem,
        "sees_referrer": not report.confidential or can_see_confidential_referrer(user),
        "status": actions.status_of(report),
    }
    return render(request, "frontdoor/report_detail.html", context, status=400 if problem else 200)


@require_http_methods(["GET", "POST"])
def share_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    report = PublicReport.objects.filter(pk=pk, concern__isnull=False).first()
    if report is None:
        raise Http404("No report found")
    # 404 outside the case's team, 403 on a restricted case, as for the case itself.
    case = get_case_for_user(user, report.concern.case_id, write=True)  # type: ignore[union-attr]
    form = ShareFeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.share_feedback(report, by=user, text=form.cleaned_data["text"])
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, str(getattr(error, "message", error)))
        else:
            messages.success(request, "Feedback shared with the person who made the report")
            return redirect("cases:detail", pk=case.pk)
    context = {"form": form, "report": report, "case": case}
    return render(request, "frontdoor/share_feedback.html", context)


@require_http_methods(["GET", "POST"])
def resolve_escalation(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    if not can_resolve_report_escalations(user):
        raise Http404("No escalation found")
    escalation = ReportEscalation.objects.select_related("report").filter(pk=pk).first()
    if escalation is None:
        raise Http404("No escalation found")
    record_view(by=user, obj=escalation)
    form = ResolveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.resolve_escalation(escalation, by=user, response=form.cleaned_data["response"])
        except ValidationError as error:
            form.add_action_errors(error)
        else:
            messages.success(request, "Escalation answered")
            return redirect("cases:queues")
    context = {
        "form": form,
        "escalation": escalation,
        "case": actions.report_case(escalation.report),
        "status": actions.status_of(escalation.report),
    }
    return render(request, "frontdoor/resolve_escalation.html", context)
