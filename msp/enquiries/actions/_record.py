"""What every action function for the enquiry record shares: refusing closed
cases, the dates a rule needs, picking and tidying values, creating a record
and saving a versioned one, each with its one audit event."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import created, diff, record_change
from msp.cases.errors import InvalidTransition, StaleVersion
from msp.cases.history import When, case_happened_at, when_changes
from msp.cases.models import Case, CaseState
from msp.cases.workflow import last_change_summary, lock
from msp.enquiries.models.base import CaseRecord
from msp.enquiries.record_rules import Dates, Errors

R = TypeVar("R", bound=CaseRecord)

CLOSED_MESSAGE = "This case is closed. Reopen it to add to the record."


def open_case(case_id: int) -> Case:
    """Lock the case row (so nobody closes it meanwhile) and refuse closed
    cases. Adding to the record does not change the case, or its version."""
    locked: Case = Case.objects.select_for_update().get(pk=case_id)
    if locked.state == CaseState.CLOSED:
        raise InvalidTransition(CLOSED_MESSAGE)
    return locked


def dates_for(case: Case, at: When = None) -> Dates:
    """Today, and the date the earliest concern on the case was raised. For
    something recorded after the fact, ``at`` (checked by the rule in
    msp/cases/history.py) stands for today: the record's dates are judged
    as on the day it happened."""
    opened_on = case.concerns.order_by("raised_on").values_list("raised_on", flat=True).first()
    if at is None:
        return Dates(today=timezone.localdate(), opened_on=opened_on)
    moment = case_happened_at(case, at, field="happened_on")
    return Dates(today=timezone.localtime(moment).date(), opened_on=opened_on)


def _when(model: type[CaseRecord], case: Case, at: When) -> dict[str, Any]:
    """The day a record with no date of its own happened: ``happened_on``."""
    if not any(f.name == "happened_on" for f in model._meta.get_fields()):
        return {}
    return {"happened_on": dates_for(case, at).today}


def tidy(model: type[CaseRecord], name: str, value: Any) -> Any:
    """None for a text field that cannot be null becomes ""; text is stripped
    of surrounding white space."""
    field = model._meta.get_field(name)
    if value is None and not field.is_relation and field.empty_strings_allowed:
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def pick(
    model: type[CaseRecord], values: dict[str, Any], fields: tuple[str, ...]
) -> dict[str, Any]:
    """Every field in ``fields``: the value given, or the model's default."""
    data: dict[str, Any] = {}
    for name in fields:
        if name in values:
            data[name] = tidy(model, name, values[name])
        else:
            field = model._meta.get_field(name)
            assert isinstance(field, models.Field)
            data[name] = field.get_default()
    return data


def given(
    model: type[CaseRecord], values: dict[str, Any], fields: tuple[str, ...]
) -> dict[str, Any]:
    """Only the fields in ``fields`` that were given."""
    return {name: tidy(model, name, values[name]) for name in fields if name in values}


def check(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def audit(by: User, action: str, obj: CaseRecord, case: Case, changes: dict[str, Any]) -> None:
    """The audit event: its own time is when the record was made."""
    record_change(
        by=by,
        action=action,
        obj=obj,
        changes=changes,
        case_id=case.pk,
        person_id=case.person_id,
    )


def create[R: CaseRecord](
    model: type[R], case: Case, *, by: User, action: str, data: dict[str, Any], at: When = None
) -> R:
    """Save a new record, made now; ``at`` is when it happened, if earlier."""
    data = {**data, **_when(model, case, at)}
    record = model._default_manager.create(case=case, recorded_by=by, **data)
    changes = created(data)
    if at is not None:
        changes.update(when_changes(at, case_happened_at(case, at)))
    audit(by, action, record, case, changes)
    return record


def stale(record: CaseRecord) -> StaleVersion:
    who, changes = last_change_summary(record)
    return StaleVersion(record, record.version, who, changes)


def update[R: CaseRecord](
    record: R,
    case: Case,
    *,
    by: User,
    action: str,
    old: dict[str, Any],
    new: dict[str, Any],
    at: When = None,
) -> R:
    """Save ``new`` values over a locked record. ``recorded_by`` and
    ``recorded_at`` stay those of whoever first recorded it; later changes are
    in the audit log. Nothing changed: nothing saved and no audit event."""
    changes = diff(old, new)
    if not changes:
        return record
    for key, value in new.items():
        setattr(record, key, value)
    record.version += 1
    record.save()
    if at is not None:
        changes.update(when_changes(at, case_happened_at(case, at)))
    audit(by, action, record, case, changes)
    return record


def save_singleton[R: CaseRecord](
    model: type[R],
    case: Case,
    *,
    by: User,
    expected_version: int | None,
    values: dict[str, Any],
    fields: tuple[str, ...],
    rules: Callable[[dict[str, Any], Dates, Case, R | None], Errors],
    action: str,
    tidy_data: Callable[[dict[str, Any]], None] | None = None,
    at: When = None,
) -> R:
    """Create the case's one ``model`` record, or update it. Creating expects
    ``expected_version`` None; updating expects the version the user loaded.
    Updates may give only some fields: the rest keep their values."""
    locked_case = open_case(case.pk)
    existing = model._default_manager.filter(case=locked_case).first()
    if existing is not None and expected_version is None:
        raise stale(existing)
    dates = dates_for(locked_case, at)
    if existing is None:
        data = pick(model, values, fields)
        check(rules(data, dates, locked_case, None))
        if tidy_data:
            tidy_data(data)
        return create(model, locked_case, by=by, action=action, data=data, at=at)
    record: R = lock(model, existing.pk, expected_version)
    old = {k: getattr(record, k) for k in fields}
    data = {**old, **given(model, values, fields)}
    check(rules(data, dates, locked_case, record))
    if tidy_data:
        tidy_data(data)
    if at is not None and "happened_on" in _when(model, locked_case, at):
        old["happened_on"] = getattr(record, "happened_on", None)
        data["happened_on"] = dates.today
    return update(record, locked_case, by=by, action=action, old=old, new=data, at=at)
