"""Allocating a case to a named worker (team managers and safeguarding leads)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from msp.accounts.access import allocatable_workers, can_allocate, get_case_for_user
from msp.accounts.models import Role, User
from msp.accounts.views import current_user
from msp.cases.actions import NOT_ALLOCATOR, allocate_case
from msp.cases.models import Case
from msp.govuk.actions import attempt
from msp.govuk.forms import GovukForm, VersionField


def _worker_label(user: User) -> str:
    if user.role == Role.SAFEGUARDING_LEAD:
        return f"{user.display_name} (safeguarding lead)"
    return f"{user.display_name} ({user.get_role_display().lower()})"


class AllocateForm(GovukForm):
    version = VersionField()
    worker = forms.TypedChoiceField(
        label="Who will be the allocated worker?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the worker to allocate the case to",
            "invalid_choice": "Select a worker from the list",
        },
    )
    reason = forms.CharField(
        label="Why is the case being allocated or moved? (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the allocated worker is on leave. This shows in the chronology.",
    )

    def __init__(self, *args: Any, workers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {u.pk: u for u in workers}
        field = self.fields["worker"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(u.pk, _worker_label(u)) for u in workers]


def _case_to_allocate(request: HttpRequest, pk: int) -> tuple[User, Case]:
    user = current_user(request)
    case = get_case_for_user(user, pk, write=request.method == "POST")
    if not can_allocate(user, case):
        raise PermissionDenied(NOT_ALLOCATOR)
    return user, case


@require_http_methods(["GET", "POST"])
def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = _case_to_allocate(request, pk)
    workers = allocatable_workers(case)
    if request.method == "GET":
        initial = {"version": case.version, "worker": case.lead_worker_id}
        form = AllocateForm(initial=initial, workers=workers)
        return render(request, "cases/allocate.html", {"form": form, "case": case})
    form = AllocateForm(request.POST, workers=workers)
    tried = attempt(
        form,
        lambda version, values: allocate_case(
            case,
            by=user,
            worker=form.workers[values["worker"]],
            expected_version=version,
            reason=values.get("reason", ""),
        ),
    )
    if tried.result is not None:
        name = form.workers[form.cleaned_data["worker"]].display_name
        messages.success(request, f"Case {case.reference} allocated to {name}")
        return redirect("cases:detail", pk=case.pk)
    context = {"form": tried.form, "case": case, **tried.context}
    return render(request, "cases/allocate.html", context, status=tried.status)
