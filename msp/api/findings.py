"""The practice guard's findings: what the record does not yet show, and what
closing the case would meet."""

from django.http import HttpRequest
from ninja import Query, Router

from msp.accounts.access import get_case_for_user
from msp.api.access import SEE_CASE
from msp.api.auth import current_user
from msp.api.schemas.common import READ_ERRORS
from msp.api.schemas.findings import ClosureCheckOut, ClosureCheckQuery, FindingOut, RoleOut
from msp.api.serialise import case_findings, finding_out
from msp.api.types import CaseId
from msp.enquiries.actions import preview_closure
from msp.practice.gate import can_override

router = Router(tags=["Practice guard"])


@router.get("/cases/{case_id}/findings", response={200: list[FindingOut], **READ_ERRORS})
def list_findings(request: HttpRequest, case_id: CaseId) -> list[FindingOut]:
    """Questions the record does not yet answer, in check-id order, each with why it
    matters and where to record the answer. Recording what is missing makes the
    finding go. DUTY findings block closure; PROMPT findings never do."""
    case = get_case_for_user(current_user(request), case_id)
    return case_findings(case)


@router.get(
    "/cases/{case_id}/closure-check",
    auth=SEE_CASE,
    response={200: ClosureCheckOut, **READ_ERRORS},
)
def closure_check(
    request: HttpRequest, case_id: CaseId, proposed: Query[ClosureCheckQuery]
) -> ClosureCheckOut:
    """What closing the case with this reason (and any other closure fields given)
    would meet, before anything is sent: the problems that would refuse it, every
    finding, and which findings would block and who may override them. Nothing is
    saved; the read is audited. An unknown reason is refused with 422."""
    user = current_user(request)
    case = get_case_for_user(user, case_id)
    preview = preview_closure(case, **proposed.values())
    return ClosureCheckOut(
        would_close=preview.would_close,
        problems=dict(preview.problems),
        findings=[finding_out(f, case.pk) for f in preview.findings],
        blocking=[finding_out(f, case.pk) for f in preview.duties],
        overridable_by=[RoleOut(code=r.value, label=r.label) for r in preview.overriding_roles],
        you_can_override=can_override(user),
    )
