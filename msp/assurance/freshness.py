"""Which reporting years' figures are out of date.

The statutory return and the board's figures are counted once and stored
(``ReturnBuild``, ``msp.board.models.StoredFigures``). Each stored count keeps
the version of its year's data (``YearData``) it was counted from, and is
reused while that version stands. This module moves the version on.

One place decides: every save or delete of a record the figures count (see
``COUNTED``) marks the years it can change, whatever made the change (an
action function, the admin, a management command), in the same transaction
as the change. Bulk writes that bypass the ORM's signals (``update()``, the
synthetic data writer, an import) call ``people_changed`` or ``everything_changed``
themselves.

Which years a change can move: a record about a person can change any year
from that person's first recorded activity onwards (a repeat concern depends
on the concern before it; a case passed on to another council leaves every
year it was counted in; age bands and ethnicity are the person's), so every
such year is marked, including past years. A change to a code list marks
every year. This marks more than strictly needed; it never marks too little.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import F, Min
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from msp.assurance.models import YearData
from msp.assurance.period import Period, year_of

# (app label, model name) of every record the return or the board counts.
COUNTED = frozenset(
    {
        ("people", "person"),
        ("cases", "case"),
        ("concerns", "concern"),
        ("concerns", "section42decision"),
        ("enquiries", "enquiry"),
        ("enquiries", "closure"),
        ("enquiries", "desiredoutcome"),
        ("enquiries", "outcomerevision"),
        ("enquiries", "override"),
        ("enquiries", "deathrecord"),
        ("practice", "closurefinding"),
    }
)
# Code lists decide which row every record counts in.
CODE_LISTS = frozenset(
    {("assurance", "codelist"), ("assurance", "category"), ("assurance", "codemapping")}
)


def version_of(year: int) -> int:
    """The version of the data counted in ``year`` (0 until anything changed)."""
    row = YearData.objects.filter(year=year).values_list("version", flat=True).first()
    return row or 0


def years_changed(years: Iterable[int]) -> None:
    """Mark ``years`` as changed: any figures stored for them are stale."""
    wanted = sorted(set(years))
    if not wanted:
        return
    now = timezone.now()
    found = set(YearData.objects.filter(year__in=wanted).values_list("year", flat=True))
    YearData.objects.bulk_create(
        [YearData(year=y, version=0) for y in wanted if y not in found], ignore_conflicts=True
    )
    YearData.objects.filter(year__in=wanted).update(version=F("version") + 1, changed_at=now)


def _last_year(*days: datetime.date) -> int:
    return max([Period.containing(timezone.localdate()).year, *(year_of(d) for d in days)])


def everything_changed() -> None:
    """Every year with a record, and every year with stored figures, is stale."""
    from msp.concerns.models import Concern

    first = Concern.objects.aggregate(first=Min("raised_on"))["first"]
    stored = YearData.objects.aggregate(first=Min("year"))["first"]
    candidates = [y for y in (first and year_of(first), stored) if y is not None]
    if not candidates:
        return
    years_changed(range(min(candidates), _last_year() + 1))


def _first_activity(person_ids: list[int]) -> datetime.date | None:
    """The earliest day anything counted happened to any of these people."""
    from msp.concerns.models import Concern, Section42Decision
    from msp.enquiries.models import Closure, Enquiry, Override

    found: list[datetime.date] = []
    for model, field in (
        (Concern, "raised_on"),
        (Enquiry, "started_at"),
        (Section42Decision, "decided_at"),
        (Closure, "closed_at"),
        (Override, "decided_on"),
    ):
        value = model._default_manager.filter(case__person_id__in=person_ids).aggregate(
            first=Min(field)
        )["first"]
        if value is not None:
            found.append(_day(value))
    return min(found) if found else None


def _day(value: datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def people_changed(person_ids: Iterable[int], *days: datetime.date) -> None:
    """Records about these people changed (``days``: dates the change was
    about, old and new, which may no longer be on any record)."""
    ids = sorted({p for p in person_ids if p is not None})
    first = _first_activity(ids) if ids else None
    known = [d for d in (first, *days) if d is not None]
    if not known:
        return
    years_changed(range(year_of(min(known)), _last_year(*known) + 1))


# --- The signal receivers ----------------------------------------------------


def _label(sender: Any) -> tuple[str, str]:
    if sender.__module__ == "__fake__":  # a migration's historical model
        return ("", "")
    meta = sender._meta
    return (meta.app_label, meta.model_name)


def _dates_of(instance: models.Model) -> list[datetime.date]:
    days = []
    for f in instance._meta.concrete_fields:
        if isinstance(f, models.DateField):  # DateTimeField too
            value = getattr(instance, f.attname)
            if isinstance(value, datetime.date):
                days.append(_day(value))
    return days


def _people_of(instance: models.Model) -> set[int]:
    from msp.cases.models import Case

    label = _label(type(instance))
    if label == ("people", "person"):
        return {instance.pk}
    if label == ("cases", "case"):
        return {instance.person_id}  # type: ignore[attr-defined]
    case_id = getattr(instance, "case_id", None)
    if case_id is None:
        closure = getattr(instance, "closure", None) or getattr(instance, "outcome", None)
        case_id = getattr(closure, "case_id", None)
    if case_id is None:
        return set()
    return set(Case.objects.filter(pk=case_id).values_list("person_id", flat=True))


def _before_save(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or _label(sender) not in COUNTED:
        return
    old = None
    if instance.pk is not None and not instance._state.adding:
        old = sender._default_manager.filter(pk=instance.pk).first()
    instance._msp_fresh_old = old  # type: ignore[attr-defined]


def _after_change(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    label = _label(sender)
    if raw:
        return
    if label in CODE_LISTS:
        everything_changed()
        return
    if label not in COUNTED:
        return
    old = getattr(instance, "_msp_fresh_old", None)
    people = _people_of(instance)
    # A person's own dates (of birth) are not days anything happened.
    days = _dates_of(instance) if label != ("people", "person") else []
    if old is not None:
        people |= _people_of(old)
        days += _dates_of(old) if label != ("people", "person") else []
    people_changed(people, *days)


def connect() -> None:
    """Called once from the assurance app's ``ready()``."""
    uid = "msp-freshness"
    pre_save.connect(_before_save, dispatch_uid=uid + "-pre", weak=False)
    post_save.connect(_after_change, dispatch_uid=uid + "-post", weak=False)
    post_delete.connect(_after_change, dispatch_uid=uid + "-delete", weak=False)
