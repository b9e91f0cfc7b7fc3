import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from msp.accounts.access import why_not_record_decision
from msp.accounts.models import Team, User
from msp.audit.log import created, record_change
from msp.cases.history import When, first_concern_on, happened_at, when_changes
from msp.cases.models import Case
from msp.cases.workflow import check_allowed, transition
from msp.concerns.codes import DecisionResult, RaisedVia
from msp.concerns.models import Concern, Section42Decision
from msp.concerns.rules import concern_errors, decision_errors
from msp.people.models import Person

CONCERN_FIELDS = (
    "raised_on",
    "raised_via",
    "referrer_anonymous",
    "referrer_confidential",
    "referrer_name",
    "referrer_job_title",
    "referrer_organisation",
    "referrer_contact",
    "referrer_relationship",
    "what_happened",
    "abuse_types",
    "location_of_risk",
    "sources_of_risk",
    "immediate_safety_actions",
    "person_aware",
    "person_wishes",
)

DECISION_FIELDS = (
    "has_care_and_support_needs",
    "care_and_support_needs_evidence",
    "experiencing_or_at_risk",
    "experiencing_or_at_risk_evidence",
    "unable_to_protect_self",
    "unable_to_protect_self_evidence",
    "result",
    "proportionate_response",
    "response_details",
)


def _pick(values: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: values[k] for k in fields if k in values}


SELF_RELATIONSHIP = "The person themselves"


def _referrer(data: dict[str, Any], person: Person) -> dict[str, Any]:
    """Who raised it, as stored. An adult raising a concern about themselves does
    not repeat their own name: the referrer is filled from the person's record
    (they are not anonymous to us, and have no job title or organisation here).
    An anonymous referrer keeps no name or contact details."""
    if data.get("raised_via") == RaisedVia.SELF:
        data.update(
            referrer_anonymous=False,
            referrer_name=person.full_name,
            referrer_job_title="",
            referrer_organisation="",
            referrer_relationship=SELF_RELATIONSHIP,
        )
    elif data.get("referrer_anonymous"):
        for key in ("referrer_name", "referrer_contact"):
            data[key] = ""
    return data


def _received(data: dict[str, Any], at: When) -> datetime.datetime:
    """When the council received a concern: now, or ``at`` for one recorded
    after the fact, which may not be before the day it was raised."""
    raised_on = data.get("raised_on")
    return happened_at(
        at,
        first_concern_on=raised_on if isinstance(raised_on, datetime.date) else None,
        field="received_on",
        what="The date the concern was received",
    )


@transaction.atomic
def raise_concern(
    *, person: Person, by: User, team: Team | None = None, at: When = None, **values: Any
) -> Case:
    """Open a new case about ``person`` with its first concern. ``at`` is
    when the council received it, for a concern recorded after the fact
    (now by default); the audit event keeps the time it was recorded."""
    data = _pick(values, CONCERN_FIELDS)
    errors = concern_errors(data)
    if errors:
        raise ValidationError(errors)
    data = _referrer(data, person)
    now = _received(data, at)
    owning_team = team or by.team
    if owning_team is None:
        raise ValidationError({"team": "Choose the team that will triage this concern"})
    case = Case.objects.create(
        reference=uuid.uuid4().hex[:32], person=person, team=owning_team, opened_at=now
    )
    case.reference = f"{settings.CASE_REFERENCE_PREFIX}-{now.year}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    concern = Concern.objects.create(case=case, raised_by=by, received_at=now, **data)
    changes = created(data)
    changes.update(
        {
            "reference": [None, case.reference],
            "team": [None, owning_team.name],
            "concern_id": [None, concern.pk],
            **when_changes(at, now),
        }
    )
    record_change(
        by=by, action="case.raised", obj=case, changes=changes, case_id=case.pk, person_id=person.pk
    )
    return case


def add_concern_record(
    case: Case, *, by: User, values: dict[str, Any], save: bool = True, at: When = None
) -> tuple[Concern | None, dict[str, str]]:
    """A new concern on ``case`` from ``values`` (the raise-concern fields),
    and the errors found in them (no concern when there are any)."""
    data = _pick(values, CONCERN_FIELDS)
    errors = concern_errors(data)
    if errors:
        return None, errors
    try:
        received_at = _received(data, at)
    except ValidationError as error:
        return None, {k: v[0] for k, v in error.message_dict.items()}
    data = _referrer(data, case.person)
    concern = Concern(case=case, raised_by=by, received_at=received_at, **data)
    if save:
        concern.save()
    return concern, {}


@transaction.atomic
def add_concern(
    case: Case, *, by: User, expected_version: int, at: When = None, **values: Any
) -> Concern:
    """Record a repeat concern on a case that is still open, instead of
    opening a new case for the same person."""
    check_allowed(case, "add_concern")
    concern, errors = add_concern_record(case, by=by, values=values, at=at)
    if errors:
        raise ValidationError(errors)
    assert concern is not None
    transition(
        case,
        "add_concern",
        by=by,
        expected_version=expected_version,
        extra_changes={
            **created({k: getattr(concern, k) for k in CONCERN_FIELDS if k in values}),
            "concern_id": [None, concern.pk],
            **when_changes(at, concern.received_at),
        },
    )
    return concern


@transaction.atomic
def start_triage(case: Case, *, by: User, expected_version: int, at: When = None) -> Case:
    moment = happened_at(at, first_concern_on=first_concern_on(case))
    return transition(
        case,
        "start_triage",
        by=by,
        expected_version=expected_version,
        extra_changes=when_changes(at, moment),
    )


@transaction.atomic
def record_decision(
    case: Case, *, by: User, expected_version: int, at: When = None, **values: Any
) -> Section42Decision:
    """Record the s42 decision; ``at`` is when it was made, if not now."""
    refusal = why_not_record_decision(by, case)
    if refusal:
        raise PermissionDenied(refusal)
    data = _pick(values, DECISION_FIELDS)
    errors = decision_errors(data)
    if errors:
        raise ValidationError(errors)
    data["decided_at"] = happened_at(
        at, first_concern_on=first_concern_on(case), field="decided_on", what="The decision date"
    )
    if data["result"] != DecisionResult.NONE:
        data["proportionate_response"] = ""
        data.setdefault("response_details", "")
    decision = Section42Decision.objects.create(case=case, decided_by=by, **data)
    transition(
        case,
        "record_decision",
        by=by,
        expected_version=expected_version,
        extra_changes={**created(data), "decision_id": [None, decision.pk]},
    )
    return decision
