"""Changing cases: raising concerns and every workflow action. Each takes the
``version`` of the record it changes and returns the record as it now is."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.responses import Status

from msp.accounts.access import (
    can_change_case,
    can_raise_concern,
    get_case_for_user,
    get_person_for_user,
)
from msp.accounts.models import Role, Team, User
from msp.api.access import CHANGE_CASE, SEE_PERSON
from msp.api.auth import current_user
from msp.api.idempotency import IdempotencyKey, create_once, mark_replayed
from msp.api.schemas.cases import CaseDetail
from msp.api.schemas.common import WRITE_ERRORS, VersionIn
from msp.api.schemas.findings import ClosureConflictOut
from msp.api.schemas.workflow import (
    AllocationIn,
    ClosureIn,
    ConcernIn,
    DecisionIn,
    EnquiryIn,
    ReasonIn,
    ReopenIn,
)
from msp.api.serialise import CASE_RELATED, case_detail
from msp.api.types import CaseId, PersonId
from msp.cases.actions import allocate_case
from msp.cases.models import Case
from msp.concerns import actions as concerns
from msp.enquiries import actions as enquiries

router = Router(tags=["Workflow"])

CASE_RESPONSES = {200: CaseDetail, **WRITE_ERRORS}


def _fresh(case_id: int) -> Case:
    return Case.objects.select_related(*CASE_RELATED).get(pk=case_id)


def _detail(case_id: int, user: User) -> CaseDetail:
    return case_detail(_fresh(case_id), user)


def _team_for_concern(user: User, team_id: int | None) -> Team | None:
    if team_id is None:
        if user.team_id is None:
            raise ValidationError({"team_id": "Choose the team that will triage this concern"})
        return None
    team = Team.objects.filter(pk=team_id).first()
    if team is None:
        raise ValidationError({"team_id": "Choose a team from the list of teams"})
    if user.role != Role.SAFEGUARDING_LEAD and team.pk != user.team_id:
        raise ValidationError({"team_id": "You can only raise concerns for your own team"})
    return team


@router.post(
    "/people/{person_id}/concerns", auth=SEE_PERSON, response={201: CaseDetail, **WRITE_ERRORS}
)
def raise_concern(
    request: HttpRequest,
    response: HttpResponse,
    person_id: PersonId,
    payload: ConcernIn,
    idempotency_key: IdempotencyKey = None,
) -> Status[CaseDetail]:
    """Raise a concern about a person. This opens a new case, which is returned.

    Send an `Idempotency-Key` header to make a retry safe: see the header's description."""
    user = current_user(request)
    person = get_person_for_user(user, person_id)
    if not can_raise_concern(user):
        raise PermissionDenied("Only practitioners, team managers and leads can raise concerns")

    def create() -> int:
        team = _team_for_concern(user, payload.team_id)
        values = payload.values(exclude={"team_id"})
        return concerns.raise_concern(person=person, by=user, team=team, **values).pk

    case_id, replayed = create_once(
        request, user=user, key=idempotency_key, operation="concern", payload=payload, create=create
    )
    mark_replayed(response, replayed)
    if replayed:
        get_case_for_user(user, case_id)  # still allowed to see it; the read is audited
    return Status(201, _detail(case_id, user))


@router.post("/cases/{case_id}/triage", auth=CHANGE_CASE, response=CASE_RESPONSES)
def start_triage(request: HttpRequest, case_id: CaseId, payload: VersionIn) -> CaseDetail:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    concerns.start_triage(case, by=user, expected_version=payload.version)
    return _detail(case.pk, user)


@router.post("/cases/{case_id}/decision", auth=CHANGE_CASE, response=CASE_RESPONSES)
def record_decision(request: HttpRequest, case_id: CaseId, payload: DecisionIn) -> CaseDetail:
    """Record the section 42 decision: the three criteria, the evidence, and the result."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"version", "decided_on"})
    values["proportionate_response"] = values["proportionate_response"] or ""
    concerns.record_decision(
        case, by=user, expected_version=payload.version, at=payload.decided_on, **values
    )
    return _detail(case.pk, user)


def _lead_worker(case: Case, lead_worker_id: int | None) -> User | None:
    if lead_worker_id is None:
        return None
    lead = User.objects.filter(pk=lead_worker_id, is_active=True).first()
    if lead is None or not lead.does_casework or not can_change_case(lead, case):
        raise ValidationError(
            {"lead_worker_id": "Choose an active practitioner who can work on this case"}
        )
    return lead


@router.post("/cases/{case_id}/enquiry", auth=CHANGE_CASE, response=CASE_RESPONSES)
def start_enquiry(request: HttpRequest, case_id: CaseId, payload: EnquiryIn) -> CaseDetail:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    lead = _lead_worker(case, payload.lead_worker_id)
    enquiries.start_enquiry(
        case,
        by=user,
        expected_version=payload.version,
        lead_worker=lead,
        at=payload.started_on,
    )
    return _detail(case.pk, user)


@router.post("/cases/{case_id}/allocation", auth=CHANGE_CASE, response=CASE_RESPONSES)
def allocate(request: HttpRequest, case_id: CaseId, payload: AllocationIn) -> CaseDetail:
    """Allocate the case to a named worker in its team (or a safeguarding lead).
    Team managers of the case's team and safeguarding leads only; the change is
    audited and shows in the chronology."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    worker = User.objects.filter(pk=payload.worker_id, is_active=True).first()
    if worker is None:
        raise ValidationError({"worker_id": "Choose an active worker in the case's team"})
    allocate_case(
        case, by=user, worker=worker, expected_version=payload.version, reason=payload.reason
    )
    return _detail(case.pk, user)


@router.post("/cases/{case_id}/closing", auth=CHANGE_CASE, response=CASE_RESPONSES)
def start_closing(request: HttpRequest, case_id: CaseId, payload: VersionIn) -> CaseDetail:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    enquiries.start_closing(case, by=user, expected_version=payload.version)
    return _detail(case.pk, user)


@router.post("/cases/{case_id}/return-to-enquiry", auth=CHANGE_CASE, response=CASE_RESPONSES)
def return_to_enquiry(request: HttpRequest, case_id: CaseId, payload: ReasonIn) -> CaseDetail:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    enquiries.return_to_enquiry(
        case, by=user, expected_version=payload.version, reason=payload.reason
    )
    return _detail(case.pk, user)


@router.post(
    "/cases/{case_id}/closure",
    auth=CHANGE_CASE,
    response={**CASE_RESPONSES, 409: ClosureConflictOut},
)
def close_case(request: HttpRequest, case_id: CaseId, payload: ClosureIn) -> CaseDetail:
    """Close the case. Every desired outcome must have been rated first.

    The practice guard runs first. If the record does not show a legal duty was met,
    the response is 409 with `findings` (the DUTY findings that block closing) and
    `all_findings` (prompts too): record what is missing, or, as a team manager or
    safeguarding lead, send `duty_overrides` with a reason for each. A practitioner's
    override, or one without a reason, is 422 on `duty_overrides`."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    values = payload.values(exclude={"version", "closed_on"})
    enquiries.close_case(
        case, by=user, expected_version=payload.version, at=payload.closed_on, **values
    )
    return _detail(case.pk, user)


@router.post("/cases/{case_id}/reopen", auth=CHANGE_CASE, response=CASE_RESPONSES)
def reopen_case(request: HttpRequest, case_id: CaseId, payload: ReopenIn) -> CaseDetail:
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    enquiries.reopen_case(
        case, by=user, expected_version=payload.version, **payload.values(exclude={"version"})
    )
    return _detail(case.pk, user)
