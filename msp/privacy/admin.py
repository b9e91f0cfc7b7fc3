from django.contrib import admin

from msp.privacy.models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin[RetentionRule]):
    list_display = ["record_type", "keep_years", "keep_days", "active", "updated_at"]
    readonly_fields = ["updated_at"]
