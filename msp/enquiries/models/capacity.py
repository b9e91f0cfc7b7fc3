from django.db import models

from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.base import CaseRecord


class Ability(models.TextChoices):
    ABLE = "able", "Able to"
    UNABLE = "unable", "Not able to"


class CapacityAssessment(CaseRecord):
    """A Mental Capacity Act assessment about one decision, at one time. There is
    no global "lacks capacity" flag: every finding names its decision."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="capacity_assessments"
    )
    decision = models.TextField("The decision the person needs to make")
    assessed_on = models.DateField()
    assessor_name = models.CharField(max_length=200)
    support_given = models.TextField("What was done to help the person decide")
    understand = models.CharField(max_length=8, choices=Ability.choices)
    understand_evidence = models.TextField()
    retain = models.CharField(max_length=8, choices=Ability.choices)
    retain_evidence = models.TextField()
    use_or_weigh = models.CharField(max_length=8, choices=Ability.choices)
    use_or_weigh_evidence = models.TextField()
    communicate = models.CharField(max_length=8, choices=Ability.choices)
    communicate_evidence = models.TextField()
    # The causal part: is any inability because of an impairment of, or a
    # disturbance in the functioning of, the mind or brain?
    impairment = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    impairment_evidence = models.TextField(blank=True)
    # Whether the person can carry out what they decide (executive function)
    executive_function = models.TextField("Can the person carry out what they decide?", blank=True)
    reassess_on = models.DateField(null=True, blank=True)

    FUNCTIONAL = ("understand", "retain", "use_or_weigh", "communicate")

    def __str__(self) -> str:
        return f"Capacity assessment {self.pk} ({self.assessed_on})"

    @property
    def unable_parts(self) -> list[str]:
        return [part for part in self.FUNCTIONAL if getattr(self, part) == Ability.UNABLE]

    @property
    def lacks_capacity(self) -> bool:
        """Lacks capacity for this decision: unable in some part of the
        functional test, because of an impairment of the mind or brain."""
        return bool(self.unable_parts) and self.impairment == YesNoUnknown.YES
