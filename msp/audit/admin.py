from typing import Any

from django.contrib import admin

from msp.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: audit events can be searched, never changed."""

    list_display = ["at", "user", "action", "channel", "object_type", "object_id", "case_id"]
    list_filter = ["action", "channel", "object_type"]
    search_fields = ["object_id", "user__username"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
