"""The case state machine, and the one function every change goes through.

``TRANSITIONS`` is the whole state machine: each named action, the states it may
start from, and the state it leads to (``None`` keeps the state). Action
functions in concerns/actions.py and enquiries/actions/ call ``transition``
inside their transaction; it locks the case, checks state and version, applies
the change and writes the audit event.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from msp.accounts.models import User
from msp.audit.log import Changes, plain, record_change
from msp.audit.models import AuditEvent
from msp.cases.errors import InvalidTransition, StaleVersion
from msp.cases.models import Case, CaseState

S = CaseState


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str | None
    label: str  # what a button says


def _t(name: str, sources: set[str], target: str | None, label: str) -> Transition:
    return Transition(name, frozenset(sources), target, label)


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t("start_triage", {S.RAISED}, S.TRIAGE, "Start triage"),
        _t("record_decision", {S.TRIAGE, S.DECIDED}, S.DECIDED, "Record the section 42 decision"),
        _t("start_enquiry", {S.DECIDED}, S.ENQUIRY, "Start the enquiry"),
        _t("add_outcome", {S.TRIAGE, S.DECIDED, S.ENQUIRY}, None, "Add a desired outcome"),
        _t("revise_outcome", {S.TRIAGE, S.DECIDED, S.ENQUIRY}, None, "Revisit outcome"),
        _t("start_closing", {S.DECIDED, S.ENQUIRY}, S.CLOSING, "Start closing the case"),
        _t("rate_outcome", {S.CLOSING}, None, "Record how far the outcome was achieved"),
        _t("return_to_enquiry", {S.CLOSING}, S.ENQUIRY, "Return to the enquiry"),
        _t("close_case", {S.CLOSING}, S.CLOSED, "Close the case"),
        _t("reopen_case", {S.CLOSED}, S.TRIAGE, "Reopen the case"),
        _t(
            "allocate",
            {S.RAISED, S.TRIAGE, S.DECIDED, S.ENQUIRY, S.CLOSING},
            None,
            "Allocate the case",
        ),
        _t(
            "add_concern",
            {S.RAISED, S.TRIAGE, S.DECIDED, S.ENQUIRY, S.CLOSING},
            None,
            "Add a new concern to this case",
        ),
    ]
}

STATE_HELP = {
    S.RAISED: "A concern has been raised and is waiting for triage.",
    S.TRIAGE: "Information is being gathered to decide whether an enquiry is needed.",
    S.DECIDED: "The section 42 decision has been recorded.",
    S.ENQUIRY: "An enquiry is under way with the person.",
    S.CLOSING: "The case is being closed: outcomes are being reviewed with the person.",
    S.CLOSED: "The case is closed. It can be reopened if anything changes.",
}


def allowed(case: Case, name: str) -> bool:
    return case.state in TRANSITIONS[name].sources


def check_allowed(case: Case, name: str) -> None:
    t = TRANSITIONS[name]
    if case.state not in t.sources:
        raise InvalidTransition(
            f"You cannot {t.label[0].lower()}{t.label[1:]} while the case is at "
            f"'{case.get_state_display()}'. {STATE_HELP[CaseState(case.state)]}"
        )


def last_change_summary(obj: models.Model) -> tuple[str, dict[str, Any]]:
    """Who last changed ``obj``, and what they changed, from the audit log."""
    event = (
        AuditEvent.objects.changes()
        .filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .select_related("user")
        .order_by("-at", "-id")
        .first()
    )
    if event is None:
        return "Someone", {}
    who = event.user.display_name if event.user else "The system"
    return who, event.changes


def lock(model: type[models.Model], pk: int, expected_version: int | None) -> Any:
    """Re-read a versioned record with a row lock and check nobody saved it since."""
    obj = model._default_manager.select_for_update().get(pk=pk)
    if expected_version is not None and obj.version != expected_version:  # type: ignore[attr-defined]
        who, changes = last_change_summary(obj)
        raise StaleVersion(obj, obj.version, who, changes)  # type: ignore[attr-defined]
    return obj


def transition(
    case: Case,
    name: str,
    *,
    by: User,
    expected_version: int | None,
    fields: dict[str, Any] | None = None,
    reason: str = "",
    extra_changes: Changes | None = None,
) -> Case:
    """Move ``case`` through action ``name``. Call inside ``transaction.atomic``.

    ``fields`` are further case fields to set. ``extra_changes`` describe
    records the action created or changed alongside the case (for the
    chronology). Returns the fresh, saved case.
    """
    locked: Case = lock(Case, case.pk, expected_version)
    check_allowed(locked, name)
    target = TRANSITIONS[name].target
    new_values: dict[str, Any] = dict(fields or {})
    if target is not None:
        new_values["state"] = target
    changes: Changes = {}
    for key, value in new_values.items():
        old = getattr(locked, key)
        if old != value:
            changes[key] = [old, value]
        setattr(locked, key, value)
    locked.version += 1
    locked.save()
    changes = {k: [plain(v[0]), plain(v[1])] for k, v in changes.items()}
    changes.update(extra_changes or {})
    record_change(
        by=by,
        action=f"case.{name}",
        obj=locked,
        changes=changes,
        case_id=locked.pk,
        person_id=locked.person_id,
        reason=reason,
    )
    return locked
