"""The practice guard's findings: what the record does not yet show."""

from django.http import HttpRequest
from ninja import Router

from msp.accounts.access import get_case_for_user
from msp.api.auth import current_user
from msp.api.schemas.common import READ_ERRORS
from msp.api.schemas.findings import FindingOut
from msp.api.serialise import case_findings
from msp.api.types import CaseId

router = Router(tags=["Practice guard"])


@router.get("/cases/{case_id}/findings", response={200: list[FindingOut], **READ_ERRORS})
def list_findings(request: HttpRequest, case_id: CaseId) -> list[FindingOut]:
    """Questions the record does not yet answer, in check-id order, each with why it
    matters and where to record the answer. Recording what is missing makes the
    finding go. DUTY findings block closure; PROMPT findings never do."""
    case = get_case_for_user(current_user(request), case_id)
    return case_findings(case)
