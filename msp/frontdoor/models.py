"""A concern reported through the public form (``/report``), before a triager
has said which person it is about; what was shared back with the referrer; and
the referrer's escalations. A report becomes a concern on a case only when a
triager confirms the person (``msp.frontdoor.actions.accept_report``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from msp.concerns.codes import RaisedVia, YesNoUnknown


class ReferrerKind(models.TextChoices):
    ADULT = "adult", "I am the adult the concern is about"
    RELATIVE = "relative", "A relative or friend"
    PUBLIC = "public", "A member of the public"
    PROFESSIONAL = "professional", "Someone who works with the adult, or a professional"


# The channel each kind of referrer reaches us through (Concern.raised_via).
CHANNEL = {
    ReferrerKind.ADULT: RaisedVia.SELF,
    ReferrerKind.RELATIVE: RaisedVia.PUBLIC,
    ReferrerKind.PUBLIC: RaisedVia.PUBLIC,
    ReferrerKind.PROFESSIONAL: RaisedVia.PARTNER,
}


class PublicReport(models.Model):
    reference = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    secret_expires_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=16, choices=RaisedVia.choices)
    referrer_kind = models.CharField(max_length=16, choices=ReferrerKind.choices)
    anonymous = models.BooleanField(default=False)
    confidential = models.BooleanField(default=False)
    referrer_name = models.CharField(max_length=200, blank=True)
    referrer_organisation = models.CharField(max_length=200, blank=True)
    referrer_role = models.CharField(max_length=200, blank=True)
    referrer_email = models.CharField(max_length=254, blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    adult_name = models.CharField(max_length=200)
    adult_age = models.CharField(max_length=40, blank=True)
    adult_address = models.TextField(blank=True)
    what_happened = models.TextField()
    where = models.TextField(blank=True)
    adult_knows = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    adult_wants = models.TextField(blank=True)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when a triager confirms the person: the concern the report became.
    concern = models.OneToOneField(
        "concerns.Concern",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="public_report",
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"Report {self.reference}"


class SharedFeedback(models.Model):
    """What a worker chose to tell the referrer through the status page."""

    report = models.ForeignKey(PublicReport, on_delete=models.PROTECT, related_name="feedback")
    text = models.TextField()
    shared_at = models.DateTimeField(default=timezone.now)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["shared_at", "id"]

    def __str__(self) -> str:
        return f"Feedback {self.pk} on {self.report.reference}"


class ReportEscalation(models.Model):
    """The referrer says the concern was not dealt with. Goes to the
    safeguarding leads' queue until a lead responds."""

    report = models.ForeignKey(PublicReport, on_delete=models.PROTECT, related_name="escalations")
    reason = models.TextField()
    raised_at = models.DateTimeField(default=timezone.now)
    response = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["raised_at", "id"]

    def __str__(self) -> str:
        return f"Escalation {self.pk} on {self.report.reference}"
