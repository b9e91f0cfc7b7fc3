"""Which door a request came through (web, api), and the request itself, for
audit events written by signal handlers (see signals.py)."""

from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest

current_channel: ContextVar[str] = ContextVar("msp_audit_channel", default="system")
current_request: ContextVar[HttpRequest | None] = ContextVar("msp_audit_request", default=None)
# Set by an action that saves on someone's behalf (see log.acting_as).
current_actor: ContextVar[Any] = ContextVar("msp_audit_actor", default=None)
