"""Audit events: who saw or changed which record, when, and what changed.

Append-only. The model refuses updates and deletes, the queryset refuses bulk
updates and deletes, and database triggers (see the migration) refuse them too.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised when anything tries to change or remove an audit event."""


class AtomicSave(models.Model):
    """Saves in one transaction, so the audit event a save writes (see
    msp.audit.signals) is committed with the change or not at all, however the
    save was called: admin, management command, shell."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted")

    def changes(self) -> "AuditQuerySet":
        return self.exclude(action=AuditEvent.VIEW)


class AuditEvent(models.Model):
    VIEW = "view"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    # "view", or a change such as "case.raised", "outcome.revised"
    action = models.CharField(max_length=64)
    channel = models.CharField(max_length=16, default="system")  # web, api, system
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    # Plain integer keys, not foreign keys: an audit row must outlive anything.
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # {"field": [old, new]} for changes; {} for views
    changes = models.JSONField(default=dict, blank=True)
    # A short reason given by the user where the action asks for one
    reason = models.TextField(blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted")
