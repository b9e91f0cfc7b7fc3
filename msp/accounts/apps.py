from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "msp.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.models import Group

        from msp.accounts import (  # noqa: F401  (checks and signal receivers register on import)
            checks,
            middleware,
            signin_audit,
            tokens,
        )
        from msp.accounts.models import Team, User
        from msp.audit.signals import audit_changes, audit_memberships

        audit_changes(User, "account")
        audit_changes(Team, "team")
        audit_changes(Group, "group")
        audit_memberships(User.groups.through, "account", "groups")
        audit_memberships(User.user_permissions.through, "account", "user_permissions")
        audit_memberships(Group.permissions.through, "group", "permissions")
        tokens.connect()
