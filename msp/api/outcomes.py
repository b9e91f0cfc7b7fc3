"""Desired outcomes: what the person wants to happen, revisited during the
enquiry and rated at closure. Revising and rating send the outcome's version;
adding an outcome sends the case's."""

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from msp.accounts.access import get_case_for_user
from msp.api.access import CHANGE_CASE, CHANGE_OUTCOME, get_outcome_for_user
from msp.api.auth import current_user
from msp.api.schemas.cases import OutcomeOut, RevisionOut
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.workflow import OutcomeIn, RatingIn, RevisionIn
from msp.api.serialise import case_outcomes, outcome_out, revision_out
from msp.api.types import CaseId, OutcomeId
from msp.enquiries import actions as enquiries
from msp.enquiries.models import DesiredOutcome

router = Router(tags=["Desired outcomes"])


def _outcome(outcome_id: int) -> OutcomeOut:
    outcome = DesiredOutcome.objects.select_related("case").get(pk=outcome_id)
    return outcome_out(outcome, case_version=outcome.case.version)


@router.get("/cases/{case_id}/outcomes", response={200: list[OutcomeOut], **READ_ERRORS})
def list_outcomes(request: HttpRequest, case_id: CaseId) -> list[OutcomeOut]:
    """What the person wants to happen, each in its current words."""
    case = get_case_for_user(current_user(request), case_id)
    return case_outcomes(case)


@router.post(
    "/cases/{case_id}/outcomes", auth=CHANGE_CASE, response={201: OutcomeOut, **WRITE_ERRORS}
)
def add_outcome(request: HttpRequest, case_id: CaseId, payload: OutcomeIn) -> Status[OutcomeOut]:
    """Record something the person wants to happen. `version` is the case's version."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    outcome = enquiries.add_outcome(
        case, by=user, expected_version=payload.version, **payload.values(exclude={"version"})
    )
    return Status(201, _outcome(outcome.pk))


@router.get("/outcomes/{outcome_id}/revisions", response={200: list[RevisionOut], **READ_ERRORS})
def list_revisions(request: HttpRequest, outcome_id: OutcomeId) -> list[RevisionOut]:
    """Every version of the outcome's words, oldest first."""
    outcome = get_outcome_for_user(current_user(request), outcome_id)
    revisions = outcome.revisions.select_related("recorded_by").order_by("number")
    return [revision_out(r) for r in revisions]


@router.post(
    "/outcomes/{outcome_id}/revisions",
    auth=CHANGE_OUTCOME,
    response={201: OutcomeOut, **WRITE_ERRORS},
)
def revise_outcome(
    request: HttpRequest, outcome_id: OutcomeId, payload: RevisionIn
) -> Status[OutcomeOut]:
    """Revisit an outcome with the person. The old words are kept.
    `version` is the outcome's version."""
    user = current_user(request)
    outcome = get_outcome_for_user(user, outcome_id, write=True)
    enquiries.revise_outcome(
        outcome, by=user, expected_version=payload.version, **payload.values(exclude={"version"})
    )
    return Status(201, _outcome(outcome.pk))


@router.post(
    "/outcomes/{outcome_id}/rating", auth=CHANGE_OUTCOME, response={200: OutcomeOut, **WRITE_ERRORS}
)
def rate_outcome(request: HttpRequest, outcome_id: OutcomeId, payload: RatingIn) -> OutcomeOut:
    """Record how far the outcome was achieved, while the case is closing.
    `version` is the outcome's version."""
    user = current_user(request)
    outcome = get_outcome_for_user(user, outcome_id, write=True)
    values = payload.values(exclude={"version"})
    enquiries.rate_outcome(outcome, by=user, expected_version=payload.version, **values)
    return _outcome(outcome.pk)
