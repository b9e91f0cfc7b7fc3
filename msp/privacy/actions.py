"""Erasing a case's or a person's personal data under the retention schedule.

Each erasure runs in one transaction: it checks the record may still go, blanks
what ``msp.privacy.fields`` lists, asks the audit log to blank the old and new
values its events kept, and writes a tombstone event (``retention.erased``)
naming the rule and the record ids, with no personal data."""

import json
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models import F, QuerySet

from msp.accounts.models import User
from msp.assurance.freshness import people_changed
from msp.audit.log import record_change
from msp.audit.models import AuditEvent
from msp.audit.redaction import redact_events
from msp.cases.models import Case, CaseState
from msp.cases.revision import records_changed
from msp.people.models import Person
from msp.privacy import document, fields, sar
from msp.privacy.models import RetentionRule
from msp.privacy.schedule import kept_date_of_birth

ERASED_ACTION = "retention.erased"
REDACTION_REASON = "Personal data erased under the retention schedule"

# How each part of a case reaches its case, where it is not a ``case`` field.
CASE_PATH = {
    "enquiries.outcomerevision": "outcome__case",
    "practice.closurefinding": "closure__case",
    "survey.surveyanswer": "response__case",
}


class NotErasable(Exception):
    """The record changed since the plan was made: it stays as it is."""


def erased_cases() -> "QuerySet[AuditEvent, int | None]":
    """The ids of erased cases, as a subquery."""
    return AuditEvent.objects.filter(action=ERASED_ACTION, object_type="cases.case").values_list(
        "case_id", flat=True
    )


def erased_person_ids() -> set[int]:
    return {
        pk
        for pk in AuditEvent.objects.filter(
            action=ERASED_ACTION, object_type="people.person"
        ).values_list("person_id", flat=True)
        if pk is not None
    }


def _tombstone(obj: Any, rule: RetentionRule, records: dict[str, list[int]], **ids: Any) -> None:
    record_change(
        by=None,
        action=ERASED_ACTION,
        obj=obj,
        changes={"rule": [None, rule.record_type], "records": [None, records]},
        reason=f"Retention schedule: {rule}",
        **ids,
    )


def _events_to_redact(**where: Any) -> list[int]:
    return list(
        AuditEvent.objects.filter(**where)
        .exclude(action=ERASED_ACTION)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def erase_case(case_id: int, *, rule: RetentionRule, closed_at: Any) -> dict[str, list[int]]:
    """Erase a closed case's personal data, keeping what the return counts.
    ``closed_at`` is the closure the plan saw: if the case has been reopened or
    closed again since, nothing happens."""
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if (
        case is None
        or case.state != CaseState.CLOSED
        or case.closed_at != closed_at
        or AuditEvent.objects.filter(
            action=ERASED_ACTION, object_type="cases.case", case_id=case_id
        ).exists()
    ):
        raise NotErasable(case_id)
    records: dict[str, list[int]] = {"cases.case": [case.pk]}
    for label, values in fields.CASE_PARTS.items():
        model = apps.get_model(label)
        rows = model._default_manager.filter(**{CASE_PATH.get(label, "case"): case.pk})
        ids = sorted(rows.values_list("pk", flat=True))
        if ids:
            model._default_manager.filter(pk__in=ids).update(**values)
            records[label] = ids
    Case.objects.filter(pk=case.pk).update(version=F("version") + 1)
    people_changed([case.person_id])  # update() sends no signal: stale the figures here
    records_changed([case.person_id])  # and the case's overview
    redact_events(_events_to_redact(case_id=case.pk), by=None, reason=REDACTION_REASON)
    _tombstone(case, rule, records, case_id=case.pk, person_id=case.person_id)
    return records


@transaction.atomic
def erase_person(person_id: int, *, rule: RetentionRule) -> None:
    """Erase who a person is once every case about them has been erased,
    keeping gender, ethnicity, primary support reason, date of death and a date
    of birth that gives the same ages in the return."""
    person = Person.objects.select_for_update().filter(pk=person_id).first()
    already = AuditEvent.objects.filter(
        action=ERASED_ACTION, object_type="people.person", person_id=person_id
    ).exists()
    if person is None or already:
        raise NotErasable(person_id)
    case_ids = set(Case.objects.filter(person_id=person_id).values_list("pk", flat=True))
    erased = AuditEvent.objects.filter(
        action=ERASED_ACTION, object_type="cases.case", case_id__in=case_ids
    ).values_list("case_id", flat=True)
    if not case_ids or not case_ids <= set(erased):
        raise NotErasable(person_id)
    Person.objects.filter(pk=person_id).update(
        **fields.PERSON,
        date_of_birth=kept_date_of_birth(person.date_of_birth, person.date_of_death),
        version=F("version") + 1,
    )
    records_changed([person_id])  # update() sends no signal: the overviews are stale
    redact_events(
        _events_to_redact(person_id=person_id, case_id=None), by=None, reason=REDACTION_REASON
    )
    _tombstone(
        person,
        rule,
        {"people.person": [person_id], "cases.case": sorted(case_ids)},
        person_id=person_id,
    )


@transaction.atomic
def export_subject_access(person_id: int, *, by: User | None, fmt: str) -> bytes:
    """The subject access export of one person in ``fmt`` ("json" or "pdf"),
    written to the audit log as ``person.subject_access_export``."""
    export = sar.build(person_id, by=by)
    if fmt == "json":
        content = json.dumps(export.as_json(), indent=2, ensure_ascii=False).encode()
    elif fmt == "pdf":
        content = document.pdf(export)
    else:
        raise ValueError(f"Unknown format {fmt!r}")
    record_change(
        by=by,
        action="person.subject_access_export",
        obj=export.person,
        changes={"format": [None, fmt]},
        person_id=person_id,
    )
    return content
