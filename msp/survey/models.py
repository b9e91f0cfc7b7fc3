"""The Making Safeguarding Personal outcome survey: the question bank, and what
people said when they were asked about their experience of safeguarding.

Questions are data, loaded from ``fixtures/msp_questions.json`` and editable in
the admin. Each wording is a version: once anyone has answered a version its
wording and options never change (editing it makes a new version), so every
answer keeps the words it was given in reply to.

Where the framework has an adult and a representative version of a question
(questions 4 to 7), ``text`` and ``options`` are put to the person ("you",
answered "I") and ``representative_text`` and ``representative_options`` are
about the person ("the person", answered "they"), with the same answer codes.
Every other question has one wording, about the person. ``msp.survey.voice``
checks that each question and its answers agree.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from msp.survey.codes import (
    NATIONAL_OPTIONS,
    TWO_VERSION_QUESTIONS,
    Method,
    Respondent,
    Voice,
    WordingSource,
)
from msp.survey.voice import answer_problems, question_problem


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
    text = models.TextField(
        "Question",
        help_text="With a representative version: put to the person (“Did you feel…”). "
        "Without one: about the person (“Did the person feel…”)",
    )
    options = models.JSONField(
        help_text="The answers to choose from, in the same voice as the question: a list of "
        '{"code": ..., "label": ...}'
    )
    representative_text = models.TextField(
        "Question for a representative",
        blank=True,
        help_text="Only where the framework has a representative version: about the person "
        "(“Did the person feel…”). Leave blank for a question with one wording",
    )
    representative_options = models.JSONField(
        "Answers for a representative",
        default=list,
        blank=True,
        help_text="The same codes as the answers above, about the person (“Yes, they felt…”)",
    )
    active = models.BooleanField(
        default=True, help_text="Asked in new surveys. One version of each question is active."
    )
    wording_source = models.CharField(
        max_length=16, choices=WordingSource.choices, default=WordingSource.LOCAL
    )
    note = models.TextField(blank=True, help_text="Where the wording comes from, what to check")

    objects = SurveyQuestionManager()

    CONTENT_FIELDS = ("topic", "text", "options", "representative_text", "representative_options")

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

    @property
    def has_versions(self) -> bool:
        """True if there is an adult and a representative version."""
        return bool(self.representative_text.strip())

    @property
    def voice(self) -> str:
        """The voice of ``text`` and ``options``."""
        return Voice.TO_PERSON if self.has_versions else Voice.ABOUT_PERSON

    @property
    def is_local(self) -> bool:
        return self.wording_source == WordingSource.LOCAL

    def _for_representative(self, respondent: str) -> bool:
        return respondent == Respondent.REPRESENTATIVE and self.has_versions

    def text_for(self, respondent: str) -> str:
        """The wording put to whoever answered."""
        return self.representative_text if self._for_representative(respondent) else self.text

    def options_for(self, respondent: str) -> list[dict[str, str]]:
        if self._for_representative(respondent):
            return list(self.representative_options)
        return list(self.options)

    def choices_for(self, respondent: str) -> list[tuple[str, str]]:
        return [(str(o["code"]), str(o["label"])) for o in self.options_for(respondent)]

    @property
    def choices(self) -> list[tuple[str, str]]:
        return self.choices_for(Respondent.ADULT)

    def label_of(self, code: str, respondent: str = Respondent.ADULT) -> str:
        return dict(self.choices_for(respondent)).get(code, code)

    def wordings(self) -> list[tuple[str, str, list[str]]]:
        """(voice, question, answer labels) for each wording."""
        found = [(self.voice, self.text, [str(o.get("label", "")) for o in self.options])]
        if self.has_versions:
            found.append(
                (
                    Voice.ABOUT_PERSON,
                    self.representative_text,
                    [str(o.get("label", "")) for o in self.representative_options],
                )
            )
        return found

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not 1 <= (self.number or 0) <= 7:
            errors["number"] = "Enter a question number from 1 to 7"
        options_error = _options_error(self.options)
        if options_error:
            errors["options"] = options_error
        elif self.number in NATIONAL_OPTIONS and self.options != NATIONAL_OPTIONS[self.number]:
            errors["options"] = (
                f"Question {self.number}'s answers are the national statutory return labels "
                "and cannot change here"
            )
        if self.has_versions:
            rep_error = _options_error(self.representative_options)
            if rep_error:
                errors["representative_options"] = rep_error
            elif not options_error and [o["code"] for o in self.representative_options] != [
                o["code"] for o in self.options
            ]:
                errors["representative_options"] = (
                    "Give the representative's answers the same codes, in the same order, "
                    "as the answers above"
                )
        elif self.representative_options:
            errors["representative_options"] = (
                "Enter the question for a representative, or remove their answers"
            )
        if self.number in TWO_VERSION_QUESTIONS and not self.has_versions:
            errors["representative_text"] = (
                f"Enter the question for a representative: question {self.number} has an adult "
                "and a representative version in the framework"
            )
        elif self.number not in TWO_VERSION_QUESTIONS and self.has_versions:
            errors["representative_text"] = (
                f"Question {self.number} has one wording in the framework: leave this blank"
            )
        for (voice, text, labels), text_field, options_field in zip(
            self.wordings(),
            ("text", "representative_text"),
            ("options", "representative_options"),
            strict=False,
        ):
            problem = question_problem(text, voice)
            if problem:
                errors.setdefault(text_field, problem)
            wrong = answer_problems(labels, voice)
            if wrong:
                errors.setdefault(options_field, ". ".join(wrong))
        if errors:
            raise ValidationError(errors)

    @property
    def is_answered(self) -> bool:
        return self.pk is not None and self.answers.exists()


def _options_error(options: Any) -> str:
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
        return 'Enter the answers as a list of {"code": ..., "label": ...}'
    if len({o["code"] for o in options}) != len(options):
        return "Give each answer its own code"
    return ""


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
        """The answer in the words of the version put to whoever answered."""
        return self.question.label_of(self.option, self.response.respondent)
