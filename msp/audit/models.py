"""Audit events: who saw or changed which record, when, and what changed.

Append-only. The model refuses updates and deletes, the queryset refuses bulk
updates and deletes, and database triggers (see the migrations) refuse them too,
except the one update retention needs: blanking an event's changes and reason
(see ``msp.audit.redaction``).

Every event is sealed into a hash chain as it is written (see
``msp.audit.chain``): ``append`` takes a lock, reads the last event's sequence
number and chain hash, and numbers and hashes the new events in order, so two
writers can never fork the chain.
"""

from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from msp.audit import chain

# Any constant will do: it names the lock that serialises writers on PostgreSQL.
CHAIN_LOCK = 7_420_042


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
        """Events that record a change: not views, and not refused attempts
        (``case.refused``, ``person.refused``), which change nothing."""
        return self.exclude(action=AuditEvent.VIEW).exclude(action__endswith=".refused")

    def bulk_create(
        self, objs: Iterable["AuditEvent"], *args: Any, **kwargs: Any
    ) -> list["AuditEvent"]:
        return self.append(list(objs))

    def append(self, events: Sequence["AuditEvent"]) -> list["AuditEvent"]:
        """Number, hash and insert ``events`` in order, in one statement."""
        events = list(events)
        if not events:
            return []
        with transaction.atomic(using=self.db, savepoint=False):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
            last = (
                AuditEvent.objects.using(self.db)
                .order_by("-seq")
                .values_list("seq", "chain_hash")
                .first()
            )
            first_seq: int = (last[0] or 0) + 1 if last else 1
            previous: str = last[1] if last else chain.GENESIS
            seq = first_seq - 1
            for event in events:
                seq += 1
                event.seal(seq, previous)
                previous = event.chain_hash
            created = super().bulk_create(events)
            every = settings.MSP_AUDIT_CHECKPOINT_EVERY
            if every and (seq // every) > ((first_seq - 1) // every):
                from msp.audit.checkpoint import write_checkpoint

                last_seq, last_hash = seq, previous
                transaction.on_commit(lambda: write_checkpoint(last_seq, last_hash, "every"))
        return created


class AuditEvent(models.Model):
    VIEW = "view"

    seq = models.BigIntegerField(unique=True, null=True, editable=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    # "view", or a change such as "case.raised", "outcome.revised"
    action = models.CharField(max_length=64, db_index=True)
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
    content_hash = models.CharField(max_length=64, editable=False, default="")
    chain_hash = models.CharField(max_length=64, editable=False, default="")
    # Set when retention blanked ``changes`` and ``reason``; the hashes stay.
    redacted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            # The case's chronology page: one case's changes of some kinds, newest
            # first. Partial (views are most of the log), so writing a view event
            # does not update it.
            models.Index(
                fields=["case_id", "action", "-at", "-id"],
                name="audit_case_chronology_idx",
                condition=~models.Q(action="view"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed")
        type(self).objects.append([self])
        self._state.adding = False

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted")

    def compute_content_hash(self) -> str:
        return chain.content_hash(
            at=self.at,
            user_id=self.user_id,
            action=self.action,
            channel=self.channel,
            object_type=self.object_type,
            object_id=self.object_id,
            case_id=self.case_id,
            person_id=self.person_id,
            changes=self.changes,
            reason=self.reason,
        )

    def seal(self, seq: int, previous: str) -> None:
        self.seq = seq
        self.content_hash = self.compute_content_hash()
        self.chain_hash = chain.chain_hash(previous, self.content_hash, seq)
