from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from msp.govuk.forms import GovukForm, VersionField
from msp.letters.models import SendBy
from msp.letters.rules import Choice
from msp.limits import LONG_TEXT

# A letter is a narrative like any other: the same limit as notes.
LETTER_TEXT_LIMIT = LONG_TEXT


class ChooseForm(GovukForm):
    letter = forms.ChoiceField(
        label="Which letter do you want to write?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the letter to write",
            "invalid_choice": "Select a letter from the list",
        },
    )

    def __init__(self, *args: Any, choices: list[Choice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = {c.value: c for c in choices}
        field = self.fields["letter"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(c.value, c.label) for c in choices]


class EditForm(GovukForm):
    version = VersionField()
    text = forms.CharField(
        label="The words of the letter",
        max_length=LETTER_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=(
            "Leave a blank line between paragraphs. In an Easy Read letter, put one idea "
            "on each line, in a short sentence."
        ),
        error_messages={"required": "Enter the words of the letter"},
    )


class SendForm(GovukForm):
    version = VersionField()
    send_by = forms.ChoiceField(
        label="How will the letter be sent?",
        choices=SendBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the letter will be sent"},
    )
    send_to = forms.CharField(
        label="Address or email address",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A postal address for post, one line each, or an email address for email.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        how, where = data.get("send_by"), (data.get("send_to") or "").strip()
        if how == SendBy.EMAIL:
            if not where:
                self.add_error("send_to", "Enter the email address")
            else:
                try:
                    validate_email(where)
                except ValidationError:
                    self.add_error(
                        "send_to",
                        "Enter an email address in the correct format, like name@example.com",
                    )
        elif how == SendBy.POST and not where:
            self.add_error("send_to", "Enter the postal address")
        return data
