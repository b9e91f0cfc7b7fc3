from collections.abc import Callable
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case as DbCase
from django.db.models import Exists, OuterRef, Q, QuerySet, When
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from msp.accounts.access import (
    can_allocate,
    can_change_case,
    can_resolve_report_escalations,
    findable_cases,
    get_case_for_user,
    readable_cases,
)
from msp.accounts.models import Role, User
from msp.accounts.views import casework_user, current_user
from msp.audit.log import record_list
from msp.cases import summary
from msp.cases.actions import unacknowledged_alert_count
from msp.cases.chronology import KINDS, PER_PAGE, chronology_events, entries
from msp.cases.errors import ActionError
from msp.cases.models import Case, CaseState
from msp.cases.page import SECTION_PAGES, overview_html, section_page, subnav
from msp.cases.queues import queues_for
from msp.cases.restriction import restriction_notice
from msp.cases.workflow import STATE_HELP, allowed
from msp.concerns.models import Concern
from msp.enquiries.models import Override, PlanAction
from msp.enquiries.models.plan import ActionStatus
from msp.frontdoor.queues import front_door_for
from msp.govuk.forms import GovukForm
from msp.govuk.navigation import home_for
from msp.govuk.pagination import paginate

SUMMARY_SHOWN_IN = "case summary PDF"
OPEN_STATES = [(s.value, s.label) for s in CaseState if s != CaseState.CLOSED]
OPEN_ACTION_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


def _open_cases(user: User) -> QuerySet[Case]:
    """Open cases for a list. Restricted ones the user may not open are
    included with ``opens`` false: the list shows only their reference."""
    return (
        findable_cases(user)
        .exclude(state=CaseState.CLOSED)
        .select_related("person", "lead_worker", "team")
        .order_by("-opened_at", "-id")
    )


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on its own first page; roles with none yet get a page
    that says what this service holds for them."""
    user = current_user(request)
    landing = home_for(user.role)
    if landing:
        return redirect(landing)
    return render(request, "cases/no_casework.html", {"is_admin": user.is_staff})


def _mine(user: User) -> Q:
    raised = Concern.objects.filter(case_id=OuterRef("pk"), raised_by=user)
    return Q(lead_worker=user) | Q(Exists(raised))


def overdue_actions(user: User) -> QuerySet[PlanAction]:
    """Plan actions past their due date and not done or stopped, on the open
    cases the user leads or raised."""
    mine = readable_cases(user).exclude(state=CaseState.CLOSED).filter(_mine(user))
    return (
        PlanAction.objects.filter(
            case__in=mine.values("pk"),
            due_on__lt=timezone.localdate(),
            status__in=OPEN_ACTION_STATUSES,
        )
        .select_related("case")
        .order_by("due_on", "id")
    )


def overrides_to_cosign(user: User) -> QuerySet[Override]:
    """Decisions against someone's wishes that name the user to co-sign, on
    open cases the user can see."""
    cases = readable_cases(user).exclude(state=CaseState.CLOSED)
    return (
        Override.objects.filter(
            cosigner=user, cosigned_at__isnull=True, case__in=cases.values("pk")
        )
        .select_related("case", "case__person")
        .order_by("decided_on", "id")
    )


@require_GET
def my_cases(request: HttpRequest) -> HttpResponse:
    user = casework_user(request)
    allocated_first = DbCase(When(lead_worker=user, then=0), default=1)
    page = paginate(
        request,
        _open_cases(user)
        .filter(_mine(user))
        .alias(allocated_first=allocated_first)
        .order_by("allocated_first", "-opened_at", "-id"),
    )
    cases = page.items
    allocated = [c for c in cases if c.lead_worker_id == user.pk]
    raised = [c for c in cases if c.lead_worker_id != user.pk]
    overdue = [a for a in overdue_actions(user) if a.is_overdue(timezone.localdate())]
    to_cosign = list(overrides_to_cosign(user))
    shown = [(c.pk, c.person_id) for c in cases if getattr(c, "opens", True)]
    shown += [(a.case_id, a.case.person_id) for a in overdue]
    shown += [(o.case_id, o.case.person_id) for o in to_cosign]
    record_list(by=user, shown_in="my cases", cases=shown)
    context = {
        "cases": cases,
        "page": page,
        "allocated": allocated,
        "raised": raised,
        "overdue": overdue,
        "to_cosign": to_cosign,
        "break_glass_alerts": unacknowledged_alert_count(user),
    }
    return render(request, "cases/my_cases.html", context)


@require_GET
def queues(request: HttpRequest) -> HttpResponse:
    """A team manager's or safeguarding lead's home: the work waiting for them."""
    user = casework_user(request)
    if user.role not in (Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD):
        raise PermissionDenied("Queues are for team managers and safeguarding leads")
    found = queues_for(user)
    shown = [(w.case.pk, w.case.person_id) for q in found for w in q.items if w.opens]
    record_list(by=user, shown_in="queues", cases=shown)
    context = {
        "queues": found,
        "show_team": user.role == Role.SAFEGUARDING_LEAD,
        "break_glass_alerts": unacknowledged_alert_count(user),
        "front_door": front_door_for(user),
        "show_escalations": can_resolve_report_escalations(user),
    }
    return render(request, "cases/queues.html", context)


class StateFilterForm(GovukForm):
    state = forms.ChoiceField(
        label="State", choices=[("", "All open cases"), *OPEN_STATES], required=False
    )


@require_GET
def team_cases(request: HttpRequest) -> HttpResponse:
    user = casework_user(request)
    cases = _open_cases(user)
    if user.role != Role.SAFEGUARDING_LEAD:
        cases = cases.filter(team_id=user.team_id) if user.team_id else cases.none()
    form = StateFilterForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["state"]:
        cases = cases.filter(state=form.cleaned_data["state"])
    page = paginate(request, cases)
    opened = [(c.pk, c.person_id) for c in page.items if getattr(c, "opens", True)]
    record_list(by=user, shown_in="team cases", cases=opened)
    context = {
        "cases": page.items,
        "page": page,
        "filter_form": form,
        "show_team": user.role == Role.SAFEGUARDING_LEAD,
    }
    return render(request, "cases/team_cases.html", context)


def _frame(case: Case, user: User, current: str) -> dict[str, object]:
    """What every page of a case shows around its own content: the heading,
    the restriction notice and the sub-navigation."""
    return {
        "case": case,
        "person": case.person,
        "access": restriction_notice(case, user),
        "subnav": subnav(case, current),
        "current": current,
    }


def render_case(
    request: HttpRequest, pk: int, *, problem: str = "", status: int = 200
) -> HttpResponse:
    user = current_user(request)
    case = get_case_for_user(user, pk)
    context = {
        **_frame(case, user, "overview"),
        "state_help": STATE_HELP[CaseState(case.state)],
        "can_allocate": can_allocate(user, case) and allowed(case, "allocate"),
        "records": overview_html(case, user, get_token(request)),
        "problem": problem,
    }
    return render(request, "cases/detail.html", context, status=status)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The case overview."""
    return render_case(request, pk)


@require_GET
def section(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """One section of the case beside the overview (its records)."""
    if slug not in SECTION_PAGES:
        raise Http404("No such section")
    user = current_user(request)
    case = get_case_for_user(user, pk)
    context = {**_frame(case, user, slug), "view": section_page(case, user, slug)}
    return render(request, "cases/section.html", context)


class ChronologyFilterForm(GovukForm):
    kind = forms.MultipleChoiceField(
        label="Show",
        choices=[(value, label) for value, label, _actions in KINDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@require_GET
def case_chronology(request: HttpRequest, pk: int) -> HttpResponse:
    """The case's chronology, newest first, a page at a time, filterable by
    kind of event. It reads only the events the page shows."""
    user = current_user(request)
    case = get_case_for_user(user, pk)
    form = ChronologyFilterForm(request.GET or None)
    kinds: list[str] = []
    if form.is_bound and form.is_valid():
        kinds = form.cleaned_data["kind"]
    page = paginate(request, chronology_events(case.pk, kinds), per_page=PER_PAGE)
    context = {
        **_frame(case, user, "chronology"),
        "filter_form": form,
        "entries": entries(page.items),
        "page": page,
        "query": urlencode([("kind", k) for k in kinds]),
    }
    return render(request, "cases/chronology.html", context)


@require_GET
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    """Documents about the case: the summary, and letters once sent."""
    user = current_user(request)
    case = get_case_for_user(user, pk)
    return render(request, "cases/documents.html", _frame(case, user, "documents"))


@require_GET
def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The case summary as a PDF to print or keep: the same access as the case
    page, written to the audit log as a read shown in the PDF summary."""
    user = current_user(request)
    case = get_case_for_user(user, pk, shown_in=SUMMARY_SHOWN_IN)
    content = summary.pdf(summary.html(summary.build(case, user)))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="case-{case.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def button_action(
    request: HttpRequest,
    pk: int,
    do: Callable[[Case, User, int], object],
    *,
    success: str,
) -> HttpResponse:
    """A POST from a button on the case page: one action, then back to the case."""
    user = current_user(request)
    case = get_case_for_user(user, pk, write=True)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return HttpResponseBadRequest("Reload the case and try again")
    try:
        do(case, user, version)
    except ActionError as error:
        return render_case(request, pk, problem=error.message, status=409)
    messages.success(request, success)
    return redirect("cases:detail", pk=pk)


def case_for_change(request: HttpRequest, pk: int) -> tuple[User, Case]:
    """The case a form page changes. Showing the form is a read (audited) that
    needs permission to change; submitting it is a write."""
    user = current_user(request)
    if request.method == "POST":
        return user, get_case_for_user(user, pk, write=True)
    case = get_case_for_user(user, pk)
    if not can_change_case(user, case):
        raise PermissionDenied("You can read this case but not change it")
    return user, case
