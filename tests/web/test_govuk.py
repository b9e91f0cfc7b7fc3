"""The GOV.UK form layer: date field, component rendering, error summary."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError

from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm
from msp.govuk.templatetags.govuk import render_field


class ExampleForm(GovukForm):
    when = GovukDateField(noun="the date it happened")
    colour = forms.ChoiceField(
        label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect
    )
    shade = forms.CharField(label="Which shade?", required=False)
    tags = forms.MultipleChoiceField(
        label="Tags",
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False, help_text="Hint")

    conditionals = {"colour": {"blue": ("shade",)}}
    item_hints = {"tags": {"b": "About B"}}


def date_data(d, m, y, **extra):
    return {"when-day": d, "when-month": m, "when-year": y, "colour": "red", **extra}


def test_date_field_reads_three_inputs():
    form = ExampleForm(date_data("1", "2", "2020"))
    assert form.is_valid()
    assert form.cleaned_data["when"] == datetime.date(2020, 2, 1)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date it happened"),
        (("30", "2", "2020"), "Date it happened must be a real date"),
        (("", "2", ""), "Date it happened must include a day and a year"),
    ],
)
def test_date_field_messages(parts, message):
    form = ExampleForm(date_data(*parts))
    assert form.errors["when"] == [message]
    assert form.error_list()[0] == ("#when-day", message)


def test_date_input_markup_keeps_what_was_typed():
    form = ExampleForm(date_data("31", "2", "2020"))
    form.is_valid()
    html = render_field(form["when"])
    assert 'id="when-day" name="when-day"' in html
    assert 'value="31"' in html
    assert "govuk-form-group--error" in html
    assert 'aria-describedby="when-error"' in html
    assert (
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date it happened' in html
    )


def test_radios_with_a_conditional_reveal():
    form = ExampleForm(date_data("1", "1", "2020", colour="blue", shade="navy"))
    html = render_field(form["colour"])
    assert 'id="colour" name="colour" type="radio" value="red"' in html
    assert 'id="colour-2" name="colour" type="radio" value="blue" checked' in html
    assert 'data-aria-controls="conditional-colour-2"' in html
    assert 'class="govuk-radios__conditional" id="conditional-colour-2"' in html
    assert 'value="navy"' in html


def test_checkboxes_with_item_hints_and_textarea_hint():
    form = ExampleForm(date_data("1", "1", "2020", tags=["b"]))
    html = render_field(form["tags"])
    assert 'value="b" checked aria-describedby="tags-2-item-hint"' in html
    assert "About B" in html
    notes = render_field(form["notes"])
    assert '<div id="notes-hint" class="govuk-hint">Hint</div>' in notes


def test_action_errors_go_next_to_fields_or_to_the_summary():
    form = ExampleForm(date_data("1", "1", "2020"))
    assert form.is_valid()
    form.add_action_errors(ValidationError({"notes": "Enter notes", "team": "Choose a team"}))
    assert form.errors["notes"] == ["Enter notes"]
    assert ("#when-day", "Choose a team") in form.error_list()
