from django.db import models

from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.base import CaseRecord


class AdvocacyResult(models.TextChoices):
    ADVOCATE_ARRANGED = "advocate_arranged", "An independent advocate was arranged"
    APPROPRIATE_INDIVIDUAL = (
        "appropriate_individual",
        "An appropriate person supports them: no advocate needed",
    )
    NOT_REQUIRED = "not_required", "No substantial difficulty: no advocate needed"
    DECLINED = "declined", "The person did not want an advocate"


class AdvocacyAssessment(CaseRecord):
    """The Care Act section 68 test: would the person have substantial difficulty
    being involved, and is there an appropriate individual to support them?"""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="advocacy_assessments"
    )
    assessed_on = models.DateField()
    difficulty_understanding = models.BooleanField(default=False)
    difficulty_retaining = models.BooleanField(default=False)
    difficulty_using_or_weighing = models.BooleanField(default=False)
    difficulty_communicating = models.BooleanField(default=False)
    appropriate_individual = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    appropriate_individual_name = models.CharField(max_length=200, blank=True)
    individual_implicated = models.BooleanField(
        "The individual is implicated in the abuse or neglect", default=False
    )
    result = models.CharField(max_length=32, choices=AdvocacyResult.choices)
    advocate_name = models.CharField(max_length=200, blank=True)
    advocate_arranged_on = models.DateField(null=True, blank=True)
    reason = models.TextField("Why, if no advocate", blank=True)
    imca_instructed = models.BooleanField("An IMCA was instructed", default=False)
    imca_details = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Advocacy assessment {self.pk} ({self.assessed_on})"

    @property
    def substantial_difficulty(self) -> bool:
        return any(
            (
                self.difficulty_understanding,
                self.difficulty_retaining,
                self.difficulty_using_or_weighing,
                self.difficulty_communicating,
            )
        )

    @property
    def advocate_duty_applies(self) -> bool:
        """Substantial difficulty and no appropriate, uninvolved individual."""
        no_one = self.appropriate_individual != YesNoUnknown.YES or self.individual_implicated
        return self.substantial_difficulty and no_one
