"""Accounts, teams and API tokens in the admin.

Powerful roles (safeguarding lead, auditor, administrator) and superuser status
are never set here directly: saving one records a request, which takes effect
when a second person approves it (see grants.py and /account/role-requests/).
Every change saved here is audited by msp.audit.signals."""

from typing import Any

from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnAttestation, WebAuthnCredential, WebAuthnUserHandle

from msp.accounts import lockout, two_factor
from msp.accounts.grants import decide_role, needs_approval, request_role
from msp.accounts.models import SUPERUSER, ApiToken, Role, RoleGrant, Team, User
from msp.accounts.tokens import revoke_token


def _admin(request: HttpRequest) -> User:
    """The administrator using the admin (the admin site lets nobody else in)."""
    if not isinstance(request.user, User):  # pragma: no cover - MspAdminSite refuses them
        raise PermissionDenied("Only administrators use the admin")
    return request.user


# django-otp's and django-otp-webauthn's own admin pages show secret keys,
# backup codes and passkey details, and change them without an audit event:
# two-factor is managed through the actions below.
for _model in (
    TOTPDevice,
    StaticDevice,
    WebAuthnCredential,
    WebAuthnAttestation,
    WebAuthnUserHandle,
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    search_fields = ["name"]


@admin.register(User)
class MspUserAdmin(UserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    readonly_fields = ["last_login", "date_joined"]
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
            lockout.unlock(by=_admin(request), username=user.username)
        self.message_user(request, f"Unlocked sign-in for {queryset.count()} user(s)")

    @admin.action(description="Reset two-factor sign-in for the selected users")
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        admin_user = _admin(request)
        for user in queryset:
            two_factor.reset(user, by=admin_user, request=request)
        self.message_user(
            request,
            f"Reset two-factor sign-in for {queryset.count()} user(s). They set it up again "
            "at their next sign-in",
            messages.SUCCESS,
        )

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        """Save the account without any powerful role or superuser status asked
        for, and record the request for a second person to approve. A new account
        asked for with a powerful role waits, inactive, for the approval."""
        old = User.objects.filter(pk=obj.pk).first() if change else None
        asked: list[str] = []
        if needs_approval(obj.role) and (old is None or old.role != obj.role):
            asked.append(obj.role)
            obj.role = old.role if old is not None else Role.PRACTITIONER
        if obj.is_superuser and (old is None or not old.is_superuser):
            asked.append(SUPERUSER)
            obj.is_superuser = False
        activate = old is None and bool(asked) and obj.is_active
        if activate:
            obj.is_active = False
        super().save_model(request, obj, form, change)
        for role in asked:
            grant = request_role(obj, role, by=_admin(request), activate_on_approval=activate)
            self.message_user(
                request,
                format_html(
                    "{} for {} needs a second person's approval: another administrator or a "
                    'safeguarding lead, on <a href="{}">requests for powerful roles</a>.{}',
                    grant.get_role_display(),
                    obj.username,
                    reverse("accounts:role-requests"),
                    " The account stays inactive until then." if activate else "",
                ),
                messages.WARNING,
            )


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin[RoleGrant]):
    """Requests for powerful roles: read-only here, decided with the actions
    (or on /account/role-requests/)."""

    list_display = ["user", "role", "requested_by", "requested_at", "outcome", "decided_by"]
    list_filter = ["outcome", "role"]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _decide(self, request: HttpRequest, queryset: QuerySet[RoleGrant], approve: bool) -> None:
        user = _admin(request)
        for grant in queryset:
            try:
                decide_role(grant, by=user, approve=approve)
            except PermissionDenied as refused:
                self.message_user(request, f"{grant}: {refused}", messages.ERROR)
            else:
                done = "approved" if approve else "refused"
                self.message_user(request, f"{grant}: {done}", messages.SUCCESS)

    @admin.action(description="Approve the selected requests")
    def approve(self, request: HttpRequest, queryset: QuerySet[RoleGrant]) -> None:
        self._decide(request, queryset, True)

    @admin.action(description="Refuse the selected requests")
    def refuse(self, request: HttpRequest, queryset: QuerySet[RoleGrant]) -> None:
        self._decide(request, queryset, False)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Tokens are issued with manage.py issue_api_token and revoked here (or by
    their owner); never edited or deleted, so the record of them stays."""

    FIELDS = (
        "prefix",
        "user",
        "name",
        "scope",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ["scope"]
    list_display = FIELDS
    fields = FIELDS
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # issue tokens with manage.py issue_api_token

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        by = _admin(request)
        revoked = sum(
            revoke_token(token, by=by, reason="Revoked by an administrator") for token in queryset
        )
        self.message_user(request, f"{revoked} token(s) revoked.", messages.SUCCESS)


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
            lockout.unlock(by=_admin(request), username=name)
        self.message_user(request, f"Unlocked {len(names)} username(s)")

    @admin.action(description="Unlock the addresses of the selected attempts", permissions=["view"])
    def unlock_addresses(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        addresses = {a.ip_address for a in queryset if a.ip_address}
        for address in addresses:
            lockout.unlock(by=_admin(request), ip_address=address)
        self.message_user(request, f"Unlocked {len(addresses)} address(es)")
