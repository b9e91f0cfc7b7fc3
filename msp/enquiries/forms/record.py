"""Forms for capacity, best interests, advocacy, contacts, involvement and notes.
Field names are the model's, so the action functions' errors land next to
the right field, and each field's id is its name (the guard links to them)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from msp.concerns.codes import YesNoUnknown
from msp.enquiries.forms._fields import (
    RecordForm,
    checkboxes,
    flag,
    free_text,
    optional_version,
    radios,
    select,
)
from msp.enquiries.models import BestInterestsDecision, CapacityAssessment
from msp.enquiries.models.advocacy import AdvocacyResult
from msp.enquiries.models.best_interests import ConsulteeRole
from msp.enquiries.models.contacts import (
    CoercionIndicator,
    ContactMethod,
    ContactOutcome,
    SeenAlone,
)
from msp.enquiries.models.involvement import PersonTold, ReferrerPart
from msp.enquiries.models.restrictions import RestrictionBasis, RestrictionKind
from msp.enquiries.record_rules import long_date
from msp.govuk.fields import GovukDateField

ABILITY = [("able", "Able"), ("unable", "Not able")]

# (field, the question, the evidence label)
FUNCTIONAL_TEST = (
    (
        "understand",
        "Is the person able to understand the information relevant to the decision?",
        "Evidence about understanding",
    ),
    ("retain", "Is the person able to retain that information?", "Evidence about retaining"),
    (
        "use_or_weigh",
        "Is the person able to use or weigh that information as part of deciding?",
        "Evidence about using or weighing",
    ),
    (
        "communicate",
        "Is the person able to communicate their decision, by any means?",
        "Evidence about communicating",
    ),
)


class CapacityForm(RecordForm):
    decision = free_text(
        "What decision does the person need to make?",
        long=True,
        help_text="One decision, at this time. For example, whether to let her son manage "
        "her bank account",
    )
    assessed_on = GovukDateField(noun="the date of the assessment", required=False)
    assessor_name = free_text("Who assessed capacity?", max_length=200)
    support_given = free_text(
        "What was done to help the person decide?",
        long=True,
        help_text="For example, the time and place, information in an easy-read form, an "
        "interpreter, or someone they trust being there",
    )
    understand = radios(FUNCTIONAL_TEST[0][1], ABILITY)
    understand_evidence = free_text(FUNCTIONAL_TEST[0][2], long=True)
    retain = radios(FUNCTIONAL_TEST[1][1], ABILITY)
    retain_evidence = free_text(FUNCTIONAL_TEST[1][2], long=True)
    use_or_weigh = radios(FUNCTIONAL_TEST[2][1], ABILITY)
    use_or_weigh_evidence = free_text(FUNCTIONAL_TEST[2][2], long=True)
    communicate = radios(FUNCTIONAL_TEST[3][1], ABILITY)
    communicate_evidence = free_text(FUNCTIONAL_TEST[3][2], long=True)
    impairment = radios(
        "Does the person have an impairment of, or a disturbance in the functioning of, the "
        "mind or brain?",
        YesNoUnknown.choices,
        help_text="It may be temporary or lasting",
    )
    impairment_evidence = free_text(
        "Evidence that any inability is because of that impairment or disturbance",
        long=True,
        help_text="Needed if the person is not able to do any part of the test above",
    )
    executive_function = free_text(
        "Can the person carry out what they decide?",
        long=True,
        help_text="Whether they can put the decision into practice when it matters, not only "
        "talk it through (executive function)",
    )
    reassess_on = GovukDateField(noun="the date to reassess", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reassess_on"].label = "Date to reassess (optional)"

    @property
    def functional_test(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[part], self[f"{part}_evidence"]) for part, _, _ in FUNCTIONAL_TEST]


def capacity_label(assessment: CapacityAssessment) -> str:
    return (
        f"Capacity to decide: {assessment.decision} (assessed {long_date(assessment.assessed_on)})"
    )


CONSULTEE_ROWS = 4
CONSULTEE_PARTS = ("name", "role", "views")
CONSULTED_MESSAGE = "Enter the name, role and views of each person consulted"


class BestInterestsForm(RecordForm):
    capacity_assessment = select(
        "Which capacity assessment found the person cannot make this decision?",
        invalid="Choose a capacity assessment from this case",
        help_text="Assessments on this case that found the person lacks capacity",
    )
    decision = free_text("What decision is being made in the person's best interests?", long=True)
    past_wishes = free_text("The person's past wishes and feelings", long=True)
    present_wishes = free_text("The person's present wishes and feelings", long=True)
    beliefs_and_values = free_text(
        "Beliefs and values that would influence their decision (optional)", long=True
    )
    less_restrictive_options = free_text("Less restrictive options considered", long=True)
    outcome = free_text("What was decided", long=True)
    reasons = free_text("Why this is in the person's best interests", long=True)
    decision_maker = free_text("Name of the decision maker", max_length=200)
    decided_on = GovukDateField(noun="the date of the decision", required=False)

    def __init__(
        self, *args: Any, assessments: list[CapacityAssessment] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, CONSULTEE_ROWS + 1):
            self.fields[f"consultee_{row}_name"] = free_text("Name", max_length=200)
            self.fields[f"consultee_{row}_role"] = forms.ChoiceField(
                label="Role",
                choices=[("", "Choose their role"), *ConsulteeRole.choices],
                required=False,
            )
            self.fields[f"consultee_{row}_views"] = free_text("Their views", long=True)
        self.offer(
            "capacity_assessment",
            [a for a in assessments or [] if a.lacks_capacity],
            capacity_label,
            blank="Not linked to an assessment",
        )

    @property
    def has_assessments(self) -> bool:
        return len(self.fields["capacity_assessment"].choices) > 1  # type: ignore[attr-defined]

    @property
    def consultee_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (row, [self[f"consultee_{row}_{part}"] for part in CONSULTEE_PARTS])
            for row in range(1, CONSULTEE_ROWS + 1)
        ]

    def _rows(self) -> list[dict[str, str]]:
        data = getattr(self, "cleaned_data", {})
        rows = []
        for row in range(1, CONSULTEE_ROWS + 1):
            values = {
                p: str(data.get(f"consultee_{row}_{p}") or "").strip() for p in CONSULTEE_PARTS
            }
            rows.append(values)
        return rows

    def values(self) -> dict[str, Any]:
        values = {k: v for k, v in super().values().items() if not k.startswith("consultee_")}
        values["consulted"] = [r for r in self._rows() if any(r.values())]
        values["capacity_assessment"] = self.offered(
            "capacity_assessment", values.get("capacity_assessment")
        )
        return values

    def add_action_errors(self, error: ValidationError) -> None:
        """ "Who was consulted" is four rows of fields: put its error next to
        the first part missing from the first incomplete row."""
        if hasattr(error, "error_dict") and "consulted" in error.error_dict:
            messages = error.message_dict
            target = "consultee_1_name"
            for row, values in enumerate(self._rows(), start=1):
                if any(values.values()) and not all(values.values()):
                    part = next(p for p in CONSULTEE_PARTS if not values[p])
                    target = f"consultee_{row}_{part}"
                    break
            moved = {k: v for k, v in messages.items() if k != "consulted"}
            moved[target] = messages["consulted"]
            error = ValidationError(moved)
        super().add_action_errors(error)


DIFFICULTY_LABELS = {
    "difficulty_understanding": "Understanding the relevant information",
    "difficulty_retaining": "Retaining the information",
    "difficulty_using_or_weighing": "Using or weighing the information",
    "difficulty_communicating": "Communicating their views, wishes and feelings",
}

# A reason is asked for under each result that is not an advocate
REASONS = {
    AdvocacyResult.APPROPRIATE_INDIVIDUAL: "How will that person support them?",
    AdvocacyResult.NOT_REQUIRED: "Why is no advocate needed?",
    AdvocacyResult.DECLINED: "Why did the person not want an advocate?",
}


def reason_field(result: str) -> str:
    return f"reason_{result}"


class AdvocacyForm(RecordForm):
    assessed_on = GovukDateField(noun="the date of the assessment", required=False)
    difficulty_understanding = forms.BooleanField(
        label=DIFFICULTY_LABELS["difficulty_understanding"], required=False
    )
    difficulty_retaining = forms.BooleanField(
        label=DIFFICULTY_LABELS["difficulty_retaining"], required=False
    )
    difficulty_using_or_weighing = forms.BooleanField(
        label=DIFFICULTY_LABELS["difficulty_using_or_weighing"], required=False
    )
    difficulty_communicating = forms.BooleanField(
        label=DIFFICULTY_LABELS["difficulty_communicating"], required=False
    )
    appropriate_individual = radios(
        "Is there an appropriate person to support them?",
        YesNoUnknown.choices,
        help_text="Someone who can support and represent them, who is not paid to care for "
        "them, and whom the person agrees to",
    )
    appropriate_individual_name = free_text("Their name", max_length=200)
    individual_implicated = flag(
        "Is this person involved in the concern?",
        "They are implicated in the abuse or neglect",
        help_text="Someone implicated cannot be the appropriate person",
    )
    result = radios("What is the result?", AdvocacyResult.choices)
    advocate_name = free_text("Name of the advocate", max_length=200)
    advocate_arranged_on = GovukDateField(noun="the date the advocate was arranged", required=False)
    reason_appropriate_individual = free_text(
        REASONS[AdvocacyResult.APPROPRIATE_INDIVIDUAL], long=True
    )
    reason_not_required = free_text(REASONS[AdvocacyResult.NOT_REQUIRED], long=True)
    reason_declined = free_text(REASONS[AdvocacyResult.DECLINED], long=True)
    imca_instructed = flag(
        "Independent Mental Capacity Advocate (IMCA)",
        "An IMCA was instructed",
        help_text="For example, for a serious medical treatment or accommodation decision",
    )
    imca_details = free_text("Who the IMCA is, and when they were instructed", long=True)

    conditionals = {
        "appropriate_individual": {"yes": ("appropriate_individual_name", "individual_implicated")},
        "result": {
            str(AdvocacyResult.ADVOCATE_ARRANGED): ("advocate_name", "advocate_arranged_on"),
            **{str(result): (reason_field(result),) for result in REASONS},
        },
        "imca_instructed": {"yes": ("imca_details",)},
    }

    @property
    def difficulties(self) -> list[forms.BoundField]:
        return [self[name] for name in DIFFICULTY_LABELS]

    @property
    def difficulties_error(self) -> str:
        for bound in self.difficulties:
            if bound.errors:
                return str(bound.errors[0])
        return ""

    def values(self) -> dict[str, Any]:
        values = {k: v for k, v in super().values().items() if not k.startswith("reason_")}
        self.flag_values(values, ("individual_implicated", "imca_instructed"))
        data = getattr(self, "cleaned_data", {})
        result = values.get("result") or ""
        values["reason"] = data.get(reason_field(result), "") if result in REASONS else ""
        return values

    def add_action_errors(self, error: ValidationError) -> None:
        """The reason is asked under the result chosen: its error goes there."""
        result = str(self.data.get("result", ""))
        if hasattr(error, "error_dict") and "reason" in error.error_dict and result in REASONS:
            messages = error.message_dict
            moved = {k: v for k, v in messages.items() if k != "reason"}
            moved[reason_field(result)] = messages["reason"]
            error = ValidationError(moved)
        super().add_action_errors(error)

    def add_rule_errors(self, errors: Any) -> None:
        result = str(self.data.get("result", ""))
        if "reason" in errors and result in REASONS:
            errors = {**errors, reason_field(result): errors["reason"]}
        super().add_rule_errors(errors)


class ContactForm(RecordForm):
    contacted_on = GovukDateField(noun="the date of the contact", required=False)
    method = radios("How did you contact the person, or try to?", ContactMethod.choices)
    outcome = radios("What happened?", ContactOutcome.choices)
    who_was_present = free_text(
        "Who was there?",
        long=True,
        help_text="Everyone present or listening, and their relationship to the person. Write "
        "'no one else' if the person was alone",
    )
    seen_alone = radios("Was the person seen or spoken to alone?", SeenAlone.choices)
    coercion_indicators = checkboxes(
        "Did you see any signs of coercion or control?",
        CoercionIndicator.choices,
        help_text="Select all that apply",
    )
    coercion_conclusion = free_text(
        "What did you conclude about coercion, control or undue influence?",
        long=True,
        help_text="What you saw and heard, and what it means for the person's choices",
    )
    notes = free_text("Notes (optional)", long=True)


def best_interests_label(decision: BestInterestsDecision) -> str:
    return f"{decision.decision} (decided {long_date(decision.decided_on)})"


class RestrictionForm(RecordForm):
    kind = radios("What kind of restriction or decision is it?", RestrictionKind.choices)
    what = free_text(
        "What was restricted or decided for the person?",
        long=True,
        help_text="For example, that her son may not visit the care home, or that her "
        "daughter manages her bank account",
    )
    decided_by = free_text("Who decided?", max_length=200, help_text="Their name and role")
    decided_on = GovukDateField(noun="the date of the decision", required=False)
    basis = radios("On what basis?", RestrictionBasis.choices)
    basis_details = free_text(
        "The court order, section of the Act or legal power, or how the person agreed",
        long=True,
        help_text="Required for a court order, the Mental Health Act or another legal power",
    )
    capacity_assessment = select(
        "Which capacity assessment found the person cannot make this decision?",
        invalid="Choose a capacity assessment from this case",
    )
    best_interests_decision = select(
        "Which best-interests decision is it?",
        invalid="Choose a best-interests decision from this case",
    )
    review_on = GovukDateField(
        noun="the date of the review", required=False, help_text="Optional. For example, 1 6 2026"
    )

    def __init__(
        self,
        *args: Any,
        assessments: list[CapacityAssessment] | None = None,
        decisions: list[BestInterestsDecision] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.offer(
            "capacity_assessment",
            [a for a in assessments or [] if a.lacks_capacity],
            capacity_label,
            blank="Not linked to an assessment",
        )
        self.offer(
            "best_interests_decision",
            decisions or [],
            best_interests_label,
            blank="Not linked to a decision",
        )

    def values(self) -> dict[str, Any]:
        values = super().values()
        for name in ("capacity_assessment", "best_interests_decision"):
            values[name] = self.offered(name, values.get(name))
        return values


class InvolvementForm(RecordForm):
    version = optional_version()
    person_told = radios(
        "Does the person know a concern was raised about them, and why?",
        PersonTold.choices,
    )
    not_told_reason = free_text("Why would telling them increase the risk?", long=True)
    person_involvement = free_text(
        "How did the person take part in the enquiry?",
        long=True,
        help_text="For example, who they chose to be at meetings, and what they said",
    )
    outcomes_not_asked_reason = free_text(
        "If the person has not been asked what they want, why not?", long=True
    )
    options_explained = free_text(
        "What options were explained to the person, and what would each mean for them?",
        long=True,
    )
    reasons_for_declining = free_text(
        "If the person does not want support, why not?",
        long=True,
        help_text="In their words: for example, distrust of services, fear of what might "
        "happen, or not wanting things to change",
    )
    referrer_part = checkboxes(
        "What part does the person who raised the concern play in the enquiry or plan?",
        ReferrerPart.choices,
        help_text="Select all that apply",
    )
    referrer_part_details = free_text(
        "More about their part (optional)",
        long=True,
        help_text="For example, what information they gave or which action they own",
    )
    pattern_review = free_text(
        "Review of the pattern of concerns, and the multi-agency risk meeting",
        long=True,
        help_text="When there have been several concerns about the person",
    )

    conditionals = {"person_told": {PersonTold.NO_RISK: ("not_told_reason",)}}


class NoteForm(RecordForm):
    text = free_text("Note", long=True)
    happened_on = GovukDateField(
        noun="the date it happened",
        required=False,
        help_text="If what the note describes happened on an earlier day. Leave blank for today.",
    )


__all__ = [
    "AdvocacyForm",
    "BestInterestsForm",
    "CapacityForm",
    "ContactForm",
    "InvolvementForm",
    "NoteForm",
    "RestrictionForm",
    "capacity_label",
]
