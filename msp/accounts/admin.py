from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from msp.accounts import lockout, two_factor
from msp.accounts.models import ApiToken, Team, User

# django-otp's own admin pages show secret keys and backup codes, and change
# them without an audit event: two-factor is managed through the actions below.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


def _admin_user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


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
    actions = ["unlock_sign_in", "reset_two_factor"]

    @admin.action(description="Unlock sign-in for the selected users")
    def unlock_sign_in(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            lockout.unlock(by=_admin_user(request), username=user.username)
        self.message_user(request, f"Unlocked sign-in for {queryset.count()} user(s)")

    @admin.action(description="Reset two-factor sign-in for the selected users")
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        admin_user = _admin_user(request)
        if admin_user is None:
            return
        for user in queryset:
            two_factor.reset(user, by=admin_user, request=request)
        self.message_user(
            request,
            f"Reset two-factor sign-in for {queryset.count()} user(s). They set it up again "
            "at their next sign-in",
            messages.SUCCESS,
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request: object) -> bool:
        return False  # issue tokens with manage.py issue_api_token


@admin.register(AccessAttempt)
class FailedSignInAdmin(admin.ModelAdmin[AccessAttempt]):
    """Failed sign-ins on record (from django-axes), to see who or which address
    is locked out and unlock them. Unlocking writes an audit event."""

    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "failures_since_start", "attempt_time"]
    readonly_fields = ["username", "ip_address", "failures_since_start", "attempt_time"]
    actions = ["unlock_usernames", "unlock_addresses"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # unlock with the actions, which are audited

    @admin.action(description="Unlock the usernames of the selected attempts", permissions=["view"])
    def unlock_usernames(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        names = {a.username for a in queryset if a.username}
        for name in names:
            lockout.unlock(by=_admin_user(request), username=name)
        self.message_user(request, f"Unlocked {len(names)} username(s)")

    @admin.action(description="Unlock the addresses of the selected attempts", permissions=["view"])
    def unlock_addresses(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        addresses = {a.ip_address for a in queryset if a.ip_address}
        for address in addresses:
            lockout.unlock(by=_admin_user(request), ip_address=address)
        self.message_user(request, f"Unlocked {len(addresses)} address(es)")
