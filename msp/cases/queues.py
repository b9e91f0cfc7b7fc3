"""The work waiting for a manager or a safeguarding lead: concerns waiting for
triage, cases waiting for the section 42 decision, and enquiries waiting for
sign-off, each with how long it has waited in working days, oldest first.

A team manager sees their own team's queues; a safeguarding lead every team's.
Restricted cases the user may not open show only as their reference.
"""

import datetime
from dataclasses import dataclass

from django.db.models import DateTimeField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from msp.accounts.access import findable_cases
from msp.accounts.models import Role, User
from msp.audit.models import AuditEvent
from msp.cases.models import Case, CaseState
from msp.cases.working_days import working_days_between


@dataclass(frozen=True)
class Waiting:
    case: Case
    since: datetime.date
    working_days: int

    @property
    def opens(self) -> bool:
        return bool(getattr(self.case, "opens", True))


@dataclass(frozen=True)
class Queue:
    key: str
    title: str
    since_label: str
    empty: str
    items: list[Waiting]


# Each queue: the state its cases are in, and the action whose latest event
# says when they started waiting (None: since the concern arrived).
QUEUES = (
    (
        "triage",
        "Concerns waiting for triage",
        CaseState.RAISED,
        None,
        "Concern received",
        "No concerns are waiting for triage.",
    ),
    (
        "decision",
        "Waiting for the section 42 decision",
        CaseState.TRIAGE,
        None,
        "Concern received",
        "No cases are waiting for a decision.",
    ),
    (
        "sign-off",
        "Enquiries waiting for sign-off",
        CaseState.CLOSING,
        "case.start_closing",
        "Closing started",
        "No enquiries are waiting for sign-off.",
    ),
)


def queue_cases(user: User) -> QuerySet[Case]:
    """Open cases in the user's queues: their team's (team managers) or
    every team's (safeguarding leads); none for anyone else."""
    cases = findable_cases(user).select_related("person", "team", "lead_worker")
    if user.role == Role.SAFEGUARDING_LEAD:
        return cases
    if user.role == Role.TEAM_MANAGER and user.team_id:
        return cases.filter(team_id=user.team_id)
    return cases.none()


def _since(action: str | None) -> Coalesce | F:
    if action is None:
        return F("opened_at")
    latest = (
        AuditEvent.objects.filter(case_id=OuterRef("pk"), action=action, object_type="cases.case")
        .order_by("-at")
        .values("at")[:1]
    )
    return Coalesce(Subquery(latest), "opened_at", output_field=DateTimeField())


def queues_for(user: User, today: datetime.date | None = None) -> list[Queue]:
    today = today or timezone.localdate()
    result = []
    for key, title, state, action, since_label, empty in QUEUES:
        cases = (
            queue_cases(user)
            .filter(state=state)
            .annotate(waiting_since=_since(action))
            .order_by("waiting_since", "id")
        )
        items = []
        for case in cases:
            since = timezone.localdate(case.waiting_since)
            items.append(Waiting(case, since, working_days_between(since, today)))
        result.append(Queue(key, title, since_label, empty, items))
    return result
