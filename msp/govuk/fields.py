"""Form fields and widgets that GOV.UK components need and Django lacks."""

import datetime
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

DateParts = tuple[str, str, str]
PARTS = ("day", "month", "year")
YEAR_LENGTH = "year_length"  # the error code when the year is not 4 numbers


def _ascii_digits(value: str) -> bool:
    return value.isascii() and value.isdigit()


class GovukDateWidget(forms.Widget):
    """Three text inputs named ``<name>-day``, ``<name>-month`` and ``<name>-year``.

    Rendered by the ``{% field %}`` tag as the GOV.UK date input; this widget
    only reads the three values back and splits an initial date into them."""

    template_name = "govuk/fields/date_widget.html"

    def value_from_datadict(
        self, data: Mapping[str, Any] | MultiValueDict[str, Any], files: Any, name: str
    ) -> DateParts:
        values = [str(data.get(f"{name}-{part}", "") or "").strip() for part in PARTS]
        return (values[0], values[1], values[2])

    def value_omitted_from_data(
        self, data: Mapping[str, Any] | MultiValueDict[str, Any], files: Any, name: str
    ) -> bool:
        return not any(f"{name}-{part}" in data for part in PARTS)

    @staticmethod
    def parts(value: Any) -> DateParts:
        """The day, month and year to show in the three inputs."""
        if isinstance(value, datetime.date):
            return (str(value.day), str(value.month), str(value.year))
        if isinstance(value, list | tuple) and len(value) == 3:
            return (str(value[0] or ""), str(value[1] or ""), str(value[2] or ""))
        return ("", "", "")


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with GOV.UK error messages.

    ``noun`` names the date in lower case, as used after "Enter", for example
    "the date the concern was raised"; the label starts with it capitalised
    unless a label is given."""

    widget = GovukDateWidget

    def __init__(self, *, noun: str, **kwargs: Any) -> None:
        self.noun = noun
        kwargs.setdefault("label", noun[4:].capitalize() if noun.startswith("the ") else noun)
        self.name_for_errors = str(kwargs["label"])
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        day, month, year = GovukDateWidget.parts(value)
        if not (day or month or year):
            return None
        missing = [part for part, v in zip(PARTS, (day, month, year), strict=True) if not v]
        if missing:
            raise ValidationError(
                f"{self.name_for_errors} must include a {' and a '.join(missing)}",
                code="incomplete",
            )
        not_a_date = ValidationError(f"{self.name_for_errors} must be a real date", code="invalid")
        # Only the digits 0 to 9: str.isdigit() also takes superscripts and other scripts.
        if not all(_ascii_digits(v) for v in (day, month, year)):
            raise not_a_date
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code=YEAR_LENGTH)
        # A day or month of any length is refused before it reaches int(), so no
        # number is too big for the date type (a 20-digit day used to be a 500).
        if len(day) > 2 or len(month) > 2:
            raise not_a_date
        try:
            return datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise not_a_date from None

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise ValidationError(f"Enter {self.noun}", code="required")

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return bool(self.to_python(data) != initial)
        except ValidationError:
            return True
