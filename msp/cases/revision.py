"""When a case's overview must be worked out again.

The overview (``msp.cases.page.overview_html``) is rendered once for each
version of the records about the case's person and kept in the ``pages``
cache. This module moves that version on (``RecordsVersion``).

One place decides: every save or delete of a record that belongs to a person,
directly or through a case (the person, their cases, the concerns, decisions,
enquiry records, outcomes and their revisions, closures, letters...), moves on
the version of every person it belongs to, before and after the change, in the
same transaction. Which records those are is worked out from the models'
foreign keys when the app starts (``routes``), so a new kind of record is
covered without being listed. Bulk writes that bypass the ORM's signals
(``update()``: merging two people, erasure) call ``records_changed`` themselves.

A reader reads the version before the records, so what it keeps under a
version is never older than that version. Things the version does not follow
(a colleague's display name, a code list's label) reach the overview at the
next change to the case or the next day: the day is part of the cache key.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save

from msp.cases.models import Case, RecordsVersion
from msp.people.models import Person

# How many foreign keys a record may be from a case or a person and still count
# as part of its records (an outcome's revision: revision -> outcome -> case).
MAX_HOPS = 3


@dataclass(frozen=True)
class Route:
    """From a changed record to a person: the record's foreign key column
    (``attname``), the model it points to and, from that model, the lookup
    that gives the person's id ("pk" when it is the person)."""

    attname: str
    model: type[models.Model]
    lookup: str


def _target(field: Any) -> type[models.Model] | None:
    """The model a foreign key (or one-to-one) field points to; None for others."""
    target = field.related_model if field.many_to_one or field.one_to_one else None
    return target if isinstance(target, type) else None


def _lookup_to_person(model: type[models.Model], hops: int) -> str | None:
    """The lookup from ``model`` to a person's id, or None if there is none
    within ``hops`` foreign keys."""
    if model is Person:
        return "pk"
    if hops == 0:
        return None
    for field in model._meta.concrete_fields:
        target = _target(field)
        if target is None or target is model:
            continue
        if target is Person:
            return field.attname
        if target is Case:
            return f"{field.name}__person_id"
        if (rest := _lookup_to_person(target, hops - 1)) is not None and rest != "pk":
            return f"{field.name}__{rest}"
    return None


def routes_of(model: type[models.Model]) -> list[Route]:
    """Every foreign key of ``model`` that leads to a person."""
    found = []
    for field in model._meta.concrete_fields:
        target = _target(field)
        if target is None:
            continue
        lookup = _lookup_to_person(target, MAX_HOPS - 1)
        if lookup is not None:
            found.append(Route(field.attname, target, lookup))
    # A record that names its case or person directly belongs where that says
    # (its other keys, to records of the same case, lead to the same person).
    direct = [r for r in found if r.model in (Case, Person)]
    return direct or found


def watched_models() -> dict[type[models.Model], list[Route]]:
    """The project's models that are part of a person's records, with their routes."""
    watched: dict[type[models.Model], list[Route]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("msp."):
            continue
        if model is Person:
            watched[model] = []
        elif found := routes_of(model):
            watched[model] = found
    return watched


ROUTES: dict[type[models.Model], list[Route]] = {}


def people_of(instance: models.Model) -> set[int]:
    """The people ``instance`` belongs to, as it is now in memory."""
    model = type(instance)
    people: set[int] = set()
    if model is Person:
        if instance.pk is not None:
            people.add(instance.pk)
        return people
    for route in ROUTES.get(model, []):
        value = getattr(instance, route.attname, None)
        if value is None:
            continue
        if route.lookup == "pk":
            people.add(value)
            continue
        cached = instance._state.fields_cache.get(route.attname.removesuffix("_id"))
        if route.lookup == "person_id" and isinstance(cached, Case) and cached.pk == value:
            people.add(cached.person_id)
            continue
        person = (
            route.model._default_manager.filter(pk=value)
            .values_list(route.lookup, flat=True)
            .first()
        )
        if person is not None:
            people.add(person)
    return people


def records_changed(person_ids: Iterable[int | None]) -> None:
    """The records about these people changed: their cases' overviews are stale."""
    wanted = sorted({p for p in person_ids if p is not None})
    if not wanted:
        return
    RecordsVersion.objects.bulk_create(
        [RecordsVersion(person_id=p, version=0) for p in wanted], ignore_conflicts=True
    )
    RecordsVersion.objects.filter(person_id__in=wanted).update(version=F("version") + 1)


def version_of(person_id: int) -> int:
    found = (
        RecordsVersion.objects.filter(person_id=person_id).values_list("version", flat=True).first()
    )
    return found or 0


# --- The signal receivers ----------------------------------------------------


def _before_save(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or sender not in ROUTES or sender is Person:
        return
    before: set[int] = set()
    if instance.pk is not None and not instance._state.adding:
        columns = [route.attname for route in ROUTES[sender]]
        old = sender._default_manager.filter(pk=instance.pk).only(*columns).first()
        if old is not None:
            before = people_of(old)
    instance._msp_records_before = before  # type: ignore[attr-defined]


def _after_change(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or sender not in ROUTES:
        return
    before: set[int] = getattr(instance, "_msp_records_before", set())
    records_changed(before | people_of(instance))


def connect() -> None:
    """Called once from the cases app's ``ready()``."""
    ROUTES.clear()
    ROUTES.update(watched_models())
    uid = "msp-records-version"
    pre_save.connect(_before_save, dispatch_uid=uid + "-pre", weak=False)
    post_save.connect(_after_change, dispatch_uid=uid + "-post", weak=False)
    post_delete.connect(_after_change, dispatch_uid=uid + "-delete", weak=False)
