"""Which closed cases are waiting for an outcome survey, and which have one."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from msp.accounts.access import readable_cases
from msp.accounts.models import Role, User
from msp.assurance.period import local_midnight
from msp.cases.models import Case, CaseState
from msp.survey.codes import WINDOW_DAYS, Method
from msp.survey.models import SurveyResponse
from msp.survey.rules import days_left, window_end


@dataclass(frozen=True)
class Due:
    case: Case
    closed_on: datetime.date
    window_end: datetime.date
    days_left: int
    asked_at_closure: bool


def survey_cases(user: User) -> QuerySet[Case]:
    """Cases whose surveys this user records: their team's (every team's for a
    safeguarding lead). Team managers read other teams' cases but do not
    record on them."""
    cases = readable_cases(user)
    if user.role == Role.SAFEGUARDING_LEAD:
        return cases
    return cases.filter(team_id=user.team_id) if user.team_id else cases.none()


def _response(method: str) -> Exists:
    # A response about the case's latest closure (closures of earlier episodes
    # of a reopened case are older than the case's closed_at).
    return Exists(
        SurveyResponse.objects.filter(
            case_id=OuterRef("pk"), method=method, closure__closed_at__gte=OuterRef("closed_at")
        )
    )


def due(user: User, today: datetime.date) -> list[Due]:
    """Closed cases still inside the eight-week window with no independent
    survey yet, the window closing soonest first."""
    earliest = local_midnight(today - datetime.timedelta(days=WINDOW_DAYS))
    cases = (
        survey_cases(user)
        .filter(state=CaseState.CLOSED, closed_at__gte=earliest)
        .exclude(_response(Method.INDEPENDENT))
        .annotate(asked_at_closure=_response(Method.LEAD_AT_CLOSURE))
        .select_related("person", "team", "lead_worker")
        .order_by("closed_at", "id")
    )
    rows = []
    for case in cases:
        assert case.closed_at is not None
        closed_on = timezone.localdate(case.closed_at)
        rows.append(
            Due(
                case=case,
                closed_on=closed_on,
                window_end=window_end(closed_on),
                days_left=days_left(closed_on, today),
                asked_at_closure=bool(case.asked_at_closure),
            )
        )
    return rows


def recent(user: User, today: datetime.date, *, limit: int = 50) -> QuerySet[SurveyResponse]:
    """Surveys recorded in the last eight weeks, newest first."""
    since = local_midnight(today - datetime.timedelta(days=WINDOW_DAYS))
    return (
        SurveyResponse.objects.filter(case__in=survey_cases(user), recorded_at__gte=since)
        .select_related("case", "case__person", "interviewer")
        .order_by("-recorded_at", "-id")[:limit]
    )
