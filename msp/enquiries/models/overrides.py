from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet

from msp.accounts.models import Role, User
from msp.enquiries.models.base import CaseRecord


def cosigners_for(*, team_id: int | None, recorder: User) -> QuerySet[User]:
    """Who may co-sign a decision against someone's wishes on a case of team
    ``team_id``: active team managers of that team and safeguarding leads,
    other than the person recording it. The web form offers these and the API
    lists them (GET /cases/{id}/co-signers)."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(role=Role.SAFEGUARDING_LEAD) | Q(role=Role.TEAM_MANAGER, team_id=team_id))
        .exclude(pk=recorder.pk)
        .select_related("team")
        .order_by("first_name", "last_name", "username")
    )


class OverrideKind(models.TextChoices):
    PERSON_WISHES = "person_wishes", "Acted against the person's wishes"
    FAMILY_WISHES = "family_wishes", "Acted against the family's wishes"
    SHARED_WITHOUT_CONSENT = "shared_without_consent", "Shared information without consent"


class OverrideGround(models.TextChoices):
    OTHERS_AT_RISK = "others_at_risk", "Other people are at risk"
    SERIOUS_CRIME = "serious_crime", "A serious crime may have been committed"
    POSITION_OF_TRUST = "position_of_trust", "The source of risk is in a position of trust"
    COERCION = "coercion", "The person is under coercion or undue influence"
    BEST_INTERESTS = (
        "best_interests",
        "The person lacks capacity and it is in their best interests",
    )
    VITAL_INTERESTS = "vital_interests", "To protect someone's life (vital interests)"
    COURT_ORDER = "court_order", "A court order requires it"


class Override(CaseRecord):
    """Action taken against someone's wishes, or information shared without
    consent: the ground, the law, who decided and advised, what was shared with
    whom, whether the person was told, and a manager's co-signature."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="overrides")
    kind = models.CharField(max_length=32, choices=OverrideKind.choices)
    ground = models.CharField(max_length=32, choices=OverrideGround.choices)
    legal_basis = models.TextField()
    rationale = models.TextField("Why")
    decided_by = models.CharField(max_length=200)
    advised_by = models.CharField(max_length=200, blank=True)
    decided_on = models.DateField()
    shared_what = models.TextField("What was shared", blank=True)
    shared_with = models.TextField("Who it was shared with", blank=True)
    shared_on = models.DateField(null=True, blank=True)
    person_told = models.BooleanField("The person was told", null=True)
    person_told_on = models.DateField(null=True, blank=True)
    not_told_reason = models.TextField("Why the person was not told", blank=True)
    # A team manager or safeguarding lead named when it is recorded, who then
    # confirms it themselves.
    cosigner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cosigned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_on})"

    @property
    def is_cosigned(self) -> bool:
        return self.cosigned_at is not None
