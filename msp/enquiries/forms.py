from typing import Any

from django import forms

from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)
from msp.govuk.forms import GovukForm, VersionField

# Required answers are checked by msp.enquiries.rules; the forms check shape only.


def _radios(label: str, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, required=False, **kwargs
    )


def _text(label: str, *, long: bool = False, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea if long else forms.TextInput
    return forms.CharField(label=label, required=False, widget=widget, **kwargs)


class OutcomeForm(GovukForm):
    version = VersionField()
    text = _text(
        "What does the person want to happen?",
        long=True,
        help_text="Write it in their own words, as they said it",
    )
    whose_words = _radios("Whose words are these?", WhoseWords.choices)
    representative_name = _text("Name of the representative", max_length=200)
    representative_relationship = _text(
        "Their relationship to the person (optional)",
        max_length=200,
        help_text="For example, daughter, independent advocate, attorney",
    )

    conditionals = {
        "whose_words": {"representative": ("representative_name", "representative_relationship")}
    }


class ReviseOutcomeForm(OutcomeForm):
    reason = _text(
        "Why has it changed, or what did you discuss?",
        long=True,
        help_text="For example, what the person said when you met them",
    )


class RateOutcomeForm(GovukForm):
    version = VersionField()
    achievement = _radios("Was the outcome achieved?", Achievement.choices)
    person_view = _text(
        "What does the person say? (optional)",
        long=True,
        help_text="Their view of how far it was achieved, in their own words",
    )


CAPACITY_SUPPORT = [("yes", "Yes"), ("no", "No")]


class CloseForm(GovukForm):
    version = VersionField()
    reason = _radios("Why is the case closing?", ClosureReason.choices)
    reason_details = _text(
        "Details", long=True, help_text="Required if you chose another reason", max_length=5000
    )
    action_result = _radios(
        "What did the enquiry find, and was action taken?", ActionResult.choices
    )
    risk_outcome = _radios(
        "What happened to the risk?",
        RiskOutcome.choices,
        help_text="Required if a risk was identified and action taken",
    )
    msp_asked = _radios("Was the person asked what outcomes they wanted?", MspAsked.choices)
    lacked_capacity = _radios(
        "Did the person lack capacity to make decisions about the enquiry?",
        LackedCapacity.choices,
    )
    capacity_support = _radios(
        "Were they supported by an advocate, family member or friend?", CAPACITY_SUPPORT
    )

    conditionals = {"lacked_capacity": {"yes": ("capacity_support",)}}

    ENQUIRY_FIELDS = (
        "action_result",
        "risk_outcome",
        "msp_asked",
        "lacked_capacity",
        "capacity_support",
    )

    def __init__(self, *args: Any, had_enquiry: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not had_enquiry:
            for name in self.ENQUIRY_FIELDS:
                del self.fields[name]

    def values(self) -> dict[str, Any]:
        values = super().values()
        support = values.get("capacity_support")
        values["capacity_support"] = {"yes": True, "no": False}.get(support or "")
        return values


class ReopenForm(GovukForm):
    version = VersionField()
    reason = _text("Why are you reopening the case?", long=True)
