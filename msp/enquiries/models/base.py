from django.conf import settings
from django.db import models
from django.utils import timezone


class CaseRecord(models.Model):
    """A part of the record that belongs to one case, with who made it and when.
    ``version`` guards against two people saving over each other."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
        ordering = ["recorded_at", "id"]
