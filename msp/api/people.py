"""People: find, read, record and update the adults concerns are about."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from ninja.responses import Status

from msp.accounts.access import (
    get_people_to_merge,
    get_person_for_user,
    picks_team,
    readable_people,
)
from msp.accounts.models import Team, User
from msp.api.access import CHANGE_PERSON
from msp.api.auth import current_user
from msp.api.idempotency import IdempotencyKey, create_once, mark_replayed
from msp.api.paging import next_link
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.people import (
    MergeIn,
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
from msp.people.merge import merge_people
from msp.people.models import Person
from msp.people.search import search

SEARCH_LIMIT = 100

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


def record_list_views(user: User, people: list[Person]) -> None:
    record_list(by=user, shown_in="API people search", people=[p.pk for p in people])


@router.get("/people", response={200: PersonPage, **READ_ERRORS})
def list_people(request: HttpRequest, filters: Query[PeopleQuery]) -> PersonPage:
    """People you may see, found by name (accents, case and near spellings forgiven),
    date of birth (full or year), NHS number, postcode or address; best matches first.
    A search returns at most the first 100 matches: when `more` is true, refine the
    search. Each person listed is recorded in the audit log."""
    user = current_user(request)
    end = filters.offset + filters.limit
    if filters.q.strip():
        found = search(readable_people(user), filters.q, limit=min(end, SEARCH_LIMIT))
        page, more = found.people[filters.offset : end], found.more
    else:  # everyone the user may see, a page at a time
        rows = list(
            readable_people(user)
            .filter(merged_into__isnull=True)
            .order_by("family_name", "given_name", "id")[filters.offset : end + 1]
        )
        page, more = rows[: filters.limit], len(rows) > filters.limit
    record_list_views(user, page)
    return PersonPage(
        count=filters.offset + len(page),
        more=more,
        next=next_link(request, offset=filters.offset, limit=filters.limit, more=more),
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
                by=user,
                team=team_for(user, payload.team_id),
                **{k: v for k, v in payload.person_values().items() if k != "team_id"},
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


@router.post(
    "/people/{person_id}/merge", auth=CHANGE_PERSON, response={200: PersonOut, **WRITE_ERRORS}
)
def merge_person(request: HttpRequest, person_id: PersonId, payload: MergeIn) -> PersonOut:
    """Merge another record of the same person into this one (safeguarding leads).
    Its cases move here; it stays as a pointer and leaves searches. Refused with
    422 when the records have different NHS numbers."""
    user = current_user(request)
    kept, merged = get_people_to_merge(user, person_id, payload.merged_person_id)
    return person_out(merge_people(kept, merged, by=user, reason=payload.reason))
