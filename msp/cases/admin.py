from typing import Any

from django.contrib import admin

from msp.cases.models import CouncilPolicy


@admin.register(CouncilPolicy)
class CouncilPolicyAdmin(admin.ModelAdmin[CouncilPolicy]):
    """One row per deployment: added once, changed, never deleted. Each change
    is written to the audit log."""

    list_display = ["__str__", "decision_makers", "starter_takes_unallocated"]

    def has_add_permission(self, request: Any) -> bool:
        return not CouncilPolicy.objects.exists()

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
