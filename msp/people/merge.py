"""Merging two records of the same person.

The kept record takes the other's cases (and so their concerns, enquiries and
records) and any detail it lacks. The merged record is never deleted: it stays
as a pointer to the kept one (``merged_into``), out of searches, so that links
and audit events about it still lead somewhere. Events about the merged record
are found for the kept one through ``merged_person_ids``."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from msp.accounts.models import User
from msp.assurance.freshness import people_changed
from msp.audit.log import record_change
from msp.cases.models import Case
from msp.cases.revision import records_changed
from msp.people.models import Person

# Details the kept record takes from the merged one when it has none of its own.
FILLED_FROM_MERGED = (
    "preferred_name",
    "nhs_number",
    "address",
    "postcode",
    "phone",
    "email",
    "communication_needs",
    "do_not_tell",
)


def merge_problem(kept: Person, merged: Person) -> str | None:
    """Why these two records may not be merged, in plain English, or None."""
    if kept.pk == merged.pk:
        return "Choose a different record: a record cannot be merged with itself"
    if kept.merged_into_id is not None or merged.merged_into_id is not None:
        return "One of these records has already been merged into another"
    if kept.nhs_number and merged.nhs_number and kept.nhs_number != merged.nhs_number:
        return "These records have different NHS numbers, so they may be different people"
    return None


def merged_person_ids(person_id: int) -> set[int]:
    """The person's id and the ids of every record merged into it, however deep."""
    ids = {person_id}
    frontier = {person_id}
    while frontier:
        frontier = (
            set(Person.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
            - ids
        )
        ids |= frontier
    return ids


@transaction.atomic
def merge_people(kept: Person, merged: Person, *, by: User, reason: str) -> Person:
    """Merge ``merged`` into ``kept``. The caller has checked the user may (see
    ``msp.accounts.access.can_merge_people``). Audited on both records and on
    every case that moves."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": "Enter why these are the same person"})
    kept = Person.objects.select_for_update().get(pk=kept.pk)
    merged = Person.objects.select_for_update().get(pk=merged.pk)
    if (problem := merge_problem(kept, merged)) is not None:
        raise ValidationError(problem, code="not_mergeable")
    filled: dict[str, Any] = {}
    for field in FILLED_FROM_MERGED:
        if not getattr(kept, field) and getattr(merged, field):
            filled[field] = [getattr(kept, field), getattr(merged, field)]
    if kept.date_of_birth_estimated and not merged.date_of_birth_estimated:
        filled["date_of_birth"] = [kept.date_of_birth, merged.date_of_birth]
        filled["date_of_birth_estimated"] = [True, False]
    moved = list(Case.objects.filter(person_id=merged.pk).values_list("pk", flat=True))
    Case.objects.filter(pk__in=moved).update(person=kept)
    people_changed([kept.pk, merged.pk])  # update() sends no signal: stale the figures here
    records_changed([kept.pk, merged.pk])  # and the overviews of their cases
    merged.merged_into = kept
    if "nhs_number" in filled:
        merged.nhs_number = ""  # one record per NHS number: it moves to the kept record
    merged.version += 1
    merged.save()
    for field, (_old, new) in filled.items():
        setattr(kept, field, new)
    kept.version += 1
    kept.full_clean()
    kept.save()
    record_change(
        by=by,
        action="person.merged",
        obj=kept,
        changes={"merged_person": [None, merged.pk], "cases_moved": [[], moved], **filled},
        person_id=kept.pk,
        reason=reason,
    )
    record_change(
        by=by,
        action="person.merged_into",
        obj=merged,
        changes={"merged_into": [None, kept.pk]},
        person_id=merged.pk,
        reason=reason,
    )
    for case_id in moved:
        record_change(
            by=by,
            action="case.person_merged",
            obj=Case(pk=case_id),
            changes={"person": [merged.pk, kept.pk]},
            case_id=case_id,
            person_id=kept.pk,
            reason=reason,
        )
    return kept
