"""The retention schedule, as data an administrator can change in the admin."""

from typing import Any

from django.db import models
from django.utils import timezone

from msp.audit.models import AtomicSave


class RecordType(models.TextChoices):
    CASE_WITH_ENQUIRY = "case_with_enquiry", "Closed cases that had an enquiry"
    CASE_WITHOUT_ENQUIRY = (
        "case_without_enquiry",
        "Closed cases where the concern did not lead to an enquiry",
    )
    PERSON_WITHOUT_CASES = "person_without_cases", "People whose every case has been erased"


# What each rule's clock starts from, in words for the admin and reports.
STARTS_FROM = {
    RecordType.CASE_WITH_ENQUIRY: "after the case was last closed",
    RecordType.CASE_WITHOUT_ENQUIRY: "after the last decision or closure, whichever is later",
    RecordType.PERSON_WITHOUT_CASES: "after their last case was erased",
}


class RetentionRule(AtomicSave):
    """How long one kind of record is kept before its personal data is erased."""

    record_type = models.CharField(max_length=32, choices=RecordType.choices, unique=True)
    keep_years = models.PositiveSmallIntegerField(default=0)
    keep_days = models.PositiveIntegerField(
        default=0, help_text="Added to the years, for periods that are not whole years"
    )
    active = models.BooleanField(
        default=True, help_text="When off, nothing is erased under this rule"
    )
    explanation = models.TextField(
        blank=True, help_text="Why this period: the policy or law it follows"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["record_type"]

    def __str__(self) -> str:
        return f"{self.get_record_type_display()}: {self.period_display}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def period_display(self) -> str:
        parts = []
        if self.keep_years:
            parts.append(f"{self.keep_years} year{'s' if self.keep_years != 1 else ''}")
        if self.keep_days or not parts:
            parts.append(f"{self.keep_days} day{'s' if self.keep_days != 1 else ''}")
        return " and ".join(parts) + " " + STARTS_FROM[RecordType(self.record_type)]
