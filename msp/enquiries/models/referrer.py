from django.db import models

from msp.enquiries.models.base import CaseRecord


class ReferrerFeedback(CaseRecord):
    """What the person who raised the concern was told, limited by consent."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="referrer_feedback"
    )
    concern = models.ForeignKey(
        "concerns.Concern", on_delete=models.PROTECT, related_name="feedback"
    )
    given_on = models.DateField()
    what_was_said = models.TextField()
    limited_by_consent = models.BooleanField(
        "Less was shared because the person did not consent", default=False
    )

    def __str__(self) -> str:
        return f"Feedback {self.pk} ({self.given_on})"


class ReferrerEscalation(CaseRecord):
    """The referrer says their concern has not been dealt with."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="referrer_escalations"
    )
    raised_on = models.DateField()
    details = models.TextField()
    resolution = models.TextField(blank=True)
    resolved_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Escalation {self.pk} ({self.raised_on})"
