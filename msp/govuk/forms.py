"""The base form every page form uses: GOV.UK ids, an error summary that links
to each field, and the mapping of action-function errors onto fields."""

from collections.abc import Mapping
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator

from msp.govuk.fields import YEAR_LENGTH, GovukDateWidget
from msp.govuk.kept import kept_data
from msp.govuk.merge import sign_base, value_names
from msp.limits import LONG_TEXT, SHORT_TEXT, too_long


def field_anchor(bound: forms.BoundField, code: str | None = None) -> str:
    """The id the error summary links to: the first input of the field, or the
    year of a date whose year is the problem."""
    base = bound.auto_id or bound.html_name
    if isinstance(bound.field.widget, GovukDateWidget):
        return f"{base}-year" if code == YEAR_LENGTH else f"{base}-day"
    return str(base)


def error_list(form: forms.Form) -> list[tuple[str, str]]:
    """(href, message) pairs for the error summary, in the order of the page."""
    items: list[tuple[str, str]] = []
    first = next((b for b in form if not b.is_hidden), None)
    for message in form.non_field_errors():
        items.append((f"#{field_anchor(first)}" if first else "", str(message)))
    for bound in form:
        for error in bound.errors.as_data():
            for message in error.messages:
                items.append((f"#{field_anchor(bound, error.code)}", str(message)))
    return items


def bound_text(name: str, field: forms.Field) -> None:
    """Give a text field a limit if it has none (a text area LONG_TEXT, a line
    SHORT_TEXT) and a message that says the limit."""
    if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.HiddenInput):
        return
    if field.max_length is None:
        multiline = isinstance(field.widget, forms.Textarea)
        field.max_length = LONG_TEXT if multiline else SHORT_TEXT
        field.validators.append(MaxLengthValidator(field.max_length))
    label = str(field.label or name.replace("_", " ").capitalize()).removesuffix(" (optional)")
    noun = "Your answer" if label.endswith("?") else label
    field.error_messages.setdefault("max_length", too_long(noun, field.max_length))


class GovukForm(forms.Form):
    """A form whose fields render as GOV.UK components through ``{% field %}``.

    ``conditionals`` reveals further fields under a radio or checkbox option:
    ``{"result": {"none": ("proportionate_response", "response_details")}}``.
    ``item_hints`` gives a hint under individual options:
    ``{"sources_of_risk": {"known": "Someone the person knows"}}``."""

    conditionals: ClassVar[dict[str, dict[str, tuple[str, ...]]]] = {}
    item_hints: ClassVar[dict[str, Mapping[str, str]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if "version" in self.fields:
            # The values the user starts from, for a three-way merge on a conflict.
            self.fields["base"] = forms.CharField(widget=forms.HiddenInput, required=False)
            # A form carried through steps (check your answers) keeps its first base.
            if not self.is_bound and not self.initial.get("base"):
                self.initial["base"] = sign_base(
                    {n: self.get_initial_for_field(self.fields[n], n) for n in value_names(self)}
                )
        if not self.is_bound:
            self._show_kept()

    def _show_kept(self) -> None:
        """After signing in again, show what the user typed before the session
        ended (as the form's starting values: nothing is submitted)."""
        kept = kept_data()
        if kept is None:
            return
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if isinstance(field.widget, forms.CheckboxInput):
                if any(k == key for k in kept):
                    self.initial[name] = True
                elif name in self.initial or field.initial is not None:
                    self.initial[name] = False
                continue
            if not field.widget.value_omitted_from_data(kept, {}, key):
                self.initial[name] = field.widget.value_from_datadict(kept, {}, key)

    def full_clean(self) -> None:
        # Here rather than in __init__, so fields a subclass adds are bounded too.
        for name, field in self.fields.items():
            bound_text(name, field)
        super().full_clean()

    @property
    def nested_fields(self) -> set[str]:
        return {
            name
            for options in self.conditionals.values()
            for names in options.values()
            for name in names
        }

    def error_list(self) -> list[tuple[str, str]]:
        return error_list(self)

    def add_action_errors(self, error: ValidationError) -> None:
        """Show the errors an action function raised next to the fields they are about."""
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for key, messages in error.message_dict.items():
            target = key if key in self.fields and key != NON_FIELD_ERRORS else None
            for message in messages:
                if target is None or not self.has_error(target):
                    self.add_error(target, message)

    def add_rule_errors(self, errors: Mapping[str, str]) -> None:
        """Add errors from a pure rules function for fields that have none yet,
        so the user sees every problem at once."""
        for key, message in errors.items():
            if key in self.fields and not self.has_error(key):
                self.add_error(key, message)

    def values(self) -> dict[str, Any]:
        """What to pass to the action function. Works on a partly valid form."""
        data = getattr(self, "cleaned_data", {})
        return {
            name: data[name]
            for name in self.fields
            if name in data and name not in ("version", "base")
        }


class VersionField(forms.IntegerField):
    """The version of the record the user loaded, sent back to detect conflicts."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Reload the page and try again",
                "invalid": "Reload the page and try again",
            },
        )
        super().__init__(**kwargs)
