"""The guard's settings for this deployment, and what it found at each closure."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from msp.audit.models import AtomicSave
from msp.practice.findings import DUTY, PROMPT
from msp.practice.reasons import DEFAULT_PLACEHOLDER_TEXT


class GuardConfig(AtomicSave):
    """One row per deployment (primary key 1), edited in the admin. Until an
    administrator saves it, ``current()`` gives the defaults below."""

    SINGLETON_PK = 1

    min_contact_attempts = models.PositiveSmallIntegerField(
        "Contact attempts expected before closing for non-engagement",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    min_contact_methods = models.PositiveSmallIntegerField(
        "Different contact methods expected before closing for non-engagement",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    repeat_concern_count = models.PositiveSmallIntegerField(
        "Concerns about the same person that prompt a review of the pattern",
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
    )
    repeat_window_days = models.PositiveSmallIntegerField(
        "Days in which repeat concerns are counted",
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(3660)],
    )
    placeholder_phrases = models.TextField(
        "Words that do not count as a reason",
        default=DEFAULT_PLACEHOLDER_TEXT,
        blank=True,
        help_text=(
            "One phrase a line. Where a reason is needed, a box holding only one of these "
            "(ignoring capitals and a final full stop) is treated as empty."
        ),
        max_length=5000,
    )

    class Meta:
        verbose_name = "practice guard settings"
        verbose_name_plural = "practice guard settings"

    def __str__(self) -> str:
        return "Practice guard settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "GuardConfig":
        """The saved settings, or unsaved defaults. Never writes."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)


class ClosureFinding(models.Model):
    """A finding the guard made when a case was closed: DUTY findings a manager
    overrode (with the reason), and PROMPT findings left open. Counted in
    assurance reports by check id."""

    SEVERITIES = [(DUTY, "Legal duty"), (PROMPT, "Prompt")]

    closure = models.ForeignKey(
        "enquiries.Closure", on_delete=models.PROTECT, related_name="guard_findings"
    )
    check_id = models.CharField(max_length=8, db_index=True)
    severity = models.CharField(max_length=8, choices=SEVERITIES)
    overridden = models.BooleanField(default=False)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["closure", "check_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["closure", "check_id"], name="closure_finding_once_per_check"
            )
        ]

    def __str__(self) -> str:
        return f"{self.check_id} at closure {self.closure_id}"


class RefusedClosure(models.Model):
    """The last closure of a case the guard refused, with the values it was
    tried with, so the case's findings keep the checks that depend on the
    closure while the case waits to close. It applies only while the case is
    still at the version it was refused at (closing, returning to the enquiry
    or closing it moves the case on)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="refused_closure"
    )
    case_version = models.PositiveIntegerField()
    values = models.JSONField(default=dict)
    refused_at = models.DateTimeField(auto_now=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Refused closure of case {self.case_id}"
