"""Sending email, letters and text messages, behind an interface the project owns.

Callers use ``send_email``, ``send_letter`` and ``send_text``; which service
carries the message is a setting (``MSP_DELIVERY_BACKEND``): ``outbox`` writes
each message to files under ``var/outbox/`` (development and tests), ``notify``
sends it through GOV.UK Notify (production). A send that does not go raises
``DeliveryFailed``: the caller records it and tries again, never silently.
"""

from msp.delivery.interface import (
    Backend,
    DeliveryFailed,
    Receipt,
    backend,
    send_email,
    send_letter,
    send_text,
)

__all__ = [
    "Backend",
    "DeliveryFailed",
    "Receipt",
    "backend",
    "send_email",
    "send_letter",
    "send_text",
]
