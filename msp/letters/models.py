"""Letters kept with the case, as documents.

The record of a letter belongs to the core (the guard reads its words, as it
reads case notes); drafting, laying out and sending are services on top
(``msp.letters.drafting``, ``msp.letters.document``, ``msp.letters.actions``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement to the person who raised the concern"
    ABOUT_ENQUIRY = "about_enquiry", "Letter to the person about the concern and the enquiry"
    CLOSURE = "closure", "Closure letter to the person"
    FEEDBACK = "feedback", "Feedback to the person who raised the concern"


# Letters to the adult the case is about; the others go to the referrer.
TO_THE_PERSON = frozenset({LetterKind.ABOUT_ENQUIRY, LetterKind.CLOSURE})


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    RETRYING = "retrying", "Not sent yet: trying again"
    FAILED = "failed", "Not sent: needs you"


class SendBy(models.TextChoices):
    POST = "post", "Post"
    EMAIL = "email", "Email"


class Letter(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="letters")
    # The concern whose referrer a letter to the referrer goes to.
    concern = models.ForeignKey(
        "concerns.Concern", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=LetterKind.choices)
    easy_read = models.BooleanField(default=False)
    # Who it goes to (a name or "the person who raised the concern") and the
    # words, as the worker left them: drafted from the record, then edited.
    addressee = models.CharField(max_length=200)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=LetterStatus.choices, default="draft")
    send_by = models.CharField(max_length=5, choices=SendBy.choices, blank=True)
    # A postal address or an email address, as it was sent.
    send_to = models.TextField(blank=True)
    # The PDF as it was sent (kept with the case; a draft has none yet).
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the PDF was made and the letter handed over to be sent: a letter
    # made long ago and never tried was lost by a process that stopped.
    ready_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.CharField(max_length=300, blank=True)
    delivery_id = models.CharField(max_length=100, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["drafted_at", "id"]
        indexes = [models.Index(fields=["status"], name="letter_status_idx")]

    def __str__(self) -> str:
        return f"Letter {self.pk} ({self.kind})"

    @property
    def to_the_person(self) -> bool:
        return self.kind in TO_THE_PERSON

    @property
    def title(self) -> str:
        words = LetterKind(self.kind).label
        return f"{words} (Easy Read)" if self.easy_read else words

    @property
    def editable(self) -> bool:
        return self.status == LetterStatus.DRAFT

    @property
    def reference(self) -> str:
        """The reference the delivery service is given: no personal data."""
        return f"letter-{self.pk}"
