"""People: find, read, record and update the adults concerns are about."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from ninja.responses import Status

from msp.accounts.access import get_person_for_user, picks_team, readable_people
from msp.accounts.models import Team, User
from msp.api.access import CHANGE_PERSON
from msp.api.auth import current_user
from msp.api.idempotency import IdempotencyKey, create_once, mark_replayed
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.people import (
    NewPersonIn,
    PeopleQuery,
    PersonOut,
    PersonPage,
    PersonPatch,
)
from msp.api.serialise import person_out, person_summary
from msp.api.types import PersonId
from msp.audit.log import record_list
from msp.people import actions
from msp.people.models import Person
from msp.people.validators import normalise_nhs_number

router = Router(tags=["People"])


def team_for(user: User, team_id: int | None) -> Team | None:
    """The team named in a request that creates something; None for the user's own."""
    if team_id is None:
        if user.team_id is None:
            raise ValidationError({"team_id": "Choose the team that is recording this person"})
        return None
    team = Team.objects.filter(pk=team_id).first()
    if team is None:
        raise ValidationError({"team_id": "Choose a team from the list of teams"})
    if not picks_team(user) and team.pk != user.team_id:
        raise ValidationError({"team_id": "You can only record people for your own team"})
    return team


def search(people: QuerySet[Person], q: str) -> QuerySet[Person]:
    digits = normalise_nhs_number(q)
    if digits.isdigit():
        return people.filter(nhs_number__startswith=digits)
    for word in q.split():
        people = people.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    return people


def record_list_views(user: User, people: list[Person]) -> None:
    record_list(by=user, shown_in="API people search", people=[p.pk for p in people])


@router.get("/people", response={200: PersonPage, **READ_ERRORS})
def list_people(request: HttpRequest, filters: Query[PeopleQuery]) -> PersonPage:
    """People you may see, by name. Each person listed is recorded in the audit log."""
    user = current_user(request)
    people = search(readable_people(user), filters.q.strip())
    page = list(people[filters.offset : filters.offset + filters.limit])
    record_list_views(user, page)
    return PersonPage(
        count=people.count(),
        limit=filters.limit,
        offset=filters.offset,
        items=[person_summary(p) for p in page],
    )


@router.post("/people", response={201: PersonOut, **WRITE_ERRORS})
def create_person(
    request: HttpRequest,
    response: HttpResponse,
    payload: NewPersonIn,
    idempotency_key: IdempotencyKey = None,
) -> Status[PersonOut]:
    """Record a new person. They belong to your team until a case says otherwise.

    Send an `Idempotency-Key` header to make a retry safe: see the header's description."""
    user = current_user(request)
    if not user.does_casework:
        raise PermissionDenied("Only practitioners, team managers and leads can record people")
    person_id, replayed = create_once(
        request,
        user=user,
        key=idempotency_key,
        operation="person",
        payload=payload,
        create=lambda: (
            actions.create_person(
                by=user, team=team_for(user, payload.team_id), **payload.values(exclude={"team_id"})
            ).pk
        ),
    )
    mark_replayed(response, replayed)
    if replayed:  # still allowed to see them; the read is audited
        return Status(201, person_out(get_person_for_user(user, person_id)))
    return Status(201, person_out(Person.objects.get(pk=person_id)))


@router.get("/people/{person_id}", response={200: PersonOut, **READ_ERRORS})
def get_person(request: HttpRequest, person_id: PersonId) -> PersonOut:
    person = get_person_for_user(current_user(request), person_id)
    return person_out(person)


@router.patch("/people/{person_id}", auth=CHANGE_PERSON, response={200: PersonOut, **WRITE_ERRORS})
def update_person(request: HttpRequest, person_id: PersonId, payload: PersonPatch) -> PersonOut:
    """Change some of a person's details. Send only the fields to change."""
    user = current_user(request)
    person = get_person_for_user(user, person_id, write=True)
    values = payload.values(exclude_unset=True, exclude={"version"})
    updated = actions.update_person(person, by=user, expected_version=payload.version, **values)
    return person_out(updated)
