"""Code lists for the adult's characteristics. Codes follow the NHS Data
Dictionary (ethnic category, stated gender) and the adult social care primary
support reason list, so one person record can feed the statutory returns."""

from django.db import models


class Gender(models.TextChoices):
    MALE = "1", "Male"
    FEMALE = "2", "Female"
    INDETERMINATE = "9", "Indeterminate (unable to be classified as male or female)"
    NOT_KNOWN = "X", "Not known"


class Ethnicity(models.TextChoices):
    # NHS Data Dictionary ETHNIC CATEGORY (2001 census based), A to Z and 99
    WHITE_BRITISH = "A", "White: British"
    WHITE_IRISH = "B", "White: Irish"
    WHITE_OTHER = "C", "White: Any other White background"
    MIXED_WHITE_BLACK_CARIBBEAN = "D", "Mixed: White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "E", "Mixed: White and Black African"
    MIXED_WHITE_ASIAN = "F", "Mixed: White and Asian"
    MIXED_OTHER = "G", "Mixed: Any other mixed background"
    ASIAN_INDIAN = "H", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "J", "Asian or Asian British: Pakistani"
    ASIAN_BANGLADESHI = "K", "Asian or Asian British: Bangladeshi"
    ASIAN_OTHER = "L", "Asian or Asian British: Any other Asian background"
    BLACK_CARIBBEAN = "M", "Black or Black British: Caribbean"
    BLACK_AFRICAN = "N", "Black or Black British: African"
    BLACK_OTHER = "P", "Black or Black British: Any other Black background"
    CHINESE = "R", "Other ethnic groups: Chinese"
    OTHER = "S", "Other ethnic groups: Any other ethnic group"
    NOT_STATED = "Z", "Not stated (the person was asked and chose not to say)"
    NOT_KNOWN = "99", "Not known (not asked or not recorded)"


class PrimarySupportReason(models.TextChoices):
    PHYSICAL_ACCESS = "physical_access", "Physical Support: Access and mobility only"
    PHYSICAL_PERSONAL_CARE = "physical_personal_care", "Physical Support: Personal care support"
    SENSORY_VISUAL = "sensory_visual", "Sensory Support: Support for visual impairment"
    SENSORY_HEARING = "sensory_hearing", "Sensory Support: Support for hearing impairment"
    SENSORY_DUAL = "sensory_dual", "Sensory Support: Support for dual impairment"
    MEMORY_COGNITION = "memory_cognition", "Support with Memory and Cognition"
    LEARNING_DISABILITY = "learning_disability", "Learning Disability Support"
    MENTAL_HEALTH = "mental_health", "Mental Health Support"
    SOCIAL_SUBSTANCE = "social_substance", "Social Support: Substance misuse support"
    SOCIAL_ASYLUM = "social_asylum", "Social Support: Asylum seeker support"
    SOCIAL_ISOLATION = "social_isolation", "Social Support: Support for social isolation or other"
    NO_SUPPORT_REASON = "none", "No Support Reason"
    NOT_KNOWN = "not_known", "Not Known"


class ContactSafety(models.TextChoices):
    UNKNOWN = "unknown", "Not yet known"
    SAFE = "safe", "Safe"
    NOT_SAFE = "not_safe", "Not safe"
