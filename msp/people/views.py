from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from msp.accounts.access import (
    can_change_person,
    can_export_subject_access,
    findable_cases,
    get_person_for_user,
    readable_people,
)
from msp.accounts.team_choice import add_team_choice
from msp.accounts.views import casework_user, current_user
from msp.audit.log import record_list
from msp.govuk.actions import Attempt, attempt
from msp.people.actions import DuplicateNhsNumber, create_person, update_person
from msp.people.forms import EditPersonForm, PersonForm, SearchForm
from msp.people.models import Person
from msp.people.search import MAX_RESULTS, find_people
from msp.submissions.web import submit_once


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
    results = list(find_people(user, query)[: MAX_RESULTS + 1]) if query else []
    record_list(by=user, shown_in="people search", people=[p.pk for p in results[:MAX_RESULTS]])
    return {
        "form": form,
        "query": query,
        "results": results[:MAX_RESULTS],
        "more": len(results) > MAX_RESULTS,
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
    cases = list(findable_cases(user).filter(person=person).select_related("person", "lead_worker"))
    shown = [(c.pk, c.person_id) for c in cases if c.opens]  # type: ignore[attr-defined]
    record_list(by=user, shown_in="person's cases", cases=shown)
    context = {
        "person": person,
        "cases": cases,
        "can_export": can_export_subject_access(user),
    }
    return render(request, "people/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    if request.method == "GET":
        person = get_person_for_user(user, pk)
        if not can_change_person(user, person):
            raise PermissionDenied("You can read this person's record but not change it")
        initial = {name: getattr(person, name) for name in Person.EDITABLE_FIELDS}
        form = EditPersonForm(initial={**initial, "version": person.version})
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
