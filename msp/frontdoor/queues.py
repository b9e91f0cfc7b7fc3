"""Reports from the front door on the managers' queues: those waiting for a
triager to confirm the person, how long reports waited for triage, and the
referrers' escalations waiting for a safeguarding lead."""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from msp.accounts.access import (
    can_resolve_report_escalations,
    case_opens_for,
    readable_people,
    triages_reports,
)
from msp.accounts.models import Role, User
from msp.audit.log import record_list
from msp.cases.working_days import working_days_between
from msp.frontdoor.models import PublicReport, ReportEscalation
from msp.people.models import Person
from msp.people.search import search

TRIAGE_PERIOD_DAYS = 90


def readable_reports(user: User) -> QuerySet[PublicReport]:
    """Team managers: their team's reports. Safeguarding leads: every report,
    including those no team covers."""
    reports = PublicReport.objects.all()
    if not triages_reports(user):
        return reports.none()
    # Once taken into a restricted case, a report is as restricted as the case.
    reports = reports.filter(Q(concern__isnull=True) | case_opens_for(user, "concern__case_id"))
    if user.role == Role.SAFEGUARDING_LEAD:
        return reports
    return reports.filter(team_id=user.team_id) if user.team_id else reports.none()


def possible_people(user: User, report: PublicReport, *, limit: int = 10) -> list[Person]:
    """People the triager may see whose name is like the one reported. Never
    linked until the triager confirms one. Audited as a list."""
    people = search(
        readable_people(user).filter(merged_into__isnull=True), report.adult_name, limit=limit
    ).people
    if people:
        record_list(by=user, shown_in="report matches", people=[p.pk for p in people])
    return people


@dataclass(frozen=True)
class WaitingReport:
    report: PublicReport
    working_days: int


@dataclass(frozen=True)
class FrontDoor:
    waiting: list[WaitingReport]
    triaged_count: int  # reports triaged in the last TRIAGE_PERIOD_DAYS
    median_hours_to_triage: float | None
    longest_hours_to_triage: float | None
    escalations: list[ReportEscalation]  # open ones, for leads
    escalations_open: int
    escalations_resolved: int  # in the last TRIAGE_PERIOD_DAYS


def front_door_for(user: User, today: datetime.date | None = None) -> FrontDoor:
    today = today or timezone.localdate()
    reports = readable_reports(user)
    waiting = [
        WaitingReport(r, working_days_between(timezone.localdate(r.received_at), today))
        for r in reports.filter(concern__isnull=True).select_related("team")
    ]
    since = timezone.now() - datetime.timedelta(days=TRIAGE_PERIOD_DAYS)
    hours = [
        (triaged - received).total_seconds() / 3600
        for received, triaged in reports.filter(triaged_at__gte=since).values_list(
            "received_at", "triaged_at"
        )
        if triaged is not None
    ]
    escalations: list[ReportEscalation] = []
    open_count = resolved = 0
    if can_resolve_report_escalations(user):
        open_qs = ReportEscalation.objects.filter(resolved_at__isnull=True)
        escalations = list(open_qs.select_related("report"))
        open_count = len(escalations)
        resolved = ReportEscalation.objects.filter(resolved_at__gte=since).count()
    return FrontDoor(
        waiting=waiting,
        triaged_count=len(hours),
        median_hours_to_triage=round(statistics.median(hours), 1) if hours else None,
        longest_hours_to_triage=round(max(hours), 1) if hours else None,
        escalations=escalations,
        escalations_open=open_count,
        escalations_resolved=resolved,
    )
