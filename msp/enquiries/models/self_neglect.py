from django.db import models
from django.db.models import Q

from msp.enquiries.models.base import CaseRecord, HappenedOn


class SelfNeglectRecord(CaseRecord, HappenedOn):
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="self_neglect")
    background_and_history = models.TextField("The person's background and history")
    trusted_person = models.CharField("Someone the person trusts", max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Self-neglect record for case {self.case_id}"


class ClutterRating(CaseRecord):
    """A clutter image rating (1 to 9) for one room on one day."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="clutter_ratings")
    room = models.CharField(max_length=100)
    rating = models.PositiveSmallIntegerField()
    rated_on = models.DateField()

    class Meta(CaseRecord.Meta):
        ordering = ["rated_on", "room", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=9), name="clutter_rating_1_to_9"
            )
        ]

    def __str__(self) -> str:
        return f"{self.room}: {self.rating} ({self.rated_on})"
