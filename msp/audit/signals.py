"""Changes to accounts, teams and settings are audited however they are made
(the admin, a management command, the shell, a future page): each model an
administrator can change registers itself here from its app's ``ready()``, and
every save or delete of it writes an AuditEvent in the same transaction (the
models save atomically, see ``AtomicSave``; the admin and deletes already run in
one).

Actions are ``<name>.created``, ``<name>.changed``, ``<name>.deleted``; accounts
also have ``account.deactivated``, ``account.reactivated`` and
``account.password_set``. Secret fields (password hashes) are never written:
a changed password shows as ``["(hidden)", "(changed)"]``.
"""

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from msp.audit.log import Changes, acting_user, plain, record_change

HIDDEN = ["(hidden)", "(changed)"]
# Fields that change in the course of using the service, not by an administrator.
ROUTINE = frozenset({"last_login", "last_used_at"})
SECRET = frozenset({"password", "key_hash"})


def _values(instance: models.Model) -> dict[str, Any]:
    return {
        field.attname: plain(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    }


def _changes(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    changes: Changes = {}
    for key, value in new.items():
        if key in ROUTINE or old.get(key) == value:
            continue
        changes[key] = list(HIDDEN) if key in SECRET else [old.get(key), value]
    return changes


def _account_action(changes: Changes) -> str:
    active = changes.get("is_active")
    if active == [True, False]:
        return "account.deactivated"
    if active == [False, True]:
        return "account.reactivated"
    if set(changes) == {"password"}:
        return "account.password_set"
    return "account.changed"


class Audited:
    """The receivers for one model, with the name its actions start with."""

    def __init__(self, model: type[models.Model], name: str, *, saves: bool) -> None:
        self.model = model
        self.name = name
        uid = f"msp-audit-{model._meta.label_lower}"
        if saves:
            pre_save.connect(self.before_save, sender=model, dispatch_uid=uid + "-pre", weak=False)
            post_save.connect(self.after_save, sender=model, dispatch_uid=uid + "-post", weak=False)
        post_delete.connect(
            self.after_delete, sender=model, dispatch_uid=uid + "-delete", weak=False
        )

    def before_save(self, sender: Any, instance: models.Model, **kwargs: Any) -> None:
        old = None
        if instance.pk is not None and not instance._state.adding:
            row = sender._default_manager.filter(pk=instance.pk).first()
            old = _values(row) if row is not None else None
        instance._msp_audit_old = old  # type: ignore[attr-defined]

    def after_save(
        self, sender: Any, instance: models.Model, created: bool, raw: bool = False, **kwargs: Any
    ) -> None:
        if raw:  # loading fixtures
            return
        old = getattr(instance, "_msp_audit_old", None)
        new = _values(instance)
        if created or old is None:
            changes = _changes({}, new)
            action = f"{self.name}.created"
        else:
            changes = _changes(old, new)
            if not changes:
                return
            action = _account_action(changes) if self.name == "account" else f"{self.name}.changed"
        record_change(by=acting_user(), action=action, obj=instance, changes=changes)

    def after_delete(self, sender: Any, instance: models.Model, **kwargs: Any) -> None:
        old = _values(instance)
        changes = {key: [None if key in SECRET else value, None] for key, value in old.items()}
        record_change(
            by=acting_user(), action=f"{self.name}.deleted", obj=instance, changes=changes
        )


def audit_changes(model: type[models.Model], name: str, *, saves: bool = True) -> Audited:
    """Audit every save and delete of ``model`` (``saves=False``: deletes only,
    for models whose saves an action function already audits)."""
    return Audited(model, name, saves=saves)


def audit_memberships(through: type[models.Model], name: str, field: str) -> None:
    """Audit changes to a many-to-many field (an account's groups or permissions)."""

    def changed(
        sender: Any, instance: models.Model, action: str, pk_set: set[Any] | None, **kwargs: Any
    ) -> None:
        if action not in ("post_add", "post_remove", "post_clear"):
            return
        verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
        ids = sorted(pk_set or [])
        record_change(
            by=acting_user(),
            action=f"{name}.changed",
            obj=instance,
            changes={field: [verb, ids]},
        )

    m2m_changed.connect(
        changed, sender=through, dispatch_uid=f"msp-audit-m2m-{through}", weak=False
    )
