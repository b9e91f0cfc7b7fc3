"""Python objects kept in the database, sealed so that only this service can
have written them.

The stored return and the board's stored counts are pickled. Unpickling runs
code named in the data, so bytes someone wrote straight into the database
would run in the web server. ``seal`` puts an HMAC of the pickle, keyed by the
project's secret key, in front of it; ``unseal`` refuses (returns None) any
bytes whose seal does not match, and anything that no longer unpickles, so
the caller counts again rather than trusting them."""

import hmac
import pickle
from typing import Any

from django.utils.crypto import salted_hmac

_SALT = "msp.sealed"
_DIGEST = 32  # bytes of SHA-256


def _mac(payload: bytes, purpose: str) -> bytes:
    return salted_hmac(f"{_SALT}.{purpose}", payload, algorithm="sha256").digest()


def seal(value: Any, purpose: str) -> bytes:
    """``value`` pickled, with its seal in front. ``purpose`` names what it is
    for, so a sealed board grid cannot be read back as a stored return."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _mac(payload, purpose) + payload


def unseal(data: bytes | memoryview | None, purpose: str) -> Any | None:
    """The value ``seal`` kept, or None when there is none, the seal does not
    match (not written by this service with this secret key), or this code can
    no longer read it."""
    if data is None:
        return None
    raw = bytes(data)
    mac, payload = raw[:_DIGEST], raw[_DIGEST:]
    if len(mac) != _DIGEST or not hmac.compare_digest(mac, _mac(payload, purpose)):
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 (sealed above: written by this service)
    except Exception:  # written by an older version of this code
        return None
