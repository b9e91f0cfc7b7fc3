"""Action functions for risk: the risk assessment, actions to protect others,
decisions that override someone's wishes (with their co-signature), and the
person's death. The conventions are those of record.py."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import plain
from msp.cases.errors import InvalidTransition
from msp.cases.history import When
from msp.cases.models import Case
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.actions._record import (
    audit,
    check,
    create,
    dates_for,
    open_case,
    pick,
    save_singleton,
)
from msp.enquiries.models import DeathRecord, Override, RiskAssessment, RiskToOthersAction
from msp.enquiries.models.overrides import OverrideKind
from msp.enquiries.record_rules import (
    Dates,
    death_errors,
    override_errors,
    risk_action_errors,
    risk_assessment_errors,
)
from msp.people.actions import record_date_of_death
from msp.people.models import Person

RISK_FIELDS = (
    "risk_to_person",
    "other_adults_at_risk",
    "children_at_risk",
    "public_at_risk",
    "risk_to_others",
    "source_trust_role",
    "source_has_contact_with_others_at_risk",
    "crime_may_have_been_committed",
    "police_decision",
    "police_decision_reason",
)

RISK_ACTION_FIELDS = ("kind", "details", "done_on", "done_by")

OVERRIDE_FIELDS = (
    "kind",
    "ground",
    "legal_basis",
    "rationale",
    "decided_by",
    "advised_by",
    "decided_on",
    "shared_what",
    "shared_with",
    "shared_on",
    "person_told",
    "person_told_on",
    "not_told_reason",
    "cosigner",
)

DEATH_FIELDS = (
    "date_of_death",
    "others_remain_at_risk",
    "sar_criteria_may_be_met",
    "sar_considerations",
    "sar_referred_on",
)


def _risk_rules(
    data: dict[str, Any], dates: Dates, case: Case, record: RiskAssessment | None
) -> dict[str, str]:
    return risk_assessment_errors(data)


@transaction.atomic
def save_risk_assessment(
    case: Case, *, by: User, expected_version: int | None, at: When = None, **values: Any
) -> RiskAssessment:
    return save_singleton(
        RiskAssessment,
        case,
        by=by,
        expected_version=expected_version,
        values=values,
        fields=RISK_FIELDS,
        rules=_risk_rules,
        action="risk.assessed",
        at=at,
    )


@transaction.atomic
def add_risk_to_others_action(
    case: Case, *, by: User, at: When = None, **values: Any
) -> RiskToOthersAction:
    case = open_case(case.pk)
    data = pick(RiskToOthersAction, values, RISK_ACTION_FIELDS)
    check(risk_action_errors(data, dates_for(case, at)))
    return create(RiskToOthersAction, case, by=by, action="risk_action.recorded", data=data, at=at)


@transaction.atomic
def record_override(case: Case, *, by: User, at: When = None, **values: Any) -> Override:
    case = open_case(case.pk)
    data = pick(Override, values, OVERRIDE_FIELDS)
    check(override_errors(data, dates_for(case, at), by_id=by.pk))
    if data["kind"] != OverrideKind.SHARED_WITHOUT_CONSENT:
        data.update(shared_what="", shared_with="", shared_on=None)
    if data["person_told"]:
        data["not_told_reason"] = ""
    else:
        data["person_told_on"] = None
    return create(Override, case, by=by, action="override.recorded", data=data, at=at)


@transaction.atomic
def cosign_override(override: Override, *, by: User) -> Override:
    """The named co-signer confirms the override. Nobody else may."""
    case = open_case(override.case_id)
    locked: Override = Override.objects.select_for_update().get(pk=override.pk)
    if locked.cosigner_id != by.pk:
        raise PermissionDenied(
            f"Only {locked.cosigner.display_name}, who was named to co-sign, can co-sign this"
        )
    if locked.is_cosigned:
        raise InvalidTransition("This decision has already been co-signed.")
    locked.cosigned_at = timezone.now()
    locked.version += 1
    locked.save(update_fields=["cosigned_at", "version"])
    audit(by, "override.cosigned", locked, case, {"cosigned_at": [None, plain(locked.cosigned_at)]})
    return locked


def _death_rules(
    data: dict[str, Any], dates: Dates, case: Case, record: DeathRecord | None
) -> dict[str, str]:
    date_of_birth = Person.objects.values_list("date_of_birth", flat=True).get(pk=case.person_id)
    return death_errors(data, dates, date_of_birth=date_of_birth)


def _tidy_death(data: dict[str, Any]) -> None:
    if data["sar_criteria_may_be_met"] != YesNoUnknown.YES:
        data["sar_referred_on"] = None


@transaction.atomic
def record_death(
    case: Case, *, by: User, expected_version: int | None, at: When = None, **values: Any
) -> DeathRecord:
    """Record (or correct) the person's death on this case, and their date of
    death on the person."""
    record = save_singleton(
        DeathRecord,
        case,
        by=by,
        expected_version=expected_version,
        values=values,
        fields=DEATH_FIELDS,
        rules=_death_rules,
        action="death.recorded",
        tidy_data=_tidy_death,
        at=at,
    )
    person = Person.objects.get(pk=record.case.person_id)
    record_date_of_death(person, by=by, date_of_death=record.date_of_death)
    return record
