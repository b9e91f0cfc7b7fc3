from django.conf import settings
from django.db import models
from django.utils import timezone

from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)


class DesiredOutcome(models.Model):
    """Something the person wants to happen. Its words live in revisions: each
    time the outcome is revisited a new revision is kept, never overwritten."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="desired_outcomes"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Rated at closure
    achievement = models.CharField(max_length=16, choices=Achievement.choices, blank=True)
    person_view = models.TextField("The person's view", blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)
    # Set when the outcome carries what the person said they wanted in a
    # concern: shown as "said at the concern".
    said_at_concern = models.ForeignKey(
        "concerns.Concern", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Outcome {self.pk}"

    @property
    def current(self) -> "OutcomeRevision":
        """The latest revision. Uses prefetched revisions when present."""
        revisions = list(self.revisions.all())
        return max(revisions, key=lambda r: r.number)


class OutcomeRevision(models.Model):
    outcome = models.ForeignKey(DesiredOutcome, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField("What the person wants to happen")
    whose_words = models.CharField(max_length=16, choices=WhoseWords.choices)
    representative_name = models.CharField(max_length=200, blank=True)
    representative_relationship = models.CharField(max_length=200, blank=True)
    reason = models.TextField("Why it changed", blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["outcome", "number"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "number"], name="outcome_revision_number")
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of outcome {self.outcome_id}"

    @property
    def whose_words_display(self) -> str:
        if self.whose_words == WhoseWords.REPRESENTATIVE:
            who = self.representative_name or "a representative"
            rel = (
                f" ({self.representative_relationship})" if self.representative_relationship else ""
            )
            return f"In the words of {who}{rel}"
        return "In the person's own words"


class Closure(models.Model):
    """How a case ended. A reopened and closed-again case has several."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="closures")
    closed_at = models.DateTimeField(default=timezone.now)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    reason = models.CharField(max_length=32, choices=ClosureReason.choices)
    reason_details = models.TextField(blank=True)
    action_result = models.CharField(max_length=32, choices=ActionResult.choices, blank=True)
    risk_outcome = models.CharField(max_length=16, choices=RiskOutcome.choices, blank=True)
    msp_asked = models.CharField(max_length=32, choices=MspAsked.choices, blank=True)
    experience_asked = models.CharField(
        "Was the person asked about their experience of safeguarding?",
        max_length=32,
        choices=ExperienceAsked.choices,
        blank=True,
    )
    lacked_capacity = models.CharField(max_length=16, choices=LackedCapacity.choices, blank=True)
    capacity_support = models.BooleanField(
        "Supported by an advocate, family member or friend", null=True, blank=True
    )
    open_door = models.TextField(
        "How the person can come back to us if they want help later", blank=True
    )
    # Worked out once, when the case closes, from the ratings of the desired
    # outcomes that existed then (msp.enquiries.rules.overall_achievement):
    # ratings cannot change while the case is closed, and a reopened case's
    # new ratings do not rewrite an earlier closure. "" when none was rated.
    outcomes_achieved = models.CharField(
        "Overall achievement of the desired outcomes",
        max_length=16,
        choices=Achievement.choices,
        blank=True,
        editable=False,
    )

    class Meta:
        ordering = ["closed_at", "id"]
        indexes = [
            # The few closures that passed a case to another council: lets the
            # figures find passed-on cases without a lookup per closed case
            # (msp.assurance.definitions.passed_on_cases; docs/performance.md).
            models.Index(
                fields=["case"],
                name="closure_passed_on_idx",
                condition=models.Q(reason=ClosureReason.MOVED_AWAY),
            ),
        ]

    def __str__(self) -> str:
        return f"Closure of case {self.case_id} ({self.closed_at:%d %B %Y})"
