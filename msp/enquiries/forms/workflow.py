"""Forms for the enquiry's workflow: desired outcomes, closing and reopening."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from msp.concerns.forms import ConcernForm
from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)
from msp.enquiries.forms._fields import free_text, radios
from msp.govuk.forms import GovukForm, VersionField
from msp.practice.checks import CHECKS
from msp.practice.models import GuardConfig
from msp.practice.reasons import is_empty_reason
from msp.words import plain_choices


class OutcomeForm(GovukForm):
    version = VersionField()
    text = free_text(
        "What does the person want to happen?",
        long=True,
        help_text="Write it in their own words, as they said it",
    )
    whose_words = radios("Whose words are these?", WhoseWords.choices)
    representative_name = free_text("Name of the representative", max_length=200)
    representative_relationship = free_text(
        "Their relationship to the person (optional)",
        max_length=200,
        help_text="For example, daughter, independent advocate, attorney",
    )

    conditionals = {
        "whose_words": {"representative": ("representative_name", "representative_relationship")}
    }


class ReviseOutcomeForm(OutcomeForm):
    reason = free_text(
        "Why has it changed, or what did you discuss?",
        long=True,
        help_text="For example, what the person said when you met them",
    )


class RateOutcomeForm(GovukForm):
    version = VersionField()
    achievement = radios("Was the outcome achieved?", plain_choices(Achievement))
    person_view = free_text(
        "What does the person say? (optional)",
        long=True,
        help_text="Their view of how far it was achieved, in their own words",
    )


CAPACITY_SUPPORT = [("yes", "Yes"), ("no", "No")]
OVERRIDE_PREFIX = "override_"


def override_name(check_id: str) -> str:
    """The form field for overriding a check: "M4.a" -> "override_M4_a"."""
    return OVERRIDE_PREFIX + check_id.replace(".", "_")


def check_question(check_id: str) -> str:
    """The question a check asks, to name it in words rather than by its id."""
    spec = CHECKS.get(check_id)
    return spec.question if spec is not None else "this legal duty"


def override_check_id(name: str) -> str:
    """ "override_M4_a" -> "M4.a" (check ids have one dot, before the letter)."""
    body = name.removeprefix(OVERRIDE_PREFIX)
    head, _, letter = body.rpartition("_")
    return f"{head}.{letter}"


class CloseForm(GovukForm):
    version = VersionField()
    reason = radios("Why is the case closing?", ClosureReason.choices)
    reason_details = free_text(
        "Details", long=True, help_text="Required if you chose another reason", max_length=5000
    )
    action_result = radios(
        "What did the enquiry find, and was action taken?", plain_choices(ActionResult)
    )
    risk_outcome = radios(
        "What happened to the risk?",
        RiskOutcome.choices,
        help_text="Required if a risk was identified and action taken",
    )
    msp_asked = radios("Was the person asked what outcomes they wanted?", plain_choices(MspAsked))
    experience_asked = radios(
        "Was the person asked about their experience of safeguarding?",
        ExperienceAsked.choices,
        help_text="The outcome survey's questions: did they feel listened to, involved and "
        "safer. Answers given at closure are recorded in the survey.",
    )
    lacked_capacity = radios(
        "Did the person lack capacity to make decisions about the enquiry?",
        plain_choices(LackedCapacity),
    )
    capacity_support = radios(
        "Were they supported by an advocate, family member or friend?", CAPACITY_SUPPORT
    )
    open_door = free_text(
        "How can the person come back to us if they want help later?",
        long=True,
        help_text="For example, who to phone and the number. This goes in the letter to "
        "the person.",
        max_length=5000,
    )

    conditionals = {"lacked_capacity": {"yes": ("capacity_support",)}}

    ENQUIRY_FIELDS = (
        "action_result",
        "risk_outcome",
        "msp_asked",
        "experience_asked",
        "lacked_capacity",
        "capacity_support",
    )

    def __init__(
        self,
        *args: Any,
        had_enquiry: bool = True,
        override_ids: Iterable[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not had_enquiry:
            for name in self.ENQUIRY_FIELDS:
                del self.fields[name]
        for check_id in override_ids:
            self.allow_override(check_id)

    @staticmethod
    def override_ids_in(data: Iterable[str]) -> list[str]:
        """The checks a submitted form overrides, from its field names."""
        return sorted(override_check_id(k) for k in data if k.startswith(OVERRIDE_PREFIX))

    def allow_override(self, check_id: str) -> None:
        """Add the box for a team manager or safeguarding lead to say why the
        case can close although the check ``check_id`` (a legal duty) fails."""
        name = override_name(check_id)
        if name not in self.fields:
            self.fields[name] = free_text(
                "Why can the case close without this?",
                long=True,
                help_text="Leave it empty if you will record what is missing instead. A reason "
                "is kept with the closure and counted in assurance reports.",
                max_length=5000,
            )

    def duty_overrides(self) -> dict[str, str]:
        """{check id: reason} for every override box on the form, blank or not:
        the closing gate refuses a blank reason for a duty that still fails."""
        data = getattr(self, "cleaned_data", {})
        return {
            override_check_id(name): str(data.get(name) or "")
            for name in self.fields
            if name.startswith(OVERRIDE_PREFIX)
        }

    def override_errors(self, error: ValidationError) -> ValidationError:
        """The gate's error about ``duty_overrides``, put next to the boxes
        left blank (or in the summary when it is about who may override)."""
        if not hasattr(error, "error_dict") or "duty_overrides" not in error.error_dict:
            return error
        messages = error.message_dict
        config = GuardConfig.current()
        unexplained = {
            check_id: reason
            for check_id, reason in self.duty_overrides().items()
            if is_empty_reason(reason, config)
        }
        moved: dict[str, Any] = {k: v for k, v in messages.items() if k != "duty_overrides"}
        if unexplained:
            for check_id, reason in unexplained.items():
                moved[override_name(check_id)] = (
                    f"Enter why the case can close without an answer to: {check_question(check_id)}"
                    if not reason.strip()
                    else f"Enter a real reason why the case can close without an answer to: "
                    f"{check_question(check_id)} ('{reason.strip()[:40]}' does not say why)"
                )
        else:
            moved.setdefault(NON_FIELD_ERRORS, []).extend(messages["duty_overrides"])
        return ValidationError(moved)

    def values(self) -> dict[str, Any]:
        values = {k: v for k, v in super().values().items() if not k.startswith(OVERRIDE_PREFIX)}
        support = values.get("capacity_support")
        values["capacity_support"] = {"yes": True, "no": False}.get(support or "")
        return values


class ReopenForm(ConcernForm):
    """Why the case is reopened, and the new concern it is reopened from."""

    version = VersionField()
    reason = free_text("Why are you reopening the case?", long=True)
