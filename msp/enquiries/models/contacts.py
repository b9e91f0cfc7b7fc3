from django.db import models

from msp.enquiries.models.base import CaseRecord


class ContactMethod(models.TextChoices):
    VISIT = "visit", "Visit"
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email or text message"
    TRUSTED_PERSON = "trusted_person", "Through someone the person trusts"
    MEETING = "meeting", "Meeting elsewhere"


class ContactOutcome(models.TextChoices):
    SPOKE = "spoke", "Spoke with the person"
    DECLINED = "declined", "The person did not want to talk"
    NO_ANSWER = "no_answer", "No answer"
    THIRD_PARTY = "third_party", "Spoke only with someone else"
    SENT = "sent", "Sent, no reply yet"


class SeenAlone(models.TextChoices):
    YES = "yes", "Yes, seen or spoken to alone"
    TRIED = "tried", "Tried, but someone else stayed"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable (no conversation)"


class CoercionIndicator(models.TextChoices):
    ANSWERS_FOR_PERSON = "answers_for_person", "Someone else answered for the person"
    PREVENTS_ACCESS = "prevents_access", "Someone stopped or limited access to the person"
    CONTROLS_MONEY = "controls_money", "Someone controls their money or phone"
    FEAR = "fear", "The person seemed afraid of someone"
    ISOLATION = "isolation", "The person is cut off from friends, family or services"
    CHANGED_ACCOUNT = "changed_account", "The person's account changed when someone was present"


class Contact(CaseRecord):
    """A contact or attempt to contact the person, with who was there and what
    the worker saw about coercion and control."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="contacts")
    contacted_on = models.DateField()
    method = models.CharField(max_length=16, choices=ContactMethod.choices)
    outcome = models.CharField(max_length=16, choices=ContactOutcome.choices)
    who_was_present = models.TextField(blank=True)
    seen_alone = models.CharField(max_length=16, choices=SeenAlone.choices)
    coercion_indicators = models.JSONField(default=list)  # CoercionIndicator codes
    coercion_conclusion = models.TextField(
        "What you concluded about coercion, control or undue influence", blank=True
    )
    notes = models.TextField(blank=True)

    class Meta(CaseRecord.Meta):
        ordering = ["contacted_on", "id"]

    def __str__(self) -> str:
        return f"Contact {self.pk} ({self.contacted_on})"
