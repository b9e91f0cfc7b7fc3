"""Closure code lists, with the Safeguarding Adults Collection labels."""

from django.db import models


class WhoseWords(models.TextChoices):
    PERSON = "person", "The person's own words"
    REPRESENTATIVE = "representative", "A representative's words, on the person's behalf"


class Achievement(models.TextChoices):
    FULLY = "fully", "Fully Achieved"
    PARTIALLY = "partially", "Partially Achieved"
    NOT = "not", "Not Achieved"


class ClosureReason(models.TextChoices):
    """Why a case closed. Stored values never change; the guard repeats the
    codes in ``msp.practice.reasons`` (a test keeps the two in step)."""

    ENQUIRY_CONCLUDED = "enquiry_concluded", "The enquiry is complete"
    NO_ENQUIRY = "no_enquiry", "No enquiry was needed: a proportionate response was given"
    RESOLVED_PROPORTIONATELY = (
        "resolved_proportionately",
        "The concern was resolved by advice, information or another proportionate response",
    )
    PERSON_DECLINED = "person_declined", "The person asked for the enquiry or support to stop"
    STOPPED_ENGAGING = "stopped_engaging", "The person stopped taking part"
    COULD_NOT_CONTACT = "could_not_contact", "We could not contact the person"
    PERSON_DIED = "person_died", "The person has died"
    # The stored code says "moved away", but what it means (and what the return
    # relies on to leave the case out) is that the abuse happened in another
    # council's area, so that council records it. A person who has moved but was
    # abused here stays in this council's figures: close with another reason.
    MOVED_AWAY = (
        "moved_away",
        "Passed to another council: the abuse happened in their area, so they record it",
    )
    OTHER = "other", "Another reason (say what)"


class ActionResult(models.TextChoices):
    RISK_ACTION = "risk_action", "Risk identified and action taken"
    RISK_NO_ACTION = "risk_no_action", "Risk identified and no action taken"
    INCONCLUSIVE_ACTION = "inconclusive_action", "Risk Assessment inconclusive and action taken"
    INCONCLUSIVE_NO_ACTION = (
        "inconclusive_no_action",
        "Risk Assessment inconclusive and no action taken",
    )
    NO_RISK_ACTION = "no_risk_action", "No risk identified and action taken"
    NO_RISK_NO_ACTION = "no_risk_no_action", "No risk identified and no action taken"
    CEASED = "ceased", "Enquiry ceased at individual's request and no action taken"


# Action-and-result codes where a risk was identified and action taken: the
# risk outcome must be recorded for these.
RISK_OUTCOME_REQUIRED = frozenset({ActionResult.RISK_ACTION})


class RiskOutcome(models.TextChoices):
    REMAINED = "remained", "Risk remained"
    REDUCED = "reduced", "Risk reduced"
    REMOVED = "removed", "Risk removed"


class MspAsked(models.TextChoices):
    EXPRESSED = "asked_expressed", "Yes they were asked and outcomes were expressed"
    NOT_EXPRESSED = "asked_not_expressed", "Yes they were asked but no outcomes were expressed"
    NO = "no", "No"
    DONT_KNOW = "dont_know", "Don't Know"
    NOT_RECORDED = "not_recorded", "Not Recorded"


class ExperienceAsked(models.TextChoices):
    """Whether the person (or their representative) was asked about their
    experience of safeguarding: the outcome survey's experience questions."""

    AT_CLOSURE = "at_closure", "Yes, I asked them at closure and will record their answers"
    SURVEY_TO_FOLLOW = "survey_to_follow", "Not yet: an independent survey will be offered"
    NOT_ASKED = "not_asked", "No, they will not be asked"


class LackedCapacity(models.TextChoices):
    YES = "yes", "Yes, they lacked capacity"
    NO = "no", "No, they did not lack capacity"
    DONT_KNOW = "dont_know", "Don't know"
    NOT_RECORDED = "not_recorded", "Not recorded"
