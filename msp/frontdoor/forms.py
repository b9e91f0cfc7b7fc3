"""The questions of the public report form, one form per page, and the staff
forms that take a report into the work. Size limits come from msp.limits
through GovukForm; every message is plain English."""

from typing import Any

from django import forms

from msp.concerns.codes import AbuseType, LocationOfRisk, SourceOfRisk, YesNoUnknown
from msp.frontdoor.models import ReferrerKind
from msp.govuk.forms import GovukForm
from msp.limits import NAME, SHORT_TEXT
from msp.words import plain_choices


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class WhoForm(GovukForm):
    heading = "Who are you?"
    referrer_kind = forms.ChoiceField(
        label=heading,
        choices=ReferrerKind.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Select who you are"),
    )


class OrganisationForm(GovukForm):
    heading = "Where do you work?"
    referrer_organisation = forms.CharField(
        label="Name of your organisation",
        max_length=SHORT_TEXT,
        error_messages=_required("Enter the name of your organisation"),
    )
    referrer_role = forms.CharField(
        label="Your job title (optional)", max_length=SHORT_TEXT, required=False
    )


IDENTITY = [
    ("named", "You can say who I am"),
    ("confidential", "Keep who I am from the adult and the person causing harm"),
    ("anonymous", "I want to stay anonymous"),
]


class IdentityForm(GovukForm):
    heading = "Can we say who made this report?"
    identity = forms.ChoiceField(
        label=heading,
        choices=IDENTITY,
        widget=forms.RadioSelect,
        error_messages=_required("Select whether we can say who made this report"),
    )
    item_hints = {
        "identity": {
            "confidential": "Staff who need to will know who you are, but will not tell them",
            "anonymous": (
                "We will not ask your name or how to contact you, so we cannot call you back"
            ),
        }
    }


class AdultForm(GovukForm):
    heading = "Who is the adult you are worried about?"
    adult_name = forms.CharField(
        label="Their name",
        max_length=SHORT_TEXT,
        help_text="If you do not know their name, describe them",
        error_messages=_required("Enter the adult's name, or describe them"),
    )
    adult_age = forms.CharField(
        label="Their age (optional)",
        max_length=40,
        required=False,
        help_text="A guess is fine, for example 'about 80'",
    )
    adult_address = forms.CharField(
        label="Their address or the area they live in (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Include the postcode if you know it",
    )

    def __init__(self, *args: Any, self_report: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self_report:
            self.heading = "About you"
            self.fields["adult_name"].label = "Your name"
            self.fields["adult_name"].help_text = ""
            self.fields["adult_name"].error_messages["required"] = "Enter your name"
            self.fields["adult_age"].label = "Your age (optional)"
            self.fields["adult_address"].label = "Your address or the area you live in (optional)"


class WhatForm(GovukForm):
    heading = "What happened?"
    what_happened = forms.CharField(
        label=heading,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Tell us what you saw or heard, when it happened and who was involved",
        error_messages=_required("Tell us what happened"),
    )


class WhereForm(GovukForm):
    heading = "Where did it happen?"
    where = forms.CharField(
        label=heading,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, at their home, at a care home (give its name), or in the street",
        error_messages=_required("Tell us where it happened"),
    )


class KnowsForm(GovukForm):
    heading = "Does the adult know you are telling us?"
    adult_knows = forms.ChoiceField(
        label=heading,
        choices=[
            (YesNoUnknown.YES, "Yes"),
            (YesNoUnknown.NO, "No"),
            (YesNoUnknown.UNKNOWN, "I do not know"),
        ],
        widget=forms.RadioSelect,
        error_messages=_required("Select whether the adult knows you are telling us"),
    )


class WantsForm(GovukForm):
    heading = "What does the adult want to happen? (optional)"
    adult_wants = forms.CharField(
        label=heading,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="In their own words if you can. Leave this blank if you do not know",
    )

    def __init__(self, *args: Any, self_report: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self_report:
            self.heading = "What would you like to happen? (optional)"
            self.fields["adult_wants"].label = self.heading
            self.fields["adult_wants"].help_text = ""


class ContactForm(GovukForm):
    heading = "How can we contact you?"
    referrer_name = forms.CharField(
        label="Your name", max_length=NAME * 2, error_messages=_required("Enter your name")
    )
    referrer_email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        help_text="We will send your reference to this address",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    referrer_phone = forms.CharField(label="Phone number (optional)", required=False, max_length=40)

    def __init__(self, *args: Any, self_report: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self_report:  # we already have their name
            del self.fields["referrer_name"]


class SendForm(GovukForm):
    """The check-your-answers page's form: only the honeypot, which people
    never see (it is hidden) and simple bots fill in."""

    website = forms.CharField(label="Leave this blank", required=False, max_length=SHORT_TEXT)


# Hearing back ---------------------------------------------------------------------


class StatusForm(GovukForm):
    reference = forms.CharField(
        label="Reference",
        max_length=40,
        help_text="For example, R-7KQX-3MFA",
        error_messages=_required("Enter your reference"),
    )
    secret = forms.CharField(
        label="Secret",
        max_length=60,
        help_text="The 16 letters and numbers we showed you with your reference",
        error_messages=_required("Enter your secret"),
    )


class EscalateForm(GovukForm):
    reason = forms.CharField(
        label="Why do you think your report was not dealt with?",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Tell us why you think your report was not dealt with"),
    )


# Staff ---------------------------------------------------------------------------


class TriageForm(GovukForm):
    """What the triager adds to a report to make it a concern."""

    abuse_types = forms.MultipleChoiceField(
        label="What types of abuse or neglect?",
        choices=plain_choices(AbuseType),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply",
    )
    location_of_risk = forms.ChoiceField(
        label="Where did it happen?",
        choices=plain_choices(LocationOfRisk),
        widget=forms.RadioSelect,
        required=False,
    )
    sources_of_risk = forms.MultipleChoiceField(
        label="Who is the source of risk?",
        choices=plain_choices(SourceOfRisk),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply",
    )


class ShareFeedbackForm(GovukForm):
    text = forms.CharField(
        label="What do you want to tell the person who made the report?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "They will read this on the report's status page. Share only what the adult "
            "agreed to, and nothing that identifies anyone else"
        ),
        error_messages=_required("Enter what to tell the person who made the report"),
    )


class ResolveForm(GovukForm):
    response = forms.CharField(
        label="What was done about the escalation?",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Enter what was done about the escalation"),
    )
