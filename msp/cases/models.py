import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from msp.audit.models import AtomicSave


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
        indexes = [
            models.Index(fields=["team", "state"]),
            # Team cases and My cases: open cases, newest first, a page at a time.
            models.Index(
                fields=["team", "-opened_at", "-id"],
                name="case_open_team_newest_idx",
                condition=~models.Q(state="closed"),
            ),
            models.Index(
                fields=["lead_worker", "-opened_at", "-id"],
                name="case_open_lead_newest_idx",
                condition=~models.Q(state="closed"),
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.state != CaseState.CLOSED


class CaseRestriction(models.Model):
    """A case that only named people may see. Lifting the restriction deletes
    the row; the audit log keeps its history."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="restriction")
    reason = models.TextField()
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    restricted_at = models.DateTimeField(default=timezone.now)
    named = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="named_restrictions")

    def __str__(self) -> str:
        return f"{self.case} restricted"


class BreakGlassGrant(models.Model):
    """Time-limited access to a restricted case for someone not named on it,
    with their reason. Each grant is also an alert to the safeguarding leads
    until one of them acknowledges it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="break_glass_grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_grants"
    )
    reason = models.TextField()
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]
        indexes = [models.Index(fields=["case", "user", "expires_at"])]

    def __str__(self) -> str:
        return f"Break-glass on {self.case_id} by {self.user_id}"

    def is_live(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at > (now or timezone.now())


class DecisionMakers(models.TextChoices):
    """Who may record the section 42 decision: the council's policy."""

    MANAGERS = "managers", "Team managers and safeguarding leads"
    LEADS = "leads", "Safeguarding leads only"
    ANY_CASEWORKER = "any", "Practitioners, team managers and safeguarding leads"


class CouncilPolicy(AtomicSave):
    """How this council organises casework. One row per deployment (primary
    key 1), edited in the admin; every change is audited. Until an
    administrator saves it, ``current()`` gives the defaults below."""

    SINGLETON_PK = 1

    decision_makers = models.CharField(
        "Who may record the section 42 decision",
        max_length=16,
        choices=DecisionMakers.choices,
        default=DecisionMakers.MANAGERS,
    )
    starter_takes_unallocated = models.BooleanField(
        "Whoever starts the enquiry on an unallocated case becomes its allocated worker",
        default=False,
        help_text="If not ticked, a case must be allocated to a worker before its enquiry starts.",
    )

    class Meta:
        verbose_name = "council casework policy"
        verbose_name_plural = "council casework policy"

    def __str__(self) -> str:
        return "Council casework policy"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "CouncilPolicy":
        """The saved policy, or unsaved defaults. Never writes."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)


class RecordsVersion(models.Model):
    """How many times the records about one person have changed: the person,
    their cases and everything recorded in them. The case overview is kept,
    rendered, for one version at a time (``msp.cases.revision``). A plain integer
    key, not a foreign key, so a change can be marked in the transaction that
    deletes the person."""

    person_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Records of person {self.person_id}: version {self.version}"
