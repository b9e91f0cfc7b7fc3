from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from msp.cases.models import EnquiryType


class Enquiry(models.Model):
    """One enquiry episode: started after a section 42 decision, typed by that
    decision when it starts, and concluded by one closure. A case reopened and
    enquired into again has a second episode; an episode is never rewritten
    once concluded. The statutory return and the board count these."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="enquiries")
    decision = models.ForeignKey(
        "concerns.Section42Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enquiries",
    )
    kind = models.CharField("Type of enquiry", max_length=8, choices=EnquiryType.choices)
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closure = models.OneToOneField(
        "enquiries.Closure",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concluded_enquiry",
    )
    concluded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        verbose_name_plural = "enquiries"
        indexes = [
            models.Index(fields=["started_at"]),
            models.Index(fields=["concluded_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(concluded_at__isnull=True),
                name="one_open_enquiry_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.started_at:%d %B %Y})"

    @property
    def is_open(self) -> bool:
        return self.concluded_at is None
