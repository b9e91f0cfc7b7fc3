from django.db import models

from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.base import CaseRecord, HappenedOn


class TrustRole(models.TextChoices):
    NONE = "none", "Not in a position of trust"
    PAID_CARER = "paid_carer", "Paid carer"
    STAFF = "staff", "Member of staff (health, care or another service)"
    VOLUNTEER = "volunteer", "Volunteer"
    UNKNOWN = "unknown", "Not known yet"


class PoliceDecision(models.TextChoices):
    REPORTED = "reported", "Reported to the police"
    ALREADY_AWARE = "already_aware", "The police already know"
    NOT_REPORTED = "not_reported", "Not reported"


class RiskAssessment(CaseRecord, HappenedOn):
    """Risk to the person and to others. One per case, kept up to date."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="risk_assessment"
    )
    risk_to_person = models.TextField("Risk to the person")
    other_adults_at_risk = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    children_at_risk = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    public_at_risk = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    risk_to_others = models.TextField("Risk to others", blank=True)
    source_trust_role = models.CharField(
        "Is the source of risk in a position of trust?",
        max_length=16,
        choices=TrustRole.choices,
    )
    source_has_contact_with_others_at_risk = models.CharField(
        "Does the source of risk have contact with other adults at risk or children?",
        max_length=8,
        choices=YesNoUnknown.choices,
    )
    crime_may_have_been_committed = models.CharField(max_length=8, choices=YesNoUnknown.choices)
    police_decision = models.CharField(max_length=16, choices=PoliceDecision.choices, blank=True)
    police_decision_reason = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Risk assessment for case {self.case_id}"

    @property
    def others_at_risk(self) -> bool:
        return YesNoUnknown.YES in (
            self.other_adults_at_risk,
            self.children_at_risk,
            self.public_at_risk,
            self.source_has_contact_with_others_at_risk,
        )

    @property
    def source_in_position_of_trust(self) -> bool:
        return self.source_trust_role in (
            TrustRole.PAID_CARER,
            TrustRole.STAFF,
            TrustRole.VOLUNTEER,
        )


class RiskToOthersKind(models.TextChoices):
    PIPOT = "pipot", "Person in a position of trust (PiPoT) referral"
    EMPLOYER = "employer", "Told the employer or service provider"
    REGULATOR = "regulator", "Told the regulator (for example the CQC)"
    POLICE = "police", "Told the police"
    BARRING = "barring", "Barring service referral considered"
    CHILDRENS_SERVICES = "childrens_services", "Referred to children's services"
    OTHER = "other", "Other action to protect others"


class RiskToOthersAction(CaseRecord):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="risk_to_others_actions"
    )
    kind = models.CharField(max_length=32, choices=RiskToOthersKind.choices)
    details = models.TextField()
    done_on = models.DateField()
    done_by = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.done_on})"
