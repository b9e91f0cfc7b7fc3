"""Any text in any part of a GOV.UK date input is an error next to the field, in
plain English, with what was typed kept: never a 500."""

import datetime
import importlib
import pkgutil
from typing import Any

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

import msp
from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm
from msp.govuk.templatetags.govuk import render_field
from msp.survey.forms import AnswersForm


class OneDate(GovukForm):
    when = GovukDateField(noun="their date of birth", label="Date of birth")


def parts(day: str, month: str, year: str, name: str = "when") -> dict[str, str]:
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


# Text a person might type, or paste, into one part of a date.
part_text = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(categories=["Nd", "No", "Zs"]), max_size=25),
)


@settings(max_examples=300, deadline=None)
@given(day=part_text, month=part_text, year=part_text)
def test_any_text_is_a_date_or_a_plain_english_error(day, month, year):
    form = OneDate(parts(day, month, year))
    if form.is_valid():
        value = form.cleaned_data["when"]
        assert isinstance(value, datetime.date)
        assert value == datetime.date(int(year), int(month), int(day))
        return
    [message] = form.errors["when"]
    assert message in {
        "Enter their date of birth",
        "Date of birth must be a real date",
        "Year must include 4 numbers",
    } or message.startswith("Date of birth must include a ")
    html = render_field(form["when"])
    assert "govuk-form-group--error" in html
    for typed in (day, month, year):
        # What was typed is shown again (escaped), apart from spaces at the ends.
        if typed.strip() and typed.strip().isalnum():
            assert f'value="{typed.strip()}"' in html


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "anchor"),
    [
        ("1" * 25, "1", "1980", "Date of birth must be a real date", "when-day"),
        ("1", "9" * 20, "1980", "Date of birth must be a real date", "when-day"),
        ("1", "1", "9" * 20, "Year must include 4 numbers", "when-year"),
        ("-1", "1", "1980", "Date of birth must be a real date", "when-day"),
        ("1", "1", "-980", "Date of birth must be a real date", "when-day"),
        (
            "\u0661",
            "\u0662",
            "\u0661\u0669\u0668\u0660",
            "Date of birth must be a real date",
            "when-day",
        ),
        ("\u00b2", "1", "1980", "Date of birth must be a real date", "when-day"),
        ("1 2", "1", "1980", "Date of birth must be a real date", "when-day"),
        ("1", "1", "80", "Year must include 4 numbers", "when-year"),
        ("1", "1", "0000", "Date of birth must be a real date", "when-day"),
        (" ", " ", " ", "Enter their date of birth", "when-day"),
        ("", "1", "", "Date of birth must include a day and a year", "when-day"),
    ],
)
def test_date_errors(day, month, year, message, anchor):
    form = OneDate(parts(day, month, year))
    assert form.errors["when"] == [message]
    assert form.error_list() == [(f"#{anchor}", message)]


def test_spaces_around_parts_are_ignored():
    form = OneDate(parts(" 7 ", "03 ", " 1980"))
    assert form.is_valid()
    assert form.cleaned_data["when"] == datetime.date(1980, 3, 7)


# Every form in the service with a date, built as its page builds it.


def _forms_with_dates() -> list[tuple[type[GovukForm], str]]:
    for module in pkgutil.walk_packages(msp.__path__, "msp."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)

    def subclasses(cls: type[GovukForm]) -> list[type[GovukForm]]:
        found = []
        for sub in cls.__subclasses__():
            found += [sub, *subclasses(sub)]
        return found

    pairs = {
        (cls, name)
        for cls in subclasses(GovukForm)
        if ".forms" in cls.__module__
        for name, field in cls.base_fields.items()
        if isinstance(field, GovukDateField)
    }
    pairs.add((AnswersForm, "asked_on"))  # its date is added when the form is built
    return sorted(pairs, key=lambda p: (p[0].__module__, p[0].__name__, p[1]))


def _build(cls: type[GovukForm], data: dict[str, str]) -> forms.Form:
    kwargs: dict[str, Any] = {}
    if cls is AnswersForm:
        kwargs = {"questions": [], "respondent": "person"}
    return cls(data, **kwargs)


DATE_FIELDS = _forms_with_dates()


def test_the_forms_with_dates_are_found():
    names = {f"{cls.__name__}.{name}" for cls, name in DATE_FIELDS}
    assert {"PersonForm.date_of_birth", "AnswersForm.asked_on"} <= names
    assert len(DATE_FIELDS) >= 20


@pytest.mark.parametrize(
    ("cls", "name"), DATE_FIELDS, ids=[f"{c.__name__}.{n}" for c, n in DATE_FIELDS]
)
@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("1" * 25, "2", "2020"),
        ("1", "2", "2" * 25),
        ("-3", "-4", "-2020"),
        ("", "", "\uff12\uff10\uff12\uff10"),
    ],
    ids=["long day", "long year", "negative", "wide digits"],
)
def test_every_date_keeps_what_was_typed_and_says_what_is_wrong(cls, name, day, month, year):
    form = _build(cls, parts(day, month, year, name))
    assert not form.is_valid()
    [message] = form.errors[name]
    label = str(form.fields[name].label).removesuffix(" (optional)")
    assert message.startswith((label, "Year must include 4 numbers")), message
    html = render_field(form[name])
    for typed in (day, month, year):
        if typed:
            assert f'value="{typed}"' in html
