from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from msp.accounts.models import User
from msp.cases.models import Case
from msp.concerns.codes import (
    SOURCE_OF_RISK_HINTS,
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    SourceOfRisk,
    YesNoUnknown,
)
from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm, VersionField
from msp.words import plain_choices

# Required answers are checked by msp.concerns.rules, so every message comes
# from one place; the form only checks the shape of what was typed.


def _radios(label: str, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=False, **kwargs
    )


def _checkboxes(label: str, choices: Any, **kwargs: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, required=False, **kwargs
    )


def _text(label: str, *, long: bool = False, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea if long else forms.TextInput
    return forms.CharField(label=label, required=False, widget=widget, **kwargs)


REFERRER_WISHES = [
    ("anonymous", "They want to stay anonymous"),
    ("confidential", "They want who they are kept confidential"),
]


class ConcernForm(GovukForm):
    raised_on = GovukDateField(
        noun="the date the concern was raised", help_text="For example, 27 3 2026"
    )
    raised_via = _radios("Who raised the concern?", RaisedVia.choices)
    referrer_wishes = _checkboxes(
        "Does the person who raised it want to stay anonymous or confidential?",
        REFERRER_WISHES,
        help_text="Select all that apply",
    )
    referrer_name = _text("Their name", max_length=200)
    referrer_job_title = _text("Their role or job title (optional)", max_length=200)
    referrer_organisation = _text("Their organisation (optional)", max_length=200)
    referrer_contact = _text(
        "How to contact them (optional)",
        max_length=300,
        help_text="A phone number or email address",
    )
    referrer_relationship = _text(
        "Their relationship to the person (optional)",
        max_length=200,
        help_text="For example, neighbour, GP, home care worker",
    )
    what_happened = _text(
        "What happened?",
        long=True,
        help_text="What was seen or heard, when and where, and who was involved",
    )
    abuse_types = _checkboxes(
        "What types of abuse or neglect?",
        plain_choices(AbuseType),
        help_text="Select all that apply",
    )
    location_of_risk = _radios("Where did it happen?", plain_choices(LocationOfRisk))
    sources_of_risk = _checkboxes(
        "Who is the source of risk?", plain_choices(SourceOfRisk), help_text="Select all that apply"
    )
    immediate_safety_actions = _text(
        "What has been done to keep the person safe now? (optional)", long=True
    )
    person_aware = _radios("Does the person know about the concern?", YesNoUnknown.choices)
    person_wishes = _text(
        "What does the person want to happen, if known? (optional)",
        long=True,
        help_text="In their own words if you can",
    )

    item_hints = {
        "raised_via": {
            RaisedVia.SELF: "You do not need to give their name again: it comes from their record",
        },
        "referrer_wishes": {
            "anonymous": "We will not record their name or contact details",
            "confidential": "We will not tell the person or the source of risk who raised it",
        },
        "sources_of_risk": {str(k): v for k, v in SOURCE_OF_RISK_HINTS.items()},
    }

    def values(self) -> dict[str, Any]:
        values = super().values()
        wishes = values.pop("referrer_wishes", [])
        values["referrer_anonymous"] = "anonymous" in wishes
        values["referrer_confidential"] = "confidential" in wishes
        return values

    @staticmethod
    def initial_for(user: User, case: Case | None = None) -> dict[str, Any]:
        """What a concern form starts with when a member of staff fills it in:
        raised today, by them, for the council. The one helper for raising a
        concern, adding a repeat concern to an open case and reopening a case
        (with ``case``, whose version guards against saving twice)."""
        initial: dict[str, Any] = {
            "raised_on": timezone.localdate(),
            "raised_via": RaisedVia.STAFF,
            "referrer_name": user.display_name,
            "referrer_job_title": user.job_title,
            "referrer_organisation": settings.COUNCIL_NAME,
        }
        if case is not None:
            initial["version"] = case.version
        return initial


class AddConcernForm(ConcernForm):
    """A repeat concern about the person, added to their open case."""

    version = VersionField()


class DecisionForm(GovukForm):
    version = VersionField()
    has_care_and_support_needs = _radios(
        "Does the person have needs for care and support?",
        YesNoUnknown.choices,
        help_text="Whether or not the council is meeting any of those needs",
    )
    care_and_support_needs_evidence = _text("Evidence about care and support needs", long=True)
    experiencing_or_at_risk = _radios(
        "Is the person experiencing, or at risk of, abuse or neglect?", YesNoUnknown.choices
    )
    experiencing_or_at_risk_evidence = _text("Evidence about abuse or neglect", long=True)
    unable_to_protect_self = _radios(
        "As a result of those needs, is the person unable to protect themselves from the "
        "abuse or neglect, or the risk of it?",
        YesNoUnknown.choices,
    )
    unable_to_protect_self_evidence = _text(
        "Evidence about whether they can protect themselves", long=True
    )
    result = _radios(
        "What happens next?",
        DecisionResult.choices,
        help_text="If the answer to all three questions is yes, the council must make a "
        "section 42 enquiry",
    )
    proportionate_response = _radios(
        "What was done instead of an enquiry?", ProportionateResponse.choices
    )
    response_details = _text("What was done, and when", long=True)
    decided_on = GovukDateField(
        noun="the date of the decision",
        required=False,
        help_text="If the decision was made on an earlier day, for example at a meeting "
        "yesterday. Leave blank for today.",
    )

    conditionals = {"result": {"none": ("proportionate_response", "response_details")}}
