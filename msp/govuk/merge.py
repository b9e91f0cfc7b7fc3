"""A three-way merge for forms that edit a versioned record.

A form with a ``version`` field also carries ``base``: the values it showed
when the user opened it, signed so they cannot be changed in the browser. When
saving meets someone else's newer save (``StaleVersion``), the form is shown
again with:

- fields the user did not change taking the newly saved values;
- fields the user changed keeping what the user typed (noted where the other
  person changed the same field);
- a fresh ``base`` and ``version``, so saving again never reverts a change the
  user did not make.
"""

import contextlib
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from django import forms
from django.core import signing
from django.db import models
from django.http import QueryDict

from msp.govuk.fields import GovukDateWidget

SALT = "msp.govuk.merge.base"
# Fields that are not the record's values.
NOT_VALUES = frozenset({"version", "base", "submission_token", "csrfmiddlewaretoken"})


def norm(value: Any) -> Any:
    """A value in a form that compares equal whether it came from the record,
    the form's initial values or what the user submitted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, Enum):
        return norm(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(str(norm(v)) for v in value)
    return str(value).replace("\r\n", "\n").strip()


def sign_base(values: Mapping[str, Any]) -> str:
    return signing.dumps({k: norm(v) for k, v in values.items()}, salt=SALT, compress=True)


def read_base(token: str | None) -> dict[str, Any] | None:
    """The values the user started from, or None if missing or tampered with."""
    if not token:
        return None
    try:
        loaded = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return loaded if isinstance(loaded, dict) else None


def value_names(form: forms.Form) -> list[str]:
    return [name for name in form.fields if name not in NOT_VALUES]


def current_values(form: forms.Form, record: Any, changes: Mapping[str, Any]) -> dict[str, Any]:
    """What the record now holds, in the form's terms: through the form's own
    ``initial_from`` when it has one, else the record's attribute of the same
    name, else the new value in the other person's change."""
    initial_from = getattr(type(form), "initial_from", None)
    values: dict[str, Any] = {}
    if callable(initial_from) and record is not None:
        try:
            values = dict(initial_from(record))
        except (AttributeError, TypeError, ValueError):
            values = {}
    for name in value_names(form):
        if name in values:
            continue
        if record is not None and hasattr(record, name) and not callable(getattr(record, name)):
            values[name] = getattr(record, name)
        else:
            change = changes.get(name)
            if isinstance(change, list | tuple) and len(change) == 2:
                values[name] = change[1]
    return values


def typed_values(form: forms.Form) -> dict[str, Any]:
    """Each field's value as the user typed it, cleaned by the field alone: a
    form's ``clean`` may fill one field from another (a date of birth from an
    estimated age), which is not something the user changed."""
    cleaned = getattr(form, "cleaned_data", {})
    values: dict[str, Any] = {}
    for name in value_names(form):
        try:
            values[name] = form.fields[name].clean(form[name].data)
        except forms.ValidationError:
            values[name] = cleaned.get(name)
    return values


@dataclass
class Merge:
    values: dict[str, Any]
    theirs: dict[str, Any]
    # Labels of fields both people changed: the user's value is kept.
    both_changed: list[str] = field(default_factory=list)


def merge(form: forms.Form, record: Any, changes: Mapping[str, Any]) -> Merge | None:
    """Merge what the user typed with what is saved now. None without a base."""
    base = read_base(form.data.get("base"))
    if base is None:
        return None
    mine = typed_values(form)
    theirs = current_values(form, record, changes)
    merged: dict[str, Any] = {}
    both: list[str] = []
    for name in value_names(form):
        user_value = mine.get(name)
        user_changed = name not in base or norm(user_value) != base[name]
        if not user_changed:
            merged[name] = theirs.get(name, user_value)
            continue
        merged[name] = user_value
        theirs_changed = name in theirs and norm(theirs[name]) != base.get(name)
        if theirs_changed and norm(theirs[name]) != norm(user_value):
            label = form.fields[name].label or name.replace("_", " ").capitalize()
            both.append(str(label))
    return Merge(values=merged, theirs=theirs, both_changed=both)


def as_data(form: forms.Form, values: Mapping[str, Any]) -> QueryDict:
    """Form data that shows ``values`` in ``form``'s fields."""
    data = QueryDict(mutable=True)
    for name, value in values.items():
        if name not in form.fields:
            continue
        key = form.add_prefix(name)
        widget = form.fields[name].widget
        if isinstance(widget, GovukDateWidget):
            if isinstance(value, str) and value:
                with contextlib.suppress(ValueError):
                    value = datetime.date.fromisoformat(value)
            for part, shown in zip(("day", "month", "year"), widget.parts(value), strict=True):
                data[f"{key}-{part}"] = shown
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple | set | frozenset):
            data.setlist(key, [str(norm(v)) for v in value])
        else:
            data[key] = "" if value is None else str(norm(value))
    return data
