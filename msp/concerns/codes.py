"""National code lists used when a concern is raised. Labels match the
Safeguarding Adults Collection so counts can be made from them directly."""

from django.db import models


class AbuseType(models.TextChoices):
    PHYSICAL = "physical", "Physical Abuse"
    SEXUAL = "sexual", "Sexual Abuse"
    PSYCHOLOGICAL = "psychological", "Psychological Abuse"
    FINANCIAL = "financial", "Financial or Material Abuse"
    DISCRIMINATORY = "discriminatory", "Discriminatory Abuse"
    ORGANISATIONAL = "organisational", "Organisational Abuse"
    NEGLECT = "neglect", "Neglect and Acts of Omission"
    DOMESTIC = "domestic", "Domestic Abuse"
    SEXUAL_EXPLOITATION = "sexual_exploitation", "Sexual Exploitation"
    MODERN_SLAVERY = "modern_slavery", "Modern Slavery"
    SELF_NEGLECT = "self_neglect", "Self-Neglect"


class LocationOfRisk(models.TextChoices):
    OWN_HOME = "own_home", "Own Home"
    COMMUNITY = "community", "In the community (excluding community services)"
    COMMUNITY_SERVICE = "community_service", "In a community service"
    CARE_HOME_NURSING = "care_home_nursing", "Care Home - Nursing"
    CARE_HOME_RESIDENTIAL = "care_home_residential", "Care Home - Residential"
    HOSPITAL_ACUTE = "hospital_acute", "Hospital - Acute"
    HOSPITAL_MENTAL_HEALTH = "hospital_mental_health", "Hospital - Mental Health"
    HOSPITAL_COMMUNITY = "hospital_community", "Hospital - Community"
    OTHER = "other", "Other"


class SourceOfRisk(models.TextChoices):
    SERVICE_PROVIDER = "service_provider", "Service Provider"
    KNOWN = "known", "Other - Known to individual"
    UNKNOWN = "unknown", "Other - Unknown to individual"


SOURCE_OF_RISK_HINTS = {
    SourceOfRisk.SERVICE_PROVIDER: (
        "Anyone paid, contracted or commissioned to provide social care, including care homes"
    ),
    SourceOfRisk.KNOWN: "Including family, friends, neighbours and health staff",
    SourceOfRisk.UNKNOWN: "Such as a stranger",
}


class RaisedVia(models.TextChoices):
    STAFF = "staff", "Council staff"
    PARTNER = "partner", "Partner agency"
    PUBLIC = "public", "Member of the public"
    SELF = "self", "The person themselves"


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not known"


class DecisionResult(models.TextChoices):
    S42 = "s42", "Section 42 enquiry"
    OTHER = "other", "Other safeguarding enquiry"
    NONE = "none", "No enquiry"


class ProportionateResponse(models.TextChoices):
    INFORMATION_ADVICE = "information_advice", "Information and advice"
    NEEDS_ASSESSMENT = "needs_assessment", "Needs assessment"
    CARERS_ASSESSMENT = "carers_assessment", "Carer's assessment"
    REFERRAL = "referral", "Referral to another service"
    NONE_NEEDED = "none_needed", "No further response needed (say why)"
