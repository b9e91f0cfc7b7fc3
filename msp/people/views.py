from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from msp.accounts.access import (
    can_change_person,
    can_export_subject_access,
    can_merge_people,
    findable_cases,
    get_people_to_merge,
    get_person_for_user,
    mergeable_people,
    readable_people,
)
from msp.accounts.team_choice import add_team_choice
from msp.accounts.views import casework_user, current_user
from msp.audit.log import record_list
from msp.govuk.actions import Attempt, attempt
from msp.govuk.pagination import PER_PAGE, make_page, page_number, query_without_page
from msp.people.actions import (
    DuplicateNhsNumber,
    create_person,
    likely_matches,
    update_person,
)
from msp.people.forms import EditPersonForm, MergeForm, PersonForm, SearchForm
from msp.people.merge import merge_people, merge_problem
from msp.people.models import Person
from msp.people.search import find_people, search
from msp.submissions.web import already_submitted, submit_once

# A search shows the best matches first, a page at a time, up to this many pages;
# past them the user is asked to refine the search.
MAX_PAGES = 10


def duplicate_of(tried: Attempt[Person]) -> dict[str, Any]:
    """The person who already has the NHS number typed, when the user may see them."""
    if isinstance(tried.refusal, DuplicateNhsNumber) and tried.refusal.existing is not None:
        return {"duplicate_of": tried.refusal.existing}
    return {}


def search_context(request: HttpRequest) -> dict[str, Any]:
    """The search form and its results, shared by "Find a person" and "Raise a concern"."""
    user = casework_user(request)
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    number = min(page_number(request), MAX_PAGES)
    found = find_people(user, query, limit=number * PER_PAGE)
    if number > 1 and len(found.people) <= (number - 1) * PER_PAGE:  # past the end
        number = max(1, -(-len(found.people) // PER_PAGE))
    shown = found.people[(number - 1) * PER_PAGE : number * PER_PAGE]
    record_list(by=user, shown_in="people search", people=[p.pk for p in shown])
    # Best matches first: later pages are the next best, up to MAX_PAGES pages.
    more_pages = found.more and number < MAX_PAGES
    page = make_page(
        shown,
        number,
        per_page=PER_PAGE,
        rows_ahead=1 if more_pages else 0,
        query=query_without_page(request),
    )
    return {
        "form": form,
        "query": query,
        "results": shown,
        "page": page,
        "more": found.more and not more_pages,
    }


@require_GET
def find(request: HttpRequest) -> HttpResponse:
    return render(request, "people/find.html", search_context(request))


TEAM_LABEL = "Which team is recording this person?"


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    user = casework_user(request)
    then_concern = request.GET.get("next") == "concern"
    if request.method == "GET":
        form = PersonForm()
        add_team_choice(form, user, label=TEAM_LABEL)
        return render(request, "people/form.html", {"form": form, "creating": True})
    form = PersonForm(request.POST)
    add_team_choice(form, user, label=TEAM_LABEL)
    # Likely matches first, across the whole council, before a second record is made.
    checked = request.POST.get("checked_matches") or already_submitted(request, user=user)
    if not checked and form.is_valid() and (matches := likely_matches(form.cleaned_data, by=user)):
        context = {"form": form, "creating": True, "matches": matches}
        return render(request, "people/form.html", context)
    once = submit_once(
        request,
        user=user,
        operation="person",
        act=lambda: attempt(form, lambda _v, values: create_person(by=user, **values)),
        target_of=lambda tried: tried.result.pk if tried.result is not None else None,
    )
    if once.replayed:  # this form was submitted before: show who it added
        earlier = readable_people(user).get(pk=once.earlier_id)
        messages.info(request, f"These details were already saved as {earlier.full_name}.")
        if then_concern:
            return redirect("concerns:raise", person_pk=earlier.pk)
        return redirect("people:detail", pk=earlier.pk)
    tried = once.result
    assert tried is not None
    if tried.result is not None:
        person: Person = tried.result
        if then_concern:
            return redirect("concerns:raise", person_pk=person.pk)
        messages.success(request, f"{person.full_name} added")
        return redirect("people:detail", pk=person.pk)
    context = {"form": tried.form, "creating": True, **tried.context, **duplicate_of(tried)}
    return render(request, "people/form.html", context, status=tried.status)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    person = get_person_for_user(user, pk)
    if person.merged_into_id is not None:
        messages.info(request, f"{person.full_name}'s record was merged into this one.")
        return redirect("people:detail", pk=person.merged_into_id)
    cases = list(findable_cases(user).filter(person=person).select_related("person", "lead_worker"))
    shown = [(c.pk, c.person_id) for c in cases if c.opens]  # type: ignore[attr-defined]
    record_list(by=user, shown_in="person's cases", cases=shown)
    context = {
        "person": person,
        "cases": cases,
        "can_export": can_export_subject_access(user),
        "can_merge": can_merge_people(user),
    }
    return render(request, "people/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    if request.method == "GET":
        person = get_person_for_user(user, pk)
        if not can_change_person(user, person):
            raise PermissionDenied("You can read this person's record but not change it")
        form = EditPersonForm(initial=EditPersonForm.initial_from(person))
        return render(request, "people/form.html", {"form": form, "person": person})
    person = get_person_for_user(user, pk, write=True)
    tried = attempt(
        EditPersonForm(request.POST),
        lambda version, values: update_person(
            person, by=user, expected_version=version or 0, **values
        ),
    )
    if tried.result is not None:
        messages.success(request, "Details saved")
        return redirect(reverse("people:detail", args=[pk]))
    context = {"form": tried.form, "person": person, **tried.context, **duplicate_of(tried)}
    return render(request, "people/form.html", context, status=tried.status)


@require_GET
def merge_choose(request: HttpRequest, pk: int) -> HttpResponse:
    """Find the other record of the same person, to merge into this one."""
    user = current_user(request)
    kept = get_person_for_user(user, pk, write=True)
    if not can_merge_people(user) or kept.merged_into_id is not None:
        raise PermissionDenied("Only a safeguarding lead can merge records")
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    found = search(mergeable_people(user).exclude(pk=pk), query)
    record_list(by=user, shown_in="merge search", people=[p.pk for p in found.people])
    context = {"kept": kept, "form": form, "query": query, **vars(found)}
    return render(request, "people/merge_choose.html", context)


@require_http_methods(["GET", "POST"])
def merge_confirm(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    """Check both records side by side, say why, and merge ``other`` into ``pk``."""
    user = current_user(request)
    kept, merged = get_people_to_merge(user, pk, other)
    form = MergeForm(request.POST or None)
    problem = merge_problem(kept, merged)
    if request.method == "POST" and problem is None and form.is_valid():
        try:
            merge_people(kept, merged, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as refused:
            problem = " ".join(refused.messages)
        else:
            messages.success(request, f"{merged.full_name}'s record was merged into this one")
            return redirect("people:detail", pk=kept.pk)
    context = {"kept": kept, "merged": merged, "form": form, "problem": problem}
    status = 400 if request.method == "POST" else 200
    return render(request, "people/merge_confirm.html", context, status=status)
