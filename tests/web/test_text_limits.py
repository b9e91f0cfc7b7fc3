"""Every text field on every form has a limit, and going over it is an error
next to the field that says the limit."""

import importlib
import pkgutil
from typing import Any

import pytest
from django import forms
from django.urls import reverse

import msp
from msp.board.forms import FilterForm
from msp.enquiries.models import CaseNote
from msp.govuk.forms import GovukForm
from msp.letters.forms import ChooseForm as LetterChooseForm
from msp.limits import LONG_TEXT, SHORT_TEXT
from msp.survey.forms import AnswersForm


def _all_forms() -> list[type[GovukForm]]:
    for module in pkgutil.walk_packages(msp.__path__, "msp."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)

    def subclasses(cls: type[GovukForm]) -> list[type[GovukForm]]:
        found: list[type[GovukForm]] = []
        for sub in cls.__subclasses__():
            found += [sub, *subclasses(sub)]
        return found

    found = {cls for cls in subclasses(GovukForm) if ".forms" in cls.__module__}
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


def _build(cls: type[GovukForm], data: dict[str, str]) -> GovukForm:
    kwargs: dict[str, Any] = {}
    if cls is AnswersForm:
        kwargs = {"questions": [], "respondent": "representative"}
    elif cls is FilterForm:
        kwargs = {"years": [2025], "teams": []}
    elif cls is LetterChooseForm:
        kwargs = {"choices": []}
    return cls(data, **kwargs)


FORMS = _all_forms()


def _text_fields(form: GovukForm) -> list[tuple[str, forms.CharField]]:
    return [
        (name, field)
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput)
    ]


@pytest.mark.parametrize("cls", FORMS, ids=[cls.__name__ for cls in FORMS])
def test_text_over_its_limit_is_refused_with_the_limit(cls):
    form = _build(cls, {})
    form.is_valid()
    fields = _text_fields(form)
    if not fields:
        pytest.skip("no text fields")
    for name, field in fields:
        assert field.max_length is not None, name
        assert field.max_length <= LONG_TEXT, name
    data = {name: "a" * (field.max_length + 1) for name, field in fields}
    form = _build(cls, data)
    form.is_valid()
    for name, field in fields:
        limit = f"{field.max_length:,}"
        assert any(
            m.endswith(f"must be {limit} characters or fewer") for m in form.errors.get(name, [])
        ), (name, form.errors.get(name))


def test_the_limits_follow_the_kind_of_field():
    from msp.enquiries.forms import NoteForm, RiskActionForm

    note = NoteForm({})
    note.is_valid()
    assert note.fields["text"].max_length == LONG_TEXT
    action = RiskActionForm({})
    action.is_valid()
    assert action.fields["done_by"].max_length == SHORT_TEXT


def test_a_note_over_the_limit_is_kept_and_explained(client_for, practitioner, case_in):
    case = case_in("enquiry")
    typed = "The neighbour called again. " * 400  # over 10,000 characters
    response = client_for(practitioner).post(
        reverse("enquiries:note-new", args=[case.pk]), {"text": typed}
    )
    html = response.content.decode()
    assert '<a href="#text">Note must be 10,000 characters or fewer</a>' in html
    assert typed.strip() in html
    assert not CaseNote.objects.filter(case=case).exists()
