"""The interface: three functions and the error they raise."""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class Receipt:
    """What the service said when it took the message: its own id for it."""

    backend: str
    id: str


class DeliveryFailed(Exception):
    """The message was not taken. ``temporary``: trying again later may work
    (the service is down or busy); otherwise something must change first (a
    bad address, a missing setting). The message is plain words, never the
    content of the message or the recipient's details."""

    def __init__(self, message: str, *, temporary: bool = True) -> None:
        super().__init__(message)
        self.temporary = temporary


class Backend(Protocol):
    @property
    def name(self) -> str: ...

    def send_email(
        self, *, to: str, subject: str, body: str, reference: str, pdf: bytes | None = None
    ) -> Receipt: ...

    def send_letter(self, *, pdf: bytes, reference: str) -> Receipt: ...

    def send_text(self, *, to: str, body: str, reference: str) -> Receipt: ...


def backend() -> Backend:
    """The configured backend (``MSP_DELIVERY_BACKEND``)."""
    name = settings.DELIVERY_BACKEND
    if name == "notify":
        from msp.delivery.notify import NotifyBackend

        return NotifyBackend.from_settings()
    from msp.delivery.outbox import OutboxBackend

    return OutboxBackend.from_settings()


def send_email(
    *, to: str, subject: str, body: str, reference: str, pdf: bytes | None = None
) -> Receipt:
    """An email; ``pdf`` goes with it as a file to download."""
    return backend().send_email(to=to, subject=subject, body=body, reference=reference, pdf=pdf)


def send_letter(*, pdf: bytes, reference: str) -> Receipt:
    """A printed letter posted to the address on its first page."""
    return backend().send_letter(pdf=pdf, reference=reference)


def send_text(*, to: str, body: str, reference: str) -> Receipt:
    """A text message to a mobile number."""
    return backend().send_text(to=to, body=body, reference=reference)
