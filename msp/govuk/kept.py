"""What the user typed before their session ended, for the page shown after
they signed in again (set by ``msp.accounts.kept``; read by ``GovukForm``)."""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils.datastructures import MultiValueDict

_kept: contextvars.ContextVar[MultiValueDict[str, str] | None] = contextvars.ContextVar(
    "msp_kept_form", default=None
)


def kept_data() -> MultiValueDict[str, str] | None:
    return _kept.get()


@contextmanager
def showing(data: MultiValueDict[str, str] | None) -> Iterator[None]:
    token = _kept.set(data)
    try:
        yield
    finally:
        _kept.reset(token)
