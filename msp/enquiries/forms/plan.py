"""Forms for the safeguarding plan and its actions, self-neglect (with clutter
ratings) and the person who raised the concern."""

from typing import Any

from django import forms

from msp.concerns.models import Concern
from msp.enquiries.forms._fields import (
    RecordForm,
    flag,
    free_text,
    optional_version,
    radios,
    select,
)
from msp.enquiries.models import DesiredOutcome
from msp.enquiries.models.plan import ActionStatus, OwnerKind
from msp.enquiries.record_rules import long_date
from msp.govuk.fields import GovukDateField
from msp.govuk.forms import VersionField


class PlanForm(RecordForm):
    version = optional_version()
    person_involvement = free_text(
        "How was the person involved in making the plan?",
        long=True,
        help_text="For example, where you met, who they wanted there, and what they asked for",
    )
    pace = free_text(
        "What pace did the person choose? (optional)",
        long=True,
        help_text="How quickly they want things to happen, in their words if you can",
    )
    next_review_on = GovukDateField(noun="the date of the next review", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["next_review_on"].label = "Date of the next review (optional)"


def outcome_label(number: int, outcome: DesiredOutcome) -> str:
    return f"Desired outcome {number}: {outcome.current.text}"


class PlanActionForm(RecordForm):
    description = free_text("What will be done?", long=True)
    outcome = select(
        "Which desired outcome does this help with?",
        invalid="Choose one of the desired outcomes for this case",
        help_text="What the person wants to happen, in their words",
    )
    owner_kind = radios("Who will do it?", OwnerKind.choices)
    owner_name = free_text(
        "Their name",
        max_length=200,
        help_text="And their organisation, if they are from another agency",
    )
    due_on = GovukDateField(noun="the date the action is due", required=False)
    status = radios("How is it going?", ActionStatus.choices)

    def __init__(
        self, *args: Any, outcomes: list[DesiredOutcome] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        numbered = {o.pk: n for n, o in enumerate(outcomes or [], start=1)}
        self.offer(
            "outcome",
            outcomes or [],
            lambda o: outcome_label(numbered[o.pk], o),
            blank="Not linked to a desired outcome",
        )

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["outcome"] = self.offered("outcome", values.get("outcome"))
        return values


class PlanActionChangeForm(RecordForm):
    version = VersionField()
    status = radios("How is it going?", ActionStatus.choices)
    due_on = GovukDateField(noun="the date the action is due", required=False)


class SelfNeglectForm(RecordForm):
    version = optional_version()
    background_and_history = free_text(
        "What is the person's background and history?",
        long=True,
        help_text="What has happened in their life that may explain how they live now: loss, "
        "trauma, health, and what has helped before",
    )
    trusted_person = free_text(
        "Is there someone the person trusts? (optional)",
        max_length=200,
        help_text="Someone who could help you build a relationship with them",
    )


class ClutterForm(RecordForm):
    room = free_text("Which room?", max_length=100)
    rating = forms.IntegerField(
        label="Clutter image rating",
        required=False,
        help_text="A number from 1 (no clutter) to 9 (the most cluttered), matching the "
        "clutter image rating pictures for this room",
        error_messages={"invalid": "Enter a rating from 1 to 9"},
    )
    rated_on = GovukDateField(noun="the date of the rating", required=False)


def concern_label(concern: Concern) -> str:
    return f"The concern raised on {long_date(concern.raised_on)} by {concern.referrer_display}"


class FeedbackForm(RecordForm):
    concern = forms.ChoiceField(
        label="Which concern is the feedback about?",
        choices=[],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Choose the concern the feedback is about"},
    )
    given_on = GovukDateField(noun="the date of the feedback", required=False)
    what_was_said = free_text(
        "What was the person who raised the concern told?",
        long=True,
        help_text="Share only what the person has agreed to, or what others need to know to "
        "keep people safe",
    )
    limited_by_consent = flag(
        "Consent",
        "Less was shared because the person did not consent",
    )

    def __init__(self, *args: Any, concerns: list[Concern] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.concerns = concerns or []
        self.offer("concern", self.concerns, concern_label)
        if len(self.concerns) == 1:
            # One concern: nothing to choose
            del self.fields["concern"]

    def values(self) -> dict[str, Any]:
        values = super().values()
        if len(self.concerns) == 1:
            values["concern"] = self.concerns[0]
        else:
            values["concern"] = self.offered("concern", values.get("concern"))
        self.flag_values(values, ("limited_by_consent",))
        return values


class EscalationForm(RecordForm):
    raised_on = GovukDateField(noun="the date of the escalation", required=False)
    details = free_text(
        "What does the person who raised the concern say has not been dealt with?", long=True
    )


class ResolveEscalationForm(RecordForm):
    version = VersionField()
    resolution = free_text("How was the escalation resolved?", long=True)
    resolved_on = GovukDateField(noun="the date the escalation was resolved", required=False)
