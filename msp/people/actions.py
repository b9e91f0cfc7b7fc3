import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from msp.accounts.models import User
from msp.audit.log import created, diff, record_change
from msp.cases.workflow import lock
from msp.people.models import Person
from msp.people.validators import normalise_nhs_number


def _clean(values: dict[str, Any], *, exclude_pk: int | None = None) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if k in Person.EDITABLE_FIELDS}
    if values.get("nhs_number"):
        values["nhs_number"] = normalise_nhs_number(values["nhs_number"])
        clash = Person.objects.filter(nhs_number=values["nhs_number"])
        if exclude_pk:
            clash = clash.exclude(pk=exclude_pk)
        if clash.exists():
            raise ValidationError(
                {
                    "nhs_number": (
                        "A person with this NHS number is already recorded. Find them with "
                        "'Find a person', or ask a safeguarding lead if you cannot see them"
                    )
                }
            )
    return values


@transaction.atomic
def create_person(*, by: User, **values: Any) -> Person:
    values = _clean(values)
    person = Person(**values, team=by.team, created_by=by)
    person.full_clean()
    person.save()
    record_change(
        by=by, action="person.created", obj=person, changes=created(values), person_id=person.pk
    )
    return person


@transaction.atomic
def update_person(person: Person, *, by: User, expected_version: int, **values: Any) -> Person:
    locked: Person = lock(Person, person.pk, expected_version)
    values = _clean(values, exclude_pk=locked.pk)
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
