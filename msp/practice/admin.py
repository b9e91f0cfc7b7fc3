from typing import Any

from django.contrib import admin

from msp.practice.models import ClosureFinding, GuardConfig


@admin.register(GuardConfig)
class GuardConfigAdmin(admin.ModelAdmin[GuardConfig]):
    """One row per deployment: it can be added once and changed, never deleted."""

    list_display = [
        "__str__",
        "min_contact_attempts",
        "min_contact_methods",
        "repeat_concern_count",
        "repeat_window_days",
    ]

    def has_add_permission(self, request: Any) -> bool:
        return not GuardConfig.objects.exists()

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ClosureFinding)
class ClosureFindingAdmin(admin.ModelAdmin[ClosureFinding]):
    """Read-only: what the guard found when each case closed."""

    list_display = ["closure", "check_id", "severity", "overridden", "overridden_by"]
    list_filter = ["check_id", "severity", "overridden"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
