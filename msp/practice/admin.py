from typing import Any

from django.contrib import admin

from msp.practice.models import GuardConfig


@admin.register(GuardConfig)
class GuardConfigAdmin(admin.ModelAdmin[GuardConfig]):
    """One row per deployment: it can be added once and changed, never deleted.
    (What the guard found at each closure is case data: it is not in the admin.)"""

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
