from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from msp.accounts.models import ApiToken, Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    search_fields = ["name"]


@admin.register(User)
class MspUserAdmin(UserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Safeguarding role", {"fields": ("role", "team", "job_title", "is_demo")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Safeguarding role", {"fields": ("role", "team")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request: object) -> bool:
        return False  # issue tokens with manage.py issue_api_token
