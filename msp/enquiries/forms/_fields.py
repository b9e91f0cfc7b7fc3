"""Field builders the enquiry forms share. Required answers are checked by the
rules modules (msp/enquiries/rules.py and record_rules.py), so every message
comes from one place; the forms check only the shape of what was typed."""

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.db import models

from msp.govuk.forms import GovukForm, VersionField

YES = "yes"
YES_NO = [("yes", "Yes"), ("no", "No")]


# Only a changed page can send an option that is not on it
NOT_AN_OPTION = {"invalid_choice": "Select one of the options shown"}


def radios(label: str, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=NOT_AN_OPTION,
        **kwargs,
    )


def checkboxes(label: str, choices: Any, **kwargs: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages=NOT_AN_OPTION,
        **kwargs,
    )


def flag(legend: str, option: str, **kwargs: Any) -> forms.MultipleChoiceField:
    """A yes-or-no fact asked as one checkbox under a legend. Read it with
    ``is_ticked``; a GOV.UK checkbox group, so it can reveal follow-up fields."""
    return checkboxes(legend, [(YES, option)], **kwargs)


def is_ticked(value: Any) -> bool:
    return isinstance(value, list | tuple) and YES in value


def ticked(value: bool) -> list[str]:
    """The initial value of a ``flag`` field."""
    return [YES] if value else []


def free_text(label: str, *, long: bool = False, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea if long else forms.TextInput
    return forms.CharField(label=label, required=False, widget=widget, **kwargs)


def select(label: str, *, invalid: str, **kwargs: Any) -> forms.ChoiceField:
    """A select whose options are records of this case, set by the form.
    ``invalid`` is the message when the record chosen is not one of them."""
    return forms.ChoiceField(
        label=label,
        choices=[],
        required=False,
        error_messages={"invalid_choice": invalid},
        **kwargs,
    )


def optional_version() -> VersionField:
    """The version of a record that may not exist yet: blank when creating it."""
    return VersionField(required=False)


class RecordForm(GovukForm):
    """A form for one part of the record. ``objects`` holds the records a
    select or radio offers, so ``values()`` passes the record, not its id."""

    def offer(
        self,
        name: str,
        records: Iterable[models.Model],
        label_of: Any,
        *,
        blank: str | None = None,
    ) -> None:
        items = list(records)
        choices: list[tuple[str, str]] = [("", blank)] if blank is not None else []
        choices += [(str(r.pk), str(label_of(r))) for r in items]
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        self._offered = {**getattr(self, "_offered", {}), name: {str(r.pk): r for r in items}}

    def offered(self, name: str, value: Any) -> models.Model | None:
        """The record chosen in the field ``name``, or None."""
        offered: dict[str, dict[str, models.Model]] = getattr(self, "_offered", {})
        return offered.get(name, {}).get(str(value or ""))

    @classmethod
    def initial_from(cls, record: Any) -> dict[str, Any]:
        """What the form shows to change ``record`` (None: a blank form)."""
        if record is None:
            return {}
        initial: dict[str, Any] = {"version": record.version}
        for name, field in cls.base_fields.items():
            if name == "version" or not hasattr(record, name):
                continue
            value = getattr(record, name)
            if isinstance(field, forms.MultipleChoiceField) and isinstance(value, bool):
                value = ticked(value)
            elif isinstance(value, models.Model):
                value = str(value.pk)
            initial[name] = value
        return initial

    def flag_values(self, values: dict[str, Any], names: Sequence[str]) -> None:
        for name in names:
            if name in values:
                values[name] = is_ticked(values[name])
