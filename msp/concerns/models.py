from django.conf import settings
from django.db import models
from django.utils import timezone

from msp.concerns.codes import (
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    YesNoUnknown,
)


class Concern(models.Model):
    """What someone reported. Every concern belongs to one case."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="concerns")
    raised_on = models.DateField("Date the concern was raised")
    received_at = models.DateTimeField(default=timezone.now)
    raised_via = models.CharField(max_length=16, choices=RaisedVia.choices)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who raised it. A referrer may stay anonymous, or ask that their identity is
    # kept from the person and the source of risk (confidential).
    referrer_anonymous = models.BooleanField(default=False)
    referrer_confidential = models.BooleanField(default=False)
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_job_title = models.CharField("Their role or job title", max_length=200, blank=True)
    referrer_organisation = models.CharField(max_length=200, blank=True)
    referrer_contact = models.CharField(max_length=300, blank=True)
    referrer_relationship = models.CharField(
        "Relationship to the person", max_length=200, blank=True
    )
    what_happened = models.TextField()
    abuse_types = models.JSONField(default=list)  # AbuseType codes, one or more
    location_of_risk = models.CharField(max_length=32, choices=LocationOfRisk.choices)
    sources_of_risk = models.JSONField(default=list)  # SourceOfRisk codes, one or more
    immediate_safety_actions = models.TextField(blank=True)
    person_aware = models.CharField(
        "Does the person know about the concern?",
        max_length=8,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    person_wishes = models.TextField("What the person wants to happen, if known", blank=True)

    class Meta:
        ordering = ["raised_on", "id"]

    def __str__(self) -> str:
        return f"Concern {self.pk} ({self.raised_on})"

    @property
    def referrer_display(self) -> str:
        if self.referrer_anonymous:
            return "Anonymous"
        parts = [self.referrer_name, self.referrer_job_title, self.referrer_organisation]
        return ", ".join(p for p in parts if p) or "Not recorded"


class Section42Decision(models.Model):
    """Whether there is reasonable cause to suspect each of the three s42(1)
    criteria, with the evidence for each, and what happens next."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="decisions")
    has_care_and_support_needs = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    care_and_support_needs_evidence = models.TextField()
    experiencing_or_at_risk = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    experiencing_or_at_risk_evidence = models.TextField()
    unable_to_protect_self = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    unable_to_protect_self_evidence = models.TextField()
    result = models.CharField(max_length=8, choices=DecisionResult.choices)
    proportionate_response = models.CharField(
        max_length=32, choices=ProportionateResponse.choices, blank=True
    )
    response_details = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["decided_at", "id"]
        get_latest_by = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_result_display()} ({self.decided_at:%d %B %Y})"

    @property
    def all_criteria_met(self) -> bool:
        return (
            self.has_care_and_support_needs
            == self.experiencing_or_at_risk
            == self.unable_to_protect_self
            == YesNoUnknown.YES
        )
