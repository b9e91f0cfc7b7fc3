from django.db import models

from msp.enquiries.models.base import CaseRecord


class RestrictionKind(models.TextChoices):
    CONTACT = "contact", "Stopping or limiting contact with someone"
    MONEY = "money", "Controlling their money or property"
    MOVING_HOME = "moving_home", "Moving them to another home"
    LEAVING = "leaving", "Stopping them leaving where they live"
    CARE_OR_TREATMENT = "care_or_treatment", "Care or treatment they did not choose"
    OTHER = "other", "Something else"


class RestrictionBasis(models.TextChoices):
    CONSENT = "consent", "The person agreed to it"
    BEST_INTERESTS = (
        "best_interests",
        "A best-interests decision, after a capacity assessment for this decision",
    )
    COURT_ORDER = "court_order", "A court order"
    MENTAL_HEALTH_ACT = "mental_health_act", "The Mental Health Act"
    OTHER_LEGAL_POWER = "other_legal_power", "Another legal power"
    NONE_YET = "none_yet", "None recorded yet"


# Bases that are a legal power in their own right, named in the details.
LEGAL_POWERS = frozenset(
    {
        RestrictionBasis.COURT_ORDER,
        RestrictionBasis.MENTAL_HEALTH_ACT,
        RestrictionBasis.OTHER_LEGAL_POWER,
    }
)


class Restriction(CaseRecord):
    """Something restricted or decided for the person by someone else: stopping a
    relative's visits, controlling their money, moving them. The capacity and
    best-interests checks read it."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="restrictions")
    kind = models.CharField(max_length=32, choices=RestrictionKind.choices)
    what = models.TextField("What was restricted or decided")
    decided_by = models.CharField("Who decided", max_length=200)
    decided_on = models.DateField("When it was decided")
    basis = models.CharField("On what basis", max_length=32, choices=RestrictionBasis.choices)
    basis_details = models.TextField(
        "The court order, section of the Act or power, or how the person agreed", blank=True
    )
    capacity_assessment = models.ForeignKey(
        "enquiries.CapacityAssessment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="restrictions",
    )
    best_interests_decision = models.ForeignKey(
        "enquiries.BestInterestsDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="restrictions",
    )
    review_on = models.DateField("When it is to be reviewed", null=True, blank=True)

    def __str__(self) -> str:
        return f"Restriction {self.pk} ({self.decided_on})"
