"""Carrying out a creating request once per key.

``carry_out_once`` claims the key by inserting its row, runs the action, and
stores the id of the record created, all in one transaction. A second request
with the same key cannot insert: it waits on the unique constraint until the
first commits (PostgreSQL) or runs after it (SQLite's immediate transactions),
then finds the row and is told the record's id instead of creating another. If
the action fails, the claim is rolled back with it, so the key can be used again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from msp.accounts.models import User
from msp.submissions.models import Channel, Submission
from msp.submissions.rules import cutoff


class KeyReused(Exception):
    """The key was used before for a different request."""


@dataclass(frozen=True)
class Once[T]:
    """What happened: a new ``result``, or ``replayed`` with the earlier record's id."""

    result: T | None
    target_id: int | None
    replayed: bool = False

    @property
    def earlier_id(self) -> int:
        """The id of the record an earlier request with the same key created."""
        if not self.replayed or self.target_id is None:
            raise ValueError("Only a replayed submission has an earlier record")
        return self.target_id


def carry_out_once[T](
    *,
    user: User,
    channel: Channel,
    key: str,
    operation: str,
    fingerprint: str = "",
    act: Callable[[], T],
    target_of: Callable[[T], int | None],
) -> Once[T]:
    """Run ``act`` unless this user's ``key`` already created something.

    ``target_of(result)`` gives the id of the record created, or None when the
    action did not create one (for example a form with errors): then nothing is
    remembered and the key stays free.
    """
    with transaction.atomic():
        forget_expired()
        try:
            with transaction.atomic():
                claim = Submission.objects.create(
                    user=user,
                    channel=channel,
                    key=key,
                    operation=operation,
                    fingerprint=fingerprint,
                )
        except IntegrityError:
            earlier = Submission.objects.get(user=user, channel=channel, key=key)
            if earlier.operation != operation or earlier.fingerprint != fingerprint:
                raise KeyReused from None
            return Once(result=None, target_id=earlier.target_id, replayed=True)
        result = act()
        target_id = target_of(result)
        if target_id is None:
            transaction.set_rollback(True)
            return Once(result=result, target_id=None)
        claim.target_id = target_id
        claim.save(update_fields=["target_id"])
        return Once(result=result, target_id=target_id)


def forget_expired() -> int:
    """Delete submissions older than the time keys are kept. Returns how many."""
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff(timezone.now())).delete()
    return deleted
