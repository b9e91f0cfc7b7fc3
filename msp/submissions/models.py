"""A request that creates something is carried out once.

Each row remembers that one user's request, named by a key, created one record.
The key is an ``Idempotency-Key`` header on the API or a one-time token in a web
form. The unique constraint on (user, channel, key) is what makes a repeat safe
under concurrency: a second request with the same key waits for the first one's
transaction and then finds its row, instead of checking and inserting.

Rows hold no personal data: the key, a keyed hash of the request, and the id of
the record created. They are kept for ``KEEP_FOR`` and then deleted.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    API = "api", "API (Idempotency-Key header)"
    WEB = "web", "Web form token"


class Submission(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=3, choices=Channel.choices)
    key = models.CharField(max_length=255)
    operation = models.CharField(max_length=64, help_text="What the request creates")
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="Keyed hash of the request (API only)"
    )
    target_id = models.BigIntegerField(null=True, help_text="The record the request created")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "channel", "key"], name="submission_once_per_user_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.operation} -> {self.target_id}"
