"""The ``Idempotency-Key`` header on the API's creating POSTs (a person, a concern).

A client that is not sure its request arrived (a timeout, a dropped connection)
sends it again with the same key. The same key from the same user with the same
body creates nothing new: the response is the one the first request got, 201 with
the record it created (as it is now, read again through the access rules and
audited), marked ``Idempotent-Replayed: true``. The same key with a different
body is refused with 422. Keys are kept for 24 hours.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import HeaderEx, P, Schema

from msp.accounts.models import User
from msp.submissions.models import Channel
from msp.submissions.once import KeyReused, carry_out_once
from msp.submissions.rules import fingerprint, key_problem

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
HEADER_DESCRIPTION = (
    "Optional. A unique value you choose for this request, such as a UUID. Send the "
    "same request again with the same key (for example after a timeout) and nothing "
    "new is created: you get 201 with the record the first request created, and the "
    "header `Idempotent-Replayed: true`. The same key with a different body is 422. "
    "Keys are kept for 24 hours."
)
# The header as a view parameter: ``idempotency_key: IdempotencyKey = None``.
IdempotencyKey = HeaderEx[str | None, P(alias=HEADER, description=HEADER_DESCRIPTION)]

REUSED = (
    "This Idempotency-Key was already used for a different request. "
    "Use a new key for each new record."
)


def create_once(
    request: HttpRequest,
    *,
    user: User,
    key: str | None,
    operation: str,
    payload: Schema,
    create: Callable[[], int],
) -> tuple[int, bool]:
    """Run ``create`` (which returns the new record's id) once per key.

    Returns the record's id and whether it was created by an earlier request."""
    if key is None:
        return create(), False
    problem = key_problem(key)
    if problem:
        raise ValidationError({HEADER: [problem]})
    data: Any = payload.model_dump(mode="json")
    digest = fingerprint(settings.SECRET_KEY, operation, request.path, data)
    try:
        once = carry_out_once(
            user=user,
            channel=Channel.API,
            key=key,
            operation=operation,
            fingerprint=digest,
            act=create,
            target_of=lambda pk: pk,
        )
    except KeyReused:
        raise ValidationError({HEADER: [REUSED]}) from None
    assert once.target_id is not None
    return once.target_id, once.replayed


def mark_replayed(response: HttpResponse, replayed: bool) -> HttpResponse:
    if replayed:
        response[REPLAYED_HEADER] = "true"
    return response
