"""Pages for restricting a case, break-glass access and the leads' alert list.

Opening a restricted case one may not open raises ``CaseRestricted`` wherever
it happens (``get_case_for_user``); ``RestrictedCaseMiddleware`` turns that into
the restricted page, which shows the reference only and offers break-glass.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from msp.accounts.access import (
    CaseRestricted,
    can_open_case,
    get_case_for_user,
    get_case_to_break_glass,
)
from msp.accounts.models import Role, User
from msp.accounts.views import current_user
from msp.cases import actions
from msp.cases.errors import ActionError
from msp.cases.models import BreakGlassGrant, Case, CaseRestriction
from msp.govuk.forms import GovukForm


class ReasonField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        kwargs.setdefault("error_messages", {"required": "Enter the reason"})
        super().__init__(max_length=2000, **kwargs)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        problem = actions.reason_problem(value or "")
        if value and problem:
            raise ValidationError(problem)
        return value


class BreakGlassForm(GovukForm):
    reason = ReasonField(
        label="Why do you need to see this case?",
        help_text="Say what you need it for. The safeguarding leads are told who opened it, "
        "when and why.",
    )


class LiftForm(GovukForm):
    reason = ReasonField(label="Why are you lifting the restriction?")


def _people_choices(case: Case) -> list[tuple[str, str]]:
    def label(u: User) -> str:
        where = u.team.name if u.team else "All teams"
        return f"{u.display_name} ({u.get_role_display()}, {where})"

    return [(str(u.pk), label(u)) for u in actions.people_who_could_be_named(case)]


class NamedPeopleForm(GovukForm):
    named = forms.MultipleChoiceField(
        label="Who may see this case?",
        help_text="Only people who can already see this team's cases are listed. "
        "Name at least one safeguarding lead.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["named"].choices = _people_choices(case)  # type: ignore[attr-defined]

    def named_users(self) -> list[User]:
        ids = [int(i) for i in self.cleaned_data.get("named", [])]
        return list(User.objects.filter(pk__in=ids))


class RestrictForm(NamedPeopleForm):
    reason = ReasonField(
        label="Why are you restricting this case?",
        help_text="For example, a member of staff is the adult or the source of risk.",
    )

    field_order = ["reason", "named"]


def restricted_page(request: HttpRequest, error: CaseRestricted) -> HttpResponse:
    return render(
        request,
        "cases/restricted.html",
        {"reference": error.reference, "case_id": error.case_id},
        status=403,
    )


class RestrictedCaseMiddleware:
    """Shows the restricted page when a web page tries to open a case the user
    may find but not open."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, CaseRestricted) and not request.path.startswith("/api/"):
            return restricted_page(request, exception)
        return None


def _done(request: HttpRequest, case_id: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("cases:detail", pk=case_id)


def _run(form: GovukForm, do: Callable[[], object]) -> tuple[bool, str]:
    """Call the action; put its errors on the form. Returns (done, problem)."""
    try:
        do()
    except ValidationError as error:
        form.add_action_errors(error)
        return False, ""
    except ActionError as error:
        return False, error.message
    return True, ""


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    case = get_case_to_break_glass(user, pk)
    if can_open_case(user, case):
        return redirect("cases:detail", pk=case.pk)
    form = BreakGlassForm(request.POST or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        grant: list[BreakGlassGrant] = []
        done, problem = _run(
            form,
            lambda: grant.append(
                actions.break_glass(case.pk, by=user, reason=form.cleaned_data["reason"])
            ),
        )
        if done:
            until = timezone.localtime(grant[0].expires_at)
            return _done(request, case.pk, f"You can see this case until {until:%H:%M}")
    context = {
        "form": form,
        "reference": case.reference,
        "problem": problem,
        "case_id": case.pk,
        "minutes": actions.break_glass_minutes(),
    }
    status = 200 if request.method == "GET" else 400
    return render(request, "cases/break_glass.html", context, status=status)


def _case_for_lead(request: HttpRequest, pk: int) -> tuple[User, Case]:
    """The case, for a safeguarding lead who can open it (others: 404 or the restricted page)."""
    user = current_user(request)
    case = get_case_for_user(user, pk)
    if user.role != Role.SAFEGUARDING_LEAD:
        raise PermissionDenied("Only a safeguarding lead can restrict a case")
    return user, case


@require_http_methods(["GET", "POST"])
def restriction(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = _case_for_lead(request, pk)
    current = CaseRestriction.objects.filter(case=case).first()
    data = request.POST if request.method == "POST" else None
    form: NamedPeopleForm
    if current is None:
        form = RestrictForm(data, case=case, initial={"named": [str(user.pk)]})
    else:
        named = [str(pk) for pk in current.named.values_list("pk", flat=True)]
        form = NamedPeopleForm(data, case=case, initial={"named": named})
    problem = ""
    if request.method == "POST" and form.is_valid():
        people = form.named_users()
        if current is None:
            reason = form.cleaned_data["reason"]
            done, problem = _run(
                form, lambda: actions.restrict_case(case, by=user, reason=reason, named=people)
            )
            message = "Case restricted"
        else:
            done, problem = _run(
                form, lambda: actions.change_named_people(case, by=user, named=people)
            )
            message = "Who may see this case has been changed"
        if done:
            return _done(request, case.pk, message)
    context = {"form": form, "case": case, "restriction": current, "problem": problem}
    status = 200 if request.method == "GET" else 400
    return render(request, "cases/restriction.html", context, status=status)


@require_http_methods(["GET", "POST"])
def lift_restriction(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = _case_for_lead(request, pk)
    if not CaseRestriction.objects.filter(case=case).exists():
        return redirect("cases:detail", pk=case.pk)
    form = LiftForm(request.POST or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        done, problem = _run(form, lambda: actions.lift_restriction(case, by=user, reason=reason))
        if done:
            return _done(request, case.pk, "Restriction lifted")
    status = 200 if request.method == "GET" else 400
    context = {"form": form, "case": case, "problem": problem}
    return render(request, "cases/lift_restriction.html", context, status=status)


def _lead(request: HttpRequest) -> User:
    user = current_user(request)
    if user.role != Role.SAFEGUARDING_LEAD:
        raise Http404("Not found")
    return user


@require_http_methods(["GET"])
def alerts(request: HttpRequest) -> HttpResponse:
    _lead(request)
    return render(
        request,
        "cases/break_glass_alerts.html",
        {"alerts": actions.unacknowledged_alerts(), "now": timezone.now()},
    )


@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    user = _lead(request)
    try:
        actions.acknowledge_alert(pk, by=user)
    except ActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Alert acknowledged")
    return redirect("cases:break-glass-alerts")
