import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from msp.accounts.access import readable_people
from msp.accounts.models import Team, User
from msp.audit.log import created, diff, record_change, record_list
from msp.cases.workflow import lock
from msp.people.matching import fold, postcode_key
from msp.people.models import Person
from msp.people.search import Query, search_query
from msp.people.validators import normalise_nhs_number

DUPLICATE_HIDDEN = "This NHS number is already recorded. Ask a safeguarding lead to check it"


class DuplicateNhsNumber(ValidationError):
    """The NHS number belongs to a person already recorded. ``existing`` is that
    person when the user may see them (so the page can link to them), else None."""

    def __init__(self, message: str, existing: Person | None) -> None:
        super().__init__({"nhs_number": ValidationError(message, code="duplicate")})
        self.existing = existing


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if k in Person.EDITABLE_FIELDS}
    if values.get("nhs_number"):
        values["nhs_number"] = normalise_nhs_number(values["nhs_number"])
    return values


def check_nhs_number_is_new(values: dict[str, Any], *, by: User, person_pk: int | None) -> None:
    """Refuse an NHS number another person already has, without revealing a person
    the user may not see. Such an attempt is audited, naming the existing person
    for the auditor. Runs outside the action's transaction, so the audit event
    stays when the action is refused; the unique constraint catches a race."""
    number = values.get("nhs_number")
    if not number:
        return
    others = Person.objects.filter(nhs_number=number)
    if person_pk is not None:
        others = others.exclude(pk=person_pk)
    clash = others.first()
    if clash is None:
        return
    if readable_people(by).filter(pk=clash.pk).exists():
        raise DuplicateNhsNumber(
            f"This NHS number is already recorded for {clash.full_name}. Use their record instead",
            existing=clash,
        )
    record_change(
        by=by,
        action="person.duplicate_nhs_number",
        obj=clash,
        changes={"attempted_on": [None, person_pk]},
        person_id=clash.pk,
        reason="Tried to record an NHS number that a person they cannot see already has",
    )
    raise DuplicateNhsNumber(DUPLICATE_HIDDEN, existing=None)


@dataclass(frozen=True)
class LikelyMatch:
    """A person already recorded who may be the one being added. ``person`` is
    None when the user may not see them: then only the name and year of birth
    are shown, with "known to safeguarding, ask a safeguarding lead"."""

    name: str
    year_of_birth: int
    person: Person | None


MAX_LIKELY_MATCHES = 10


def likely_matches(values: dict[str, Any], *, by: User) -> list[LikelyMatch]:
    """People anywhere in the council with a near name and the same date of
    birth, or the same postcode. Audited: a view event for each person the
    user may see, and an event naming each one they may not (for the auditor)."""
    words = tuple(fold(values.get("given_name", "")).split()[:1]) + tuple(
        fold(values.get("family_name", "")).split()
    )
    if not words:
        return []
    everyone = Person.objects.filter(merged_into__isnull=True)
    found: dict[int, Person] = {}
    born = values.get("date_of_birth")
    queries = []
    if isinstance(born, datetime.date) and not values.get("date_of_birth_estimated"):
        queries.append(Query(words=words, born=born))
    if key := postcode_key(values.get("postcode") or ""):
        queries.append(Query(words=words, postcode=key))
    for query in queries:
        for person in search_query(everyone, query, limit=MAX_LIKELY_MATCHES).people:
            found.setdefault(person.pk, person)
    people = list(found.values())[:MAX_LIKELY_MATCHES]
    if not people:
        return []
    visible = set(readable_people(by).filter(pk__in=found).values_list("pk", flat=True))
    record_list(by=by, shown_in="likely matches", people=[p.pk for p in people if p.pk in visible])
    for person in people:
        if person.pk not in visible:
            record_change(
                by=by,
                action="person.likely_match_hidden",
                obj=person,
                changes={},
                person_id=person.pk,
                reason="Shown by name and year of birth as a likely match when adding a person",
            )
    return [
        LikelyMatch(
            name=p.full_name,
            year_of_birth=p.date_of_birth.year,
            person=p if p.pk in visible else None,
        )
        for p in people
    ]


def create_person(*, by: User, team: Team | None = None, **values: Any) -> Person:
    """Add a person. ``team`` (the team that first records them, who can see
    them before any case) defaults to the user's own."""
    values = _clean(values)
    owning_team = team or by.team
    if owning_team is None:
        raise ValidationError({"team": ["Select the team"]})
    check_nhs_number_is_new(values, by=by, person_pk=None)
    return _create_person(by, values, owning_team)


@transaction.atomic
def _create_person(by: User, values: dict[str, Any], team: Team) -> Person:
    person = Person(**values, team=team, created_by=by)
    person.full_clean()
    person.save()
    changes = {**created(values), "team": [None, team.name]}
    record_change(by=by, action="person.created", obj=person, changes=changes, person_id=person.pk)
    return person


def update_person(person: Person, *, by: User, expected_version: int, **values: Any) -> Person:
    values = _clean(values)
    if "date_of_birth" in values:  # a date given without saying it is estimated is known
        values.setdefault("date_of_birth_estimated", False)
    check_nhs_number_is_new(values, by=by, person_pk=person.pk)
    return _update_person(person, by, expected_version, values)


@transaction.atomic
def _update_person(
    person: Person, by: User, expected_version: int, values: dict[str, Any]
) -> Person:
    locked: Person = lock(Person, person.pk, expected_version)
    old = {k: getattr(locked, k) for k in values}
    for key, value in values.items():
        setattr(locked, key, value)
    locked.full_clean()
    changes = diff(old, values)
    if not changes:
        return locked
    locked.version += 1
    locked.save()
    record_change(by=by, action="person.updated", obj=locked, changes=changes, person_id=locked.pk)
    return locked


@transaction.atomic
def record_date_of_death(person: Person, *, by: User, date_of_death: datetime.date) -> Person:
    """Set the person's date of death (from a death recorded on a case). Not
    one of the fields a person form may change, so it has its own path."""
    locked: Person = lock(Person, person.pk, None)
    if locked.date_of_death == date_of_death:
        return locked
    changes = diff({"date_of_death": locked.date_of_death}, {"date_of_death": date_of_death})
    locked.date_of_death = date_of_death
    locked.version += 1
    locked.save(update_fields=["date_of_death", "version"])
    record_change(by=by, action="person.updated", obj=locked, changes=changes, person_id=locked.pk)
    return locked
