"""What every page of the enquiry record shares: fetch the case (or the
record and its case) for a change, show the form, submit it through one action
function with ``attempt()``, then go back to the case."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from msp.accounts.models import User
from msp.accounts.views import current_user
from msp.cases.models import Case, CaseState
from msp.cases.page import section_url
from msp.cases.views import case_for_change, render_case
from msp.enquiries.actions import CLOSED_MESSAGE
from msp.enquiries.actions._record import dates_for
from msp.enquiries.record_rules import Dates
from msp.govuk.actions import Attempt, Rules, attempt
from msp.govuk.forms import GovukForm
from msp.submissions.web import submit_once

M = TypeVar("M", bound=models.Model)

FormFactory = Callable[..., GovukForm]
Do = Callable[[int | None, dict[str, Any]], object]


ALREADY_SAVED = "This was already saved. It has not been saved a second time."


@dataclass(frozen=True)
class Page:
    """A form page: its template, its title (the h1), what the success banner
    says, the section of the case page the back link returns to, a sentence
    under the title, and the button's words. ``creates``: each submission adds a
    new record, so the form carries a one-time token and a repeat adds nothing."""

    template: str
    title: str
    success: str
    section: str
    intro: str = ""
    button: str = "Save"
    creates: bool = False


def case_url(case_id: int, section: str = "") -> str:
    """The page of the case that shows ``section`` (a record section's anchor),
    or the overview."""
    if section and section != "outcomes":
        try:
            return section_url(case_id, section)
        except KeyError:
            pass
    url = reverse("cases:detail", args=[case_id])
    return f"{url}#{section}" if section else url


def record_of[M: models.Model](
    request: HttpRequest, model: type[M], pk: int
) -> tuple[User, Case, M]:
    """A record of a case, and the case for a change. Nobody learns whether a
    record exists on a case they cannot see: both are "not found"."""
    record = model._default_manager.filter(pk=pk).first()
    if record is None:
        raise Http404("Not found")
    user, case = case_for_change(request, record.case_id)  # type: ignore[attr-defined]
    return user, case, record


def case_dates(case: Case) -> Dates:
    return dates_for(case)


def show(
    request: HttpRequest,
    page: Page,
    case: Case,
    form: GovukForm,
    *,
    status: int = 200,
    **context: Any,
) -> HttpResponse:
    return render(
        request,
        page.template,
        {
            "form": form,
            "case": case,
            "page": page,
            "back": case_url(case.pk, page.section),
            **context,
        },
        status=status,
    )


def form_page(
    request: HttpRequest,
    page: Page,
    case: Case,
    form: FormFactory,
    do: Do,
    *,
    rules: Rules | None = None,
    initial: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET shows ``form`` with ``initial``; POST validates it and calls
    ``do(version, values)``. Success goes back to the case page; a problem
    shows the form again with the user's input. A closed case takes nothing
    more: the case page says so."""
    extra = context or {}
    if case.state == CaseState.CLOSED:
        return render_case(request, case.pk, problem=CLOSED_MESSAGE, status=409)
    if request.method == "GET":
        return show(request, page, case, form(initial=initial or {}), **extra)
    if page.creates:
        once = submit_once(
            request,
            user=current_user(request),
            operation=f"record:{page.section}",
            act=lambda: attempt(form(request.POST), do, rules=rules),
            target_of=lambda tried: case.pk if tried.done else None,
        )
        if once.replayed:  # this form was submitted before: it is saved already
            messages.info(request, ALREADY_SAVED)
            return redirect(case_url(case.pk, page.section))
        assert once.result is not None
        tried: Attempt[object] = once.result
    else:
        tried = attempt(form(request.POST), do, rules=rules)
    if tried.done:
        messages.success(request, page.success)
        return redirect(case_url(case.pk))
    return show(request, page, case, tried.form, status=tried.status, **extra, **tried.context)
