"""Reading cases: lists, detail, chronology, concerns and desired outcomes;
and adding a repeat concern (here because it shares the concerns' path)."""

from django.http import HttpRequest
from ninja import Query, Router

from msp.accounts.access import (
    can_see_confidential_referrer,
    get_case_for_user,
    readable_cases,
    shut_cases,
)
from msp.accounts.models import User
from msp.api.access import CHANGE_CASE
from msp.api.auth import current_user
from msp.api.paging import next_link
from msp.api.schemas.cases import (
    CaseDetail,
    CasePage,
    CaseQuery,
    ChronologyEntry,
    ConcernOut,
    RestrictedCaseRef,
)
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from msp.api.schemas.workflow import AddConcernIn
from msp.api.serialise import (
    CASE_RELATED,
    case_detail,
    case_summary,
    chronology_entry,
    concern_out,
)
from msp.api.types import CaseId
from msp.audit.log import record_list
from msp.cases.chronology import chronology
from msp.cases.models import Case
from msp.concerns import actions as concerns

router = Router(tags=["Cases"])


def record_list_views(user: User, cases: list[Case]) -> None:
    record_list(by=user, shown_in="API case list", cases=[(c.pk, c.person_id) for c in cases])


@router.get("/cases", response={200: CasePage, **READ_ERRORS})
def list_cases(request: HttpRequest, filters: Query[CaseQuery]) -> CasePage:
    """Cases you may see, newest first, a page at a time (`limit` at most 100; follow
    `next` while `more` is true). Each case listed is recorded in the audit log.
    Restricted cases you are not named on are listed apart, by reference only."""
    user = current_user(request)
    cases = readable_cases(user).select_related(*CASE_RELATED)
    shut = shut_cases(user)
    if filters.state is not None:
        cases, shut = cases.filter(state=filters.state), shut.filter(state=filters.state)
    if filters.team is not None:
        cases, shut = cases.filter(team_id=filters.team), shut.filter(team_id=filters.team)
    start, end = filters.offset, filters.offset + filters.limit
    restricted = list(
        shut.order_by("-opened_at", "-id").values_list("pk", "reference")[start : end + 1]
    )
    rows = list(cases.order_by("-opened_at", "-id")[start : end + 1])
    page = rows[: filters.limit]
    more = len(rows) > filters.limit or len(restricted) > filters.limit
    record_list_views(user, page)
    return CasePage(
        count=start + len(page),
        more=more,
        next=next_link(request, offset=start, limit=filters.limit, more=more),
        limit=filters.limit,
        offset=start,
        items=[case_summary(c) for c in page],
        restricted=[
            RestrictedCaseRef(id=pk, reference=ref) for pk, ref in restricted[: filters.limit]
        ],
    )


@router.get("/cases/{case_id}", response={200: CaseDetail, **READ_ERRORS})
def get_case(request: HttpRequest, case_id: CaseId) -> CaseDetail:
    """The whole case, with `allowed_actions`: what you may do to it now."""
    user = current_user(request)
    return case_detail(get_case_for_user(user, case_id), user)


@router.get("/cases/{case_id}/chronology", response={200: list[ChronologyEntry], **READ_ERRORS})
def get_chronology(request: HttpRequest, case_id: CaseId) -> list[ChronologyEntry]:
    """What happened on the case, oldest first, and who did it."""
    case = get_case_for_user(current_user(request), case_id)
    return [chronology_entry(entry) for entry in chronology(case)]


@router.get("/cases/{case_id}/concerns", response={200: list[ConcernOut], **READ_ERRORS})
def list_concerns(request: HttpRequest, case_id: CaseId) -> list[ConcernOut]:
    user = current_user(request)
    case = get_case_for_user(user, case_id)
    sees = can_see_confidential_referrer(user)
    return [concern_out(c, sees_referrer=sees) for c in case.concerns.select_related("raised_by")]


@router.post(
    "/cases/{case_id}/concerns",
    auth=CHANGE_CASE,
    response={200: CaseDetail, **WRITE_ERRORS},
    tags=["Workflow"],
)
def add_concern(request: HttpRequest, case_id: CaseId, payload: AddConcernIn) -> CaseDetail:
    """Add a repeat concern to a case that is still open (409 if it is closed:
    reopen it from the concern instead)."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    concerns.add_concern(
        case, by=user, expected_version=payload.version, **payload.values(exclude={"version"})
    )
    fresh = Case.objects.select_related(*CASE_RELATED).get(pk=case.pk)
    return case_detail(fresh, user)
