"""How often each thing happens in the synthetic data.

The shares are chosen so that the generated council looks like England's
published safeguarding figures (docs: /work/shared/data-standards.md, section 5):
about 0.29 section 42 enquiries per concern, about 1.24 enquiries per adult
involved, 60% women, 63% aged 65 or over, neglect about 31% of the types of
risk recorded, own home about 45% of locations, risk reduced or removed in
about 89-90% of enquiries where a risk was identified and action taken, most
people asked and expressing the outcomes they wanted, and about two thirds of
those outcomes fully achieved. Where the national figures give no share (for
example the spread of ethnicity within a council), the numbers here are
plausible guesses, not statistics.

Each table maps a code to a weight. Weights need not add up to one.
"""

from msp.concerns.codes import (
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    SourceOfRisk,
)
from msp.enquiries.codes import Achievement, ActionResult, LackedCapacity, MspAsked, RiskOutcome
from msp.people.codes import ContactSafety, Ethnicity, Gender, PrimarySupportReason

Weights = dict[str, float]

# People ------------------------------------------------------------------

# Number of concerns about one adult in the whole period. The mean (about 1.5)
# makes section 42 enquiries per adult with one come out near 1.24.
CONCERNS_PER_PERSON: dict[int, float] = {
    1: 0.72,
    2: 0.16,
    3: 0.06,
    4: 0.03,
    5: 0.015,
    6: 0.008,
    7: 0.004,
    8: 0.003,
}

# Age on the date of the first concern: (lowest age, highest age) -> weight.
# 63% are 65 or over.
AGE_BANDS: dict[tuple[int, int], float] = {
    (18, 64): 0.37,
    (65, 74): 0.15,
    (75, 84): 0.23,
    (85, 94): 0.21,
    (95, 103): 0.04,
}

GENDER: Weights = {
    Gender.FEMALE: 0.60,
    Gender.MALE: 0.39,
    Gender.NOT_KNOWN: 0.008,
    Gender.INDETERMINATE: 0.002,
}

ETHNICITY: Weights = {
    Ethnicity.WHITE_BRITISH: 0.78,
    Ethnicity.WHITE_IRISH: 0.01,
    Ethnicity.WHITE_OTHER: 0.03,
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN: 0.005,
    Ethnicity.MIXED_WHITE_BLACK_AFRICAN: 0.002,
    Ethnicity.MIXED_WHITE_ASIAN: 0.004,
    Ethnicity.MIXED_OTHER: 0.004,
    Ethnicity.ASIAN_INDIAN: 0.025,
    Ethnicity.ASIAN_PAKISTANI: 0.015,
    Ethnicity.ASIAN_BANGLADESHI: 0.006,
    Ethnicity.ASIAN_OTHER: 0.01,
    Ethnicity.BLACK_CARIBBEAN: 0.012,
    Ethnicity.BLACK_AFRICAN: 0.012,
    Ethnicity.BLACK_OTHER: 0.004,
    Ethnicity.CHINESE: 0.003,
    Ethnicity.OTHER: 0.008,
    Ethnicity.NOT_STATED: 0.01,
    Ethnicity.NOT_KNOWN: 0.06,
}

PRIMARY_SUPPORT_REASON: Weights = {
    PrimarySupportReason.PHYSICAL_PERSONAL_CARE: 0.34,
    PrimarySupportReason.PHYSICAL_ACCESS: 0.08,
    PrimarySupportReason.SENSORY_VISUAL: 0.01,
    PrimarySupportReason.SENSORY_HEARING: 0.007,
    PrimarySupportReason.SENSORY_DUAL: 0.003,
    PrimarySupportReason.MEMORY_COGNITION: 0.13,
    PrimarySupportReason.LEARNING_DISABILITY: 0.09,
    PrimarySupportReason.MENTAL_HEALTH: 0.14,
    PrimarySupportReason.SOCIAL_SUBSTANCE: 0.02,
    PrimarySupportReason.SOCIAL_ASYLUM: 0.002,
    PrimarySupportReason.SOCIAL_ISOLATION: 0.018,
    PrimarySupportReason.NO_SUPPORT_REASON: 0.03,
    PrimarySupportReason.NOT_KNOWN: 0.12,
}

CONTACT_SAFETY: Weights = {
    ContactSafety.SAFE: 0.70,
    ContactSafety.UNKNOWN: 0.25,
    ContactSafety.NOT_SAFE: 0.05,
}

# Share of people with an NHS number recorded.
HAS_NHS_NUMBER = 0.9

# Concerns ----------------------------------------------------------------

# The first (main) type of abuse or neglect. Neglect is about 31% of all the
# types recorded once second and third types are added.
ABUSE_TYPE: Weights = {
    AbuseType.NEGLECT: 0.33,
    AbuseType.PHYSICAL: 0.18,
    AbuseType.FINANCIAL: 0.15,
    AbuseType.PSYCHOLOGICAL: 0.13,
    AbuseType.SELF_NEGLECT: 0.09,
    AbuseType.DOMESTIC: 0.05,
    AbuseType.ORGANISATIONAL: 0.04,
    AbuseType.SEXUAL: 0.025,
    AbuseType.DISCRIMINATORY: 0.005,
    AbuseType.SEXUAL_EXPLOITATION: 0.003,
    AbuseType.MODERN_SLAVERY: 0.002,
}

# How many types one concern records.
ABUSE_TYPE_COUNT: dict[int, float] = {1: 0.78, 2: 0.18, 3: 0.04}

# Where it happened: own home about 45% (organisational abuse moves a few
# concerns from home to a care home, hence the higher weight).
LOCATION: Weights = {
    LocationOfRisk.OWN_HOME: 0.49,
    LocationOfRisk.CARE_HOME_RESIDENTIAL: 0.14,
    LocationOfRisk.CARE_HOME_NURSING: 0.09,
    LocationOfRisk.COMMUNITY: 0.09,
    LocationOfRisk.COMMUNITY_SERVICE: 0.06,
    LocationOfRisk.HOSPITAL_ACUTE: 0.04,
    LocationOfRisk.HOSPITAL_MENTAL_HEALTH: 0.03,
    LocationOfRisk.HOSPITAL_COMMUNITY: 0.01,
    LocationOfRisk.OTHER: 0.09,
}

# Abuse in a service is mostly by the service; at home mostly by someone known.
_SERVICE_SETTING: Weights = {
    SourceOfRisk.SERVICE_PROVIDER: 0.75,
    SourceOfRisk.KNOWN: 0.2,
    SourceOfRisk.UNKNOWN: 0.05,
}
SOURCE_BY_LOCATION: dict[str, Weights] = {
    LocationOfRisk.OWN_HOME: {
        SourceOfRisk.KNOWN: 0.65,
        SourceOfRisk.SERVICE_PROVIDER: 0.28,
        SourceOfRisk.UNKNOWN: 0.07,
    },
    LocationOfRisk.COMMUNITY: {
        SourceOfRisk.KNOWN: 0.55,
        SourceOfRisk.UNKNOWN: 0.35,
        SourceOfRisk.SERVICE_PROVIDER: 0.10,
    },
    LocationOfRisk.OTHER: {
        SourceOfRisk.KNOWN: 0.5,
        SourceOfRisk.SERVICE_PROVIDER: 0.3,
        SourceOfRisk.UNKNOWN: 0.2,
    },
    LocationOfRisk.COMMUNITY_SERVICE: _SERVICE_SETTING,
    LocationOfRisk.CARE_HOME_RESIDENTIAL: _SERVICE_SETTING,
    LocationOfRisk.CARE_HOME_NURSING: _SERVICE_SETTING,
    LocationOfRisk.HOSPITAL_ACUTE: _SERVICE_SETTING,
    LocationOfRisk.HOSPITAL_MENTAL_HEALTH: _SERVICE_SETTING,
    LocationOfRisk.HOSPITAL_COMMUNITY: _SERVICE_SETTING,
}
# Share of concerns with a second, different type of source.
SECOND_SOURCE = 0.1

RAISED_VIA: Weights = {
    RaisedVia.PARTNER: 0.55,
    RaisedVia.STAFF: 0.22,
    RaisedVia.PUBLIC: 0.15,
    RaisedVia.SELF: 0.08,
}

# Decisions ---------------------------------------------------------------

# Chance that a person's next concern gets the same decision as their last.
# Keeps each decision's share per concern, but groups a person's enquiries
# together, so that enquiries per adult involved come out near 1.24 a year.
SAME_DECISION_AGAIN = 0.45

# What the s42 decision says, per concern: 0.29 section 42 enquiries and 0.016
# other enquiries per concern.
DECISION: Weights = {
    DecisionResult.S42: 0.29,
    DecisionResult.OTHER: 0.016,
    DecisionResult.NONE: 0.694,
}

PROPORTIONATE_RESPONSE: Weights = {
    ProportionateResponse.INFORMATION_ADVICE: 0.35,
    ProportionateResponse.NEEDS_ASSESSMENT: 0.25,
    ProportionateResponse.REFERRAL: 0.2,
    ProportionateResponse.CARERS_ASSESSMENT: 0.05,
    ProportionateResponse.NONE_NEEDED: 0.15,
}

# Timings, in days ---------------------------------------------------------

TRIAGE_AFTER_DAYS = (0, 2)  # uniform, from the concern being received
DECISION_AFTER_DAYS = (1, 10)  # uniform, from triage
ENQUIRY_AFTER_DAYS = (0, 3)  # uniform, from the decision
# Enquiry length: log-normal with this median and spread, capped.
ENQUIRY_MEDIAN_DAYS = 45
ENQUIRY_SIGMA = 0.8
ENQUIRY_MAX_DAYS = 540
CLOSING_DAYS = (1, 14)  # uniform, from "closing" to "closed"
NO_ENQUIRY_CLOSING_DAYS = (0, 5)  # from the decision to closing, when no enquiry

# Closures ---------------------------------------------------------------

ACTION_RESULT: Weights = {
    ActionResult.RISK_ACTION: 0.63,
    ActionResult.RISK_NO_ACTION: 0.04,
    ActionResult.INCONCLUSIVE_ACTION: 0.09,
    ActionResult.INCONCLUSIVE_NO_ACTION: 0.03,
    ActionResult.NO_RISK_ACTION: 0.07,
    ActionResult.NO_RISK_NO_ACTION: 0.10,
    ActionResult.CEASED: 0.04,
}

# Recorded where a risk was identified and action taken: 89.5% reduced or removed.
RISK_OUTCOME: Weights = {
    RiskOutcome.REDUCED: 0.685,
    RiskOutcome.REMOVED: 0.21,
    RiskOutcome.REMAINED: 0.105,
}

MSP_ASKED: Weights = {
    MspAsked.EXPRESSED: 0.75,
    MspAsked.NOT_EXPRESSED: 0.10,
    MspAsked.NO: 0.08,
    MspAsked.DONT_KNOW: 0.03,
    MspAsked.NOT_RECORDED: 0.04,
}

# Desired outcomes per enquiry where outcomes were expressed.
OUTCOMES_PER_ENQUIRY: dict[int, float] = {1: 0.55, 2: 0.3, 3: 0.15}
# How far an enquiry's outcomes were achieved, taken as a whole. Where it is
# "partially", each outcome but the last is rated fully with the second share.
# Together: about two thirds fully, counted by enquiry or by outcome.
ACHIEVEMENT: Weights = {
    Achievement.FULLY: 0.62,
    Achievement.PARTIALLY: 0.315,
    Achievement.NOT: 0.065,
}
FULLY_WITHIN_PARTIALLY = 0.35
# Share of outcomes revisited once during the enquiry.
OUTCOME_REVISED = 0.1
# Share of outcomes in a representative's words.
REPRESENTATIVE_WORDS = 0.15

LACKED_CAPACITY: Weights = {
    LackedCapacity.YES: 0.28,
    LackedCapacity.NO: 0.60,
    LackedCapacity.DONT_KNOW: 0.06,
    LackedCapacity.NOT_RECORDED: 0.06,
}
# Where the person lacked capacity: share supported by an advocate, family or friend.
CAPACITY_SUPPORTED = 0.84
# Share of enquiries where the person did not lack capacity that still record
# a capacity assessment (one that found they could decide).
ASSESSED_WITH_CAPACITY = 0.25

# Other ways an enquiry ends, besides being completed.
PERSON_DIED = 0.02  # only on the person's last concern
MOVED_AWAY = 0.005
