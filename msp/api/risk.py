"""Risk: the risk assessment, actions to protect others, decisions that override
someone's wishes (with a manager's co-signature), and the person's death."""

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from msp.accounts.access import get_case_for_user
from msp.accounts.models import User
from msp.api.access import CHANGE_CASE, get_override_to_cosign
from msp.api.auth import current_user
from msp.api.parts import field_names, one_of, put_status, record_fields, values_of
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS, UserRef
from msp.api.schemas.risk import (
    DeathIn,
    DeathOut,
    OverrideIn,
    OverrideOut,
    RiskActionIn,
    RiskActionOut,
    RiskAssessmentIn,
    RiskAssessmentOut,
)
from msp.api.types import CaseId, OverrideId
from msp.enquiries import actions
from msp.enquiries.actions.risk import (
    DEATH_FIELDS,
    OVERRIDE_FIELDS,
    RISK_ACTION_FIELDS,
    RISK_FIELDS,
)
from msp.enquiries.models import DeathRecord, Override, RiskAssessment, RiskToOthersAction

router = Router(tags=["Risk and overrides"])

NO_RISK_ASSESSMENT = "No risk assessment is recorded on this case yet"
NO_DEATH = "No death is recorded on this case"


def risk_assessment_out(r: RiskAssessment) -> RiskAssessmentOut:
    return RiskAssessmentOut(
        **record_fields(r),
        **values_of(r, RISK_FIELDS),
        others_at_risk=r.others_at_risk,
        source_in_position_of_trust=r.source_in_position_of_trust,
    )


def risk_action_out(a: RiskToOthersAction) -> RiskActionOut:
    return RiskActionOut(**record_fields(a), **values_of(a, RISK_ACTION_FIELDS))


def override_out(o: Override) -> OverrideOut:
    fields = [f for f in OVERRIDE_FIELDS if f != "cosigner"]
    return OverrideOut(
        **record_fields(o),
        **values_of(o, fields),
        cosigner=UserRef(id=o.cosigner.pk, name=o.cosigner.display_name),
        cosigned_at=o.cosigned_at,
        cosigned=o.is_cosigned,
    )


def death_out(d: DeathRecord) -> DeathOut:
    return DeathOut(**record_fields(d), **values_of(d, DEATH_FIELDS))


# --- The risk assessment ----------------------------------------------------------------


@router.get("/cases/{case_id}/risk-assessment", response={200: RiskAssessmentOut, **READ_ERRORS})
def get_risk_assessment(request: HttpRequest, case_id: CaseId) -> RiskAssessmentOut:
    """Risk to the person and to others. 404 until it is first saved."""
    case = get_case_for_user(current_user(request), case_id)
    return risk_assessment_out(one_of(RiskAssessment, case.pk, NO_RISK_ASSESSMENT))


@router.put(
    "/cases/{case_id}/risk-assessment",
    auth=CHANGE_CASE,
    response={200: RiskAssessmentOut, 201: RiskAssessmentOut, **WRITE_ERRORS},
)
def save_risk_assessment(
    request: HttpRequest, case_id: CaseId, payload: RiskAssessmentIn
) -> Status[RiskAssessmentOut]:
    """Create the case's risk assessment (201, without a version) or change it
    (200, with the version you loaded). Where a crime may have been committed,
    the decision about the police and its reason are required."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    status = put_status(RiskAssessment, case.pk)
    record = actions.save_risk_assessment(
        case,
        by=user,
        expected_version=payload.version,
        **payload.values(exclude_unset=True, exclude={"version"}),
    )
    return Status(status, risk_assessment_out(record))


# --- Actions to protect others ---------------------------------------------------------


@router.get("/cases/{case_id}/risk-actions", response={200: list[RiskActionOut], **READ_ERRORS})
def list_risk_actions(request: HttpRequest, case_id: CaseId) -> list[RiskActionOut]:
    """What was done to protect other people from the same source of risk."""
    case = get_case_for_user(current_user(request), case_id)
    return [risk_action_out(a) for a in case.risk_to_others_actions.select_related("recorded_by")]


@router.post(
    "/cases/{case_id}/risk-actions",
    auth=CHANGE_CASE,
    response={201: RiskActionOut, **WRITE_ERRORS},
)
def add_risk_action(
    request: HttpRequest, case_id: CaseId, payload: RiskActionIn
) -> Status[RiskActionOut]:
    """Record an action to protect others: a referral about a person in a position
    of trust, telling the employer, the regulator or the police, and so on."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    record = actions.add_risk_to_others_action(case, by=user, **payload.values())
    return Status(201, risk_action_out(record))


# --- Overrides --------------------------------------------------------------------------


@router.get("/cases/{case_id}/overrides", response={200: list[OverrideOut], **READ_ERRORS})
def list_overrides(request: HttpRequest, case_id: CaseId) -> list[OverrideOut]:
    """Decisions that overrode someone's wishes, with their co-signatures."""
    case = get_case_for_user(current_user(request), case_id)
    return [override_out(o) for o in case.overrides.select_related("recorded_by", "cosigner")]


@router.post(
    "/cases/{case_id}/overrides", auth=CHANGE_CASE, response={201: OverrideOut, **WRITE_ERRORS}
)
def record_override(
    request: HttpRequest, case_id: CaseId, payload: OverrideIn
) -> Status[OverrideOut]:
    """Record acting against someone's wishes, or sharing information without
    consent: the ground, the law, who decided, what was shared with whom, and
    whether the person was told. Name a team manager or safeguarding lead, other
    than you, to co-sign it (`cosigner_id`)."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"cosigner_id"})
    # An id that matches nobody is no co-signer: the action's rule says whom to choose.
    cosigner_id = payload.cosigner_id
    values["cosigner"] = User.objects.filter(pk=cosigner_id).first() if cosigner_id else None
    with field_names(cosigner="cosigner_id"):
        record = actions.record_override(case, by=user, **values)
    return Status(201, override_out(record))


@router.post("/overrides/{override_id}/cosign", response={200: OverrideOut, **WRITE_ERRORS})
def cosign_override(request: HttpRequest, override_id: OverrideId) -> OverrideOut:
    """Confirm an override as its named co-signer. Nobody else may (403); an
    override already co-signed is 409."""
    user = current_user(request)
    override = get_override_to_cosign(user, override_id)
    actions.cosign_override(override, by=user)
    return override_out(
        Override.objects.select_related("recorded_by", "cosigner").get(pk=override.pk)
    )


# --- Death ------------------------------------------------------------------------------


@router.get("/cases/{case_id}/death", response={200: DeathOut, **READ_ERRORS})
def get_death(request: HttpRequest, case_id: CaseId) -> DeathOut:
    """The person's death, if recorded on this case (404 if not)."""
    case = get_case_for_user(current_user(request), case_id)
    return death_out(one_of(DeathRecord, case.pk, NO_DEATH))


@router.put(
    "/cases/{case_id}/death",
    auth=CHANGE_CASE,
    response={200: DeathOut, 201: DeathOut, **WRITE_ERRORS},
)
def record_death(request: HttpRequest, case_id: CaseId, payload: DeathIn) -> Status[DeathOut]:
    """Record the person's death (201, without a version) or correct it (200, with
    the version you loaded): whether others remain at risk, and how the
    Safeguarding Adults Review criteria were considered. The date of death is
    also recorded on the person."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    status = put_status(DeathRecord, case.pk)
    record = actions.record_death(
        case,
        by=user,
        expected_version=payload.version,
        **payload.values(exclude_unset=True, exclude={"version"}),
    )
    return Status(status, death_out(record))
