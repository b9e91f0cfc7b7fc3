"""Plain words for staff pages: the one place that turns a stored code into
what staff read.

Some code lists keep the Safeguarding Adults Collection's (or the adult social
care return's) own labels, so the return can be made from them directly. Those
labels are written for statisticians ("Other - Known to individual", "Fully
Achieved"). Staff pages, forms and the case summary show the words below
instead; the return (msp/assurance) keeps using the lists' own labels.

A code list not named here already has plain labels, which are used as they are.
"""

from collections.abc import Iterable

from django.db.models import TextChoices

from msp.concerns.codes import AbuseType, LocationOfRisk, SourceOfRisk
from msp.enquiries.codes import Achievement, ActionResult, LackedCapacity, MspAsked
from msp.people.codes import PrimarySupportReason

PLAIN: dict[type[TextChoices], dict[str, str]] = {
    AbuseType: {
        AbuseType.PHYSICAL: "Physical abuse",
        AbuseType.SEXUAL: "Sexual abuse",
        AbuseType.PSYCHOLOGICAL: "Psychological or emotional abuse",
        AbuseType.FINANCIAL: "Financial or material abuse",
        AbuseType.DISCRIMINATORY: "Discriminatory abuse",
        AbuseType.ORGANISATIONAL: "Organisational abuse",
        AbuseType.NEGLECT: "Neglect and acts of omission",
        AbuseType.DOMESTIC: "Domestic abuse",
        AbuseType.SEXUAL_EXPLOITATION: "Sexual exploitation",
        AbuseType.MODERN_SLAVERY: "Modern slavery",
        AbuseType.SELF_NEGLECT: "Self-neglect",
    },
    LocationOfRisk: {
        LocationOfRisk.OWN_HOME: "The person's own home",
        LocationOfRisk.COMMUNITY: "Out in the community",
        LocationOfRisk.COMMUNITY_SERVICE: "At a community service, such as a day centre",
        LocationOfRisk.CARE_HOME_NURSING: "A care home with nursing",
        LocationOfRisk.CARE_HOME_RESIDENTIAL: "A care home without nursing",
        LocationOfRisk.HOSPITAL_ACUTE: "A general (acute) hospital",
        LocationOfRisk.HOSPITAL_MENTAL_HEALTH: "A mental health hospital",
        LocationOfRisk.HOSPITAL_COMMUNITY: "A community hospital",
        LocationOfRisk.OTHER: "Somewhere else",
    },
    SourceOfRisk: {
        SourceOfRisk.SERVICE_PROVIDER: "A paid care or support service",
        SourceOfRisk.KNOWN: "Someone the person knows",
        SourceOfRisk.UNKNOWN: "Someone the person does not know",
    },
    Achievement: {
        Achievement.FULLY: "Fully achieved",
        Achievement.PARTIALLY: "Partly achieved",
        Achievement.NOT: "Not achieved",
    },
    ActionResult: {
        ActionResult.RISK_ACTION: "A risk was found and action was taken",
        ActionResult.RISK_NO_ACTION: "A risk was found but no action was taken",
        ActionResult.INCONCLUSIVE_ACTION: "It was not clear if there was a risk; action was taken",
        ActionResult.INCONCLUSIVE_NO_ACTION: (
            "It was not clear if there was a risk; no action was taken"
        ),
        ActionResult.NO_RISK_ACTION: "No risk was found but action was taken",
        ActionResult.NO_RISK_NO_ACTION: "No risk was found and no action was taken",
        ActionResult.CEASED: "The enquiry stopped because the person asked; no action was taken",
    },
    MspAsked: {
        MspAsked.EXPRESSED: "Yes, and they said what they wanted",
        MspAsked.NOT_EXPRESSED: "Yes, but they did not say what they wanted",
        MspAsked.NO: "No",
        MspAsked.DONT_KNOW: "Don't know",
        MspAsked.NOT_RECORDED: "Not recorded",
    },
    LackedCapacity: {
        LackedCapacity.YES: "Yes, they lacked capacity",
        LackedCapacity.NO: "No, they did not lack capacity",
        LackedCapacity.DONT_KNOW: "Don't know",
        LackedCapacity.NOT_RECORDED: "Not recorded",
    },
    PrimarySupportReason: {
        PrimarySupportReason.PHYSICAL_ACCESS: "Physical support: access and mobility only",
        PrimarySupportReason.PHYSICAL_PERSONAL_CARE: "Physical support: personal care",
        PrimarySupportReason.SENSORY_VISUAL: "Sensory support: sight",
        PrimarySupportReason.SENSORY_HEARING: "Sensory support: hearing",
        PrimarySupportReason.SENSORY_DUAL: "Sensory support: sight and hearing",
        PrimarySupportReason.MEMORY_COGNITION: "Support with memory and cognition",
        PrimarySupportReason.LEARNING_DISABILITY: "Learning disability support",
        PrimarySupportReason.MENTAL_HEALTH: "Mental health support",
        PrimarySupportReason.SOCIAL_SUBSTANCE: "Social support: drug or alcohol use",
        PrimarySupportReason.SOCIAL_ASYLUM: "Social support: seeking asylum",
        PrimarySupportReason.SOCIAL_ISOLATION: "Social support: isolation or other",
        PrimarySupportReason.NO_SUPPORT_REASON: "No support reason",
        PrimarySupportReason.NOT_KNOWN: "Not known",
    },
}


def plain(codes: type[TextChoices], value: str | None) -> str:
    """What staff read for one stored code: "" for none, the code itself only
    if it is not in the list (an old or unknown value stays visible)."""
    if not value:
        return ""
    words = PLAIN.get(codes)
    if words and value in words:
        return words[value]
    return str(dict(codes.choices).get(value, value))


def plain_list(codes: type[TextChoices], values: Iterable[str]) -> str:
    return ", ".join(plain(codes, v) for v in values)


def plain_choices(codes: type[TextChoices]) -> list[tuple[str, str]]:
    """A form's choices in plain words, in the list's order."""
    return [(value, plain(codes, value)) for value in codes.values]


def national_labels() -> set[str]:
    """The lists' own labels that staff pages must not show: every label the
    words above replace with something different."""
    return {
        str(label)
        for codes, words in PLAIN.items()
        for value, label in codes.choices
        if words.get(value, label) != label
    }
