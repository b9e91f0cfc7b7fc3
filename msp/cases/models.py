from django.conf import settings
from django.db import models
from django.utils import timezone


class CaseState(models.TextChoices):
    RAISED = "raised", "Concern raised"
    TRIAGE = "triage", "Triage"
    DECIDED = "decided", "Decision made"
    ENQUIRY = "enquiry", "Enquiry"
    CLOSING = "closing", "Closing"
    CLOSED = "closed", "Closed"


class EnquiryType(models.TextChoices):
    S42 = "s42", "Section 42 enquiry"
    OTHER = "other", "Other safeguarding enquiry"


class Case(models.Model):
    """One safeguarding episode about one person, from the first concern to closure."""

    reference = models.CharField(max_length=32, unique=True)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cases")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="cases")
    lead_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_cases",
    )
    state = models.CharField(max_length=16, choices=CaseState.choices, default=CaseState.RAISED)
    enquiry_type = models.CharField(max_length=8, choices=EnquiryType.choices, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    enquiry_started_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["team", "state"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.state != CaseState.CLOSED
