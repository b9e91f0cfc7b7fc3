"""Which door a request came through (web, api), for audit events."""

from contextvars import ContextVar

current_channel: ContextVar[str] = ContextVar("msp_audit_channel", default="system")
