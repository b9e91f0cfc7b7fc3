from typing import Any

from django import forms

from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm, VersionField
from msp.people.codes import ContactSafety, Ethnicity, Gender, PrimarySupportReason
from msp.people.validators import ADULT_AGE, estimated_date_of_birth
from msp.words import plain_choices

SAFETY_HINT = "Someone who is harming them may answer the phone, open their post or hear messages"


def _safety(label: str, action: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=ContactSafety.choices,
        widget=forms.RadioSelect,
        help_text=SAFETY_HINT,
        initial=ContactSafety.UNKNOWN,
        error_messages={"required": f"Select whether it is safe to {action}"},
    )


class PersonForm(GovukForm):
    given_name = forms.CharField(
        label="First name", max_length=100, error_messages={"required": "Enter their first name"}
    )
    family_name = forms.CharField(
        label="Last name", max_length=100, error_messages={"required": "Enter their last name"}
    )
    preferred_name = forms.CharField(
        label="Preferred name (optional)",
        max_length=100,
        required=False,
        help_text="What they like to be called, if different",
    )
    date_of_birth = GovukDateField(
        noun="their date of birth", label="Date of birth", required=False
    )
    estimated_age = forms.IntegerField(
        label="If you do not know their date of birth, their age (estimated)",
        required=False,
        min_value=ADULT_AGE,
        max_value=120,
        help_text="For example, 80. We will show it as “about 80”",
        error_messages={
            "invalid": "Enter their estimated age as a number, like 80",
            "min_value": "Their age must be 18 or over: this service is for adults",
            "max_value": "Their age must be 120 or under",
        },
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        max_length=20,
        required=False,
        help_text="10 digits, on letters from the NHS and their GP. For example, 943 476 5919",
    )
    address = forms.CharField(label="Address (optional)", required=False, widget=forms.Textarea)
    postcode = forms.CharField(label="Postcode (optional)", max_length=10, required=False)
    phone = forms.CharField(label="Phone number (optional)", max_length=40, required=False)
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    gender = forms.ChoiceField(
        label="Gender",
        choices=Gender.choices,
        widget=forms.RadioSelect,
        initial=Gender.NOT_KNOWN,
        error_messages={"required": "Select their gender, or 'Not known'"},
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity",
        choices=Ethnicity.choices,
        initial=Ethnicity.NOT_KNOWN,
        error_messages={"required": "Select their ethnicity, or 'Not known'"},
    )
    primary_support_reason = forms.ChoiceField(
        label="Primary support reason",
        choices=plain_choices(PrimarySupportReason),
        initial=PrimarySupportReason.NOT_KNOWN,
        error_messages={"required": "Select their primary support reason, or 'Not known'"},
    )
    communication_needs = forms.CharField(
        label="Communication needs (optional)",
        required=False,
        widget=forms.Textarea,
        help_text="For example an interpreter, British Sign Language, easy read, or more time",
    )
    safe_to_phone = _safety("Is it safe to phone them?", "phone them")
    safe_to_write = _safety("Is it safe to write to them?", "write to them")
    safe_to_leave_message = _safety(
        "Is it safe to leave a message for them?", "leave a message for them"
    )
    do_not_tell = forms.CharField(
        label="Who must not be told (optional)",
        required=False,
        widget=forms.Textarea,
        help_text="People who must not learn about the concern or the person's contact details",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "date_of_birth" not in data or "estimated_age" not in data:
            return data  # a part already has its own error
        if data["date_of_birth"] is not None:
            data["date_of_birth_estimated"] = False
        elif data["estimated_age"] is not None:
            data["date_of_birth"] = estimated_date_of_birth(data["estimated_age"])
            data["date_of_birth_estimated"] = True
        else:
            self.add_error(
                "date_of_birth",
                "Enter their date of birth, or their estimated age if you do not know it",
            )
        return data

    def values(self) -> dict[str, Any]:
        values = super().values()
        values.pop("estimated_age", None)
        if "date_of_birth_estimated" in getattr(self, "cleaned_data", {}):
            values["date_of_birth_estimated"] = self.cleaned_data["date_of_birth_estimated"]
        return values


class EditPersonForm(PersonForm):
    version = VersionField()

    @classmethod
    def initial_from(cls, person: Any) -> dict[str, Any]:
        """What the form shows to change ``person`` (also what a conflict merges with)."""
        initial = {name: getattr(person, name) for name in person.EDITABLE_FIELDS}
        if person.date_of_birth_estimated:
            initial.update(date_of_birth=None, estimated_age=person.age)
        return {**initial, "version": person.version}


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Name, date of birth, NHS number, postcode or address",
        help_text=(
            "For example, Margaret Example 1944, 943 476 5919, 14/3/1944 or Mill Lane NM1 2AB"
        ),
        required=False,
        max_length=200,
    )


class MergeForm(GovukForm):
    reason = forms.CharField(
        label="Why are these the same person?",
        help_text="For example, the same NHS number on a GP letter, or confirmed with the person",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Enter why these are the same person"},
    )
