import datetime

from django.db import models

from msp.enquiries.models.base import CaseRecord, HappenedOn


class SafeguardingPlan(CaseRecord, HappenedOn):
    """The plan, agreed with the person, at the pace they choose."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="safeguarding_plan"
    )
    person_involvement = models.TextField("How the person was involved in making the plan")
    pace = models.TextField("The pace the person chose", blank=True)
    next_review_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Safeguarding plan for case {self.case_id}"


class OwnerKind(models.TextChoices):
    PERSON = "person", "The person"
    WORKER = "worker", "The lead worker"
    REFERRER = "referrer", "The person who raised the concern"
    AGENCY = "agency", "Another agency or service"
    FAMILY = "family", "Family member or friend"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    STOPPED = "stopped", "Stopped"


class PlanAction(CaseRecord, HappenedOn):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="plan_actions")
    description = models.TextField("What will be done")
    owner_kind = models.CharField(max_length=16, choices=OwnerKind.choices)
    owner_name = models.CharField("Who will do it", max_length=200)
    due_on = models.DateField()
    status = models.CharField(
        max_length=16, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    outcome = models.ForeignKey(
        "enquiries.DesiredOutcome",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_actions",
    )

    class Meta(CaseRecord.Meta):
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Plan action {self.pk}"

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due_on < today and self.status in (
            ActionStatus.NOT_STARTED,
            ActionStatus.IN_PROGRESS,
        )
