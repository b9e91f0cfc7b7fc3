from django.db import models

from msp.enquiries.models.base import CaseRecord


class ConsulteeRole(models.TextChoices):
    FAMILY = "family", "Family member"
    FRIEND = "friend", "Friend"
    CARER = "carer", "Unpaid carer"
    ATTORNEY = "attorney", "Attorney (lasting power of attorney)"
    DEPUTY = "deputy", "Deputy appointed by the Court of Protection"
    ADVOCATE = "advocate", "Advocate (including an IMCA)"
    PROFESSIONAL = "professional", "Professional"
    OTHER = "other", "Someone else"


class BestInterestsDecision(CaseRecord):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="best_interests_decisions"
    )
    capacity_assessment = models.ForeignKey(
        "enquiries.CapacityAssessment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="best_interests_decisions",
    )
    decision = models.TextField("The decision")
    past_wishes = models.TextField("The person's past wishes and feelings")
    present_wishes = models.TextField("The person's present wishes and feelings")
    beliefs_and_values = models.TextField(blank=True)
    # [{"name": ..., "role": ConsulteeRole, "views": ...}]
    consulted = models.JSONField(default=list)
    less_restrictive_options = models.TextField("Less restrictive options considered")
    outcome = models.TextField("What was decided")
    reasons = models.TextField("Why")
    decision_maker = models.CharField(max_length=200)
    decided_on = models.DateField()

    def __str__(self) -> str:
        return f"Best-interests decision {self.pk} ({self.decided_on})"
