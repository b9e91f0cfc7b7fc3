"""The Making Safeguarding Personal outcome survey: the question bank, and what
people said when they were asked about their experience of safeguarding.

Questions are data, loaded from ``fixtures/msp_questions.json`` and editable in
the admin. Each wording is a version: once anyone has answered a version its
wording and options never change (editing it makes a new version), so every
answer keeps the words it was given in reply to.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from msp.survey.codes import NATIONAL_OPTIONS, Method, Respondent, WordingSource


class AnsweredQuestionChanged(Exception):
    """Raised when something tries to change the wording of an answered version."""


class SurveyQuestionManager(models.Manager["SurveyQuestion"]):
    def get_by_natural_key(self, number: int, version: int) -> "SurveyQuestion":
        return self.get(number=number, version=version)

    def active(self) -> "models.QuerySet[SurveyQuestion]":
        return self.filter(active=True).order_by("number")


class SurveyQuestion(models.Model):
    number = models.PositiveSmallIntegerField(help_text="1 to 7, as in the outcomes framework")
    version = models.PositiveIntegerField(default=1)
    topic = models.CharField(max_length=80, help_text="A short name, for lists and reports")
    adult_text = models.TextField("Question for the person")
    representative_text = models.TextField("Question for a representative")
    options = models.JSONField(
        help_text='The answers to choose from: a list of {"code": ..., "label": ...}'
    )
    active = models.BooleanField(
        default=True, help_text="Asked in new surveys. One version of each question is active."
    )
    wording_source = models.CharField(
        max_length=16, choices=WordingSource.choices, default=WordingSource.LOCAL
    )
    note = models.TextField(blank=True, help_text="Where the wording comes from, what to check")

    objects = SurveyQuestionManager()

    CONTENT_FIELDS = ("topic", "adult_text", "representative_text", "options")

    class Meta:
        ordering = ["number", "version"]
        constraints = [
            models.UniqueConstraint(fields=["number", "version"], name="survey_question_version"),
            models.UniqueConstraint(
                fields=["number"],
                condition=models.Q(active=True),
                name="survey_question_one_active_version",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=7),
                name="survey_question_number_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return f"Question {self.number} (version {self.version}): {self.topic}"

    def natural_key(self) -> tuple[int, int]:
        return (self.number, self.version)

    def text_for(self, respondent: str) -> str:
        if respondent == Respondent.REPRESENTATIVE:
            return self.representative_text
        return self.adult_text

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(str(o["code"]), str(o["label"])) for o in self.options]

    def label_of(self, code: str) -> str:
        return dict(self.choices).get(code, code)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not 1 <= (self.number or 0) <= 7:
            errors["number"] = "Enter a question number from 1 to 7"
        options = self.options
        if (
            not isinstance(options, list)
            or not options
            or not all(
                isinstance(o, dict)
                and set(o) == {"code", "label"}
                and all(isinstance(v, str) and v.strip() for v in o.values())
                for o in options
            )
        ):
            errors["options"] = 'Enter the answers as a list of {"code": ..., "label": ...}'
        elif len({o["code"] for o in options}) != len(options):
            errors["options"] = "Give each answer its own code"
        elif self.number in NATIONAL_OPTIONS and options != NATIONAL_OPTIONS[self.number]:
            errors["options"] = (
                f"Question {self.number}'s answers are the national statutory return labels "
                "and cannot change here"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_answered(self) -> bool:
        return self.pk is not None and self.answers.exists()


@receiver(pre_save, sender=SurveyQuestion)
def _keep_answered_wording(sender: Any, instance: SurveyQuestion, **kwargs: Any) -> None:
    """Answered wording is history. This catches every way of saving, including
    ``loaddata``; ``msp.survey.bank.save_question`` makes a new version instead."""
    stored = SurveyQuestion.objects.filter(pk=instance.pk).first()
    if stored is None or not stored.is_answered:
        return
    if any(getattr(stored, f) != getattr(instance, f) for f in ("number", "version")) or any(
        getattr(stored, f) != getattr(instance, f) for f in SurveyQuestion.CONTENT_FIELDS
    ):
        raise AnsweredQuestionChanged(
            f"Question {stored.number} version {stored.version} has been answered, so its "
            "wording and answers cannot change. Save the new wording as a new version."
        )


class SurveyResponse(models.Model):
    """One interview: who answered, how, when and with whom.

    For the lead enquirer's survey at closure, questions 1 and 2 are not stored:
    they are read from the closure record (``msp.survey.derive``), so this survey
    and the statutory return can never disagree."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="surveys")
    closure = models.ForeignKey(
        "enquiries.Closure", on_delete=models.PROTECT, related_name="surveys"
    )
    respondent = models.CharField(max_length=16, choices=Respondent.choices)
    representative_role = models.CharField("Who the representative is", max_length=200, blank=True)
    method = models.CharField(max_length=32, choices=Method.choices)
    asked_on = models.DateField()
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    interviewer_independent = models.BooleanField(
        help_text="Worked out when recorded: not the lead worker, and recorded nothing on the case"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-asked_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["closure", "method"], name="survey_one_per_method"),
        ]

    def __str__(self) -> str:
        return f"Survey response {self.pk} for case {self.case_id}"

    @property
    def respondent_display(self) -> str:
        if self.respondent == Respondent.REPRESENTATIVE and self.representative_role:
            return f"A representative ({self.representative_role})"
        return self.get_respondent_display()


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.PROTECT, related_name="answers")
    # A particular version of the question: the wording this answer replied to.
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    option = models.CharField(max_length=64)
    comment = models.TextField("What they said, in their own words", blank=True)

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once"),
        ]

    def __str__(self) -> str:
        return f"Answer to question {self.question.number} in response {self.response_id}"

    @property
    def label(self) -> str:
        return self.question.label_of(self.option)
