"""The two steps of recording a survey: who answered and how, then the answers.
The forms check shape only; ``msp.survey.rules`` checks the answers."""

from collections.abc import Sequence
from typing import Any

from django import forms

from msp.govuk.fields import GovukDateField
from msp.govuk.forms import GovukForm
from msp.survey.codes import ACHIEVED_QUESTION, ASKED_QUESTION, Method, Respondent
from msp.survey.models import SurveyQuestion
from msp.survey.rules import Answers

COMMENT_LIMIT = 5000


class ChoiceForm(GovukForm):
    """Step one, sent by GET so the answers page can be worded for the respondent."""

    respondent = forms.ChoiceField(
        label="Who answered the survey?",
        choices=Respondent.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    method = forms.ChoiceField(
        label="How was the survey done?",
        choices=Method.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    item_hints = {
        "respondent": {
            Respondent.ADULT: "The adult the safeguarding enquiry was about",
            Respondent.REPRESENTATIVE: (
                "Someone speaking for them: a family member, friend, carer or advocate"
            ),
        },
        "method": {
            Method.LEAD_AT_CLOSURE: (
                "Questions 1 and 2 are taken from the closure record, so they are not asked again"
            ),
            Method.INDEPENDENT: (
                "Within 8 weeks of closure, by someone who did not work on the case. "
                "All 7 questions are asked"
            ),
        },
    }


class AnswersForm(GovukForm):
    """Step two: the date, and an answer and a comment for each question asked."""

    def __init__(
        self, *args: Any, questions: Sequence[SurveyQuestion], respondent: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        if respondent == Respondent.REPRESENTATIVE:
            self.fields["representative_role"] = forms.CharField(
                label="Who is the representative?",
                help_text="Their relationship to the person, for example daughter or "
                "independent advocate",
                required=False,
                max_length=200,
                error_messages={
                    "max_length": "Who the representative is must be 200 characters or fewer"
                },
            )
        self.fields["asked_on"] = GovukDateField(
            noun="the date they were asked",
            help_text="For example, 27 3 2026",
            required=False,
        )
        numbers = {q.number for q in self.questions}
        for question in self.questions:
            n = question.number
            conditional = n == ACHIEVED_QUESTION and ASKED_QUESTION in numbers
            self.fields[f"q{n}"] = forms.ChoiceField(
                label=f"{n}. {question.text_for(respondent)}",
                choices=question.choices_for(respondent),
                widget=forms.RadioSelect,
                required=False,
                help_text=(
                    f"Only if they were asked and outcomes were expressed (question "
                    f"{ASKED_QUESTION})"
                    if conditional
                    else ""
                ),
            )
            self.fields[f"q{n}_comment"] = forms.CharField(
                label=f"What did they say about question {n}? (optional)",
                help_text="In their own words",
                widget=forms.Textarea,
                required=False,
                max_length=COMMENT_LIMIT,
                error_messages={
                    "max_length": f"What they said about question {n} must be "
                    f"{COMMENT_LIMIT} characters or fewer"
                },
            )

    def question_fields(self) -> list[forms.BoundField]:
        """The answer and comment fields, in question order."""
        return [self[name] for name in self.fields if name.startswith("q")]

    def answers(self) -> Answers:
        values = self.values()
        return {
            q.number: (
                str(values.get(f"q{q.number}") or ""),
                str(values.get(f"q{q.number}_comment") or ""),
            )
            for q in self.questions
        }
