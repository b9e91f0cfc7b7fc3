"""What the auditor's desk reads from the audit log: searches, who has seen a
person's record, and alerts for unusual access.

The desk shows who, when, which action, which record (ids and case
references) and the channel; for changes the names of the fields that changed,
never their values; and whether a reason was given (break-glass, overrides),
with its length, never its words. Values and reasons are typed by people and
may name the adult or say what happened to them: special-category data. The
auditor's job is to see access, not content; the safeguarding leads, who see
each break-glass reason on their alert list, can show it to them.
"""

import datetime
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery

from msp.accounts.models import User
from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.people.merge import merged_person_ids

BREAK_GLASS = "case.break_glass"
REFUSED = ("case.refused", "person.refused")


@dataclass(frozen=True)
class Filters:
    person_id: int | None = None
    case_id: int | None = None
    user: User | None = None
    action: str = ""
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None  # exclusive


def search(filters: Filters) -> QuerySet[AuditEvent]:
    """Events matching every filter given, newest first."""
    events = AuditEvent.objects.select_related("user").order_by("-seq")
    if filters.person_id is not None:
        events = events.filter(about_person(filters.person_id))
    if filters.case_id is not None:
        events = events.filter(case_id=filters.case_id)
    if filters.user is not None:
        events = events.filter(user=filters.user)
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.start is not None:
        events = events.filter(at__gte=filters.start)
    if filters.end is not None:
        events = events.filter(at__lt=filters.end)
    return events


def about_person(person_id: int) -> Q:
    """Events about the person's record or any of their cases, including the
    records merged into theirs (and their cases, before and after the merge)."""
    ids = merged_person_ids(person_id)
    case_ids = Case.objects.filter(person_id__in=ids).values("pk")
    return Q(person_id__in=ids) | Q(case_id__in=case_ids)


@dataclass(frozen=True)
class Row:
    """One event as the auditor sees it."""

    event: AuditEvent
    case_reference: str
    detail: str
    reason: str


def detail(event: AuditEvent) -> str:
    """What the event touched, without any value: field names for a change."""
    if event.redacted_at is not None:
        return f"Details removed on {event.redacted_at:%d %B %Y} (retention)"
    changes = event.changes if isinstance(event.changes, dict) else {}
    if event.action == AuditEvent.VIEW:
        shown_in = changes.get("shown_in")
        return f"Shown in {shown_in}" if shown_in else "Opened the record"
    if event.action in REFUSED:
        status = changes.get("status")
        if status == 404:
            return "Refused: not found or not theirs (404)"
        return "Refused: read only (403)"
    if changes:
        return "Fields: " + ", ".join(sorted(str(key) for key in changes))
    return ""


def reason_given(event: AuditEvent) -> str:
    """Whether the user gave a reason, and how long it is: never its words."""
    words = len(event.reason.split())
    if not words:
        return ""
    return f"Reason given ({words} word{'' if words == 1 else 's'}; ask a safeguarding lead)"


def rows(events: Iterable[AuditEvent]) -> list[Row]:
    events = list(events)
    case_ids = {e.case_id for e in events if e.case_id is not None}
    references = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "reference"))
    return [
        Row(e, references.get(e.case_id, "") if e.case_id else "", detail(e), reason_given(e))
        for e in events
    ]


@dataclass(frozen=True)
class Access:
    user: User | None
    first: datetime.datetime
    last: datetime.datetime
    views: int
    changes: int


def who_has_seen(person_id: int) -> list[Access]:
    """Every user who viewed or changed the person's record or any of their
    cases, most recent first. Refused attempts are not access, nor is an
    auditor looking at this list (``audit.*`` events)."""
    grouped = (
        AuditEvent.objects.filter(about_person(person_id))
        .exclude(action__in=REFUSED)
        .exclude(action__startswith="audit.")
        .order_by()
        .values("user_id")
        .annotate(
            first=Min("at"),
            last=Max("at"),
            views=Count("pk", filter=Q(action=AuditEvent.VIEW)),
            changes=Count("pk", filter=~Q(action=AuditEvent.VIEW)),
        )
        .order_by("-last")
    )
    users = User.objects.in_bulk([g["user_id"] for g in grouped if g["user_id"]])
    return [
        Access(users.get(g["user_id"]), g["first"], g["last"], g["views"], g["changes"])
        for g in grouped
    ]


# Alerts ------------------------------------------------------------------------


@dataclass(frozen=True)
class BulkRead:
    user: User | None
    records: int
    start: datetime.datetime
    end: datetime.datetime


def bulk_reads(start: datetime.datetime, end: datetime.datetime) -> list[BulkRead]:
    """Users who read more than MSP_AUDIT_ALERT_RECORDS distinct records within
    MSP_AUDIT_ALERT_MINUTES, with their busiest window."""
    limit = settings.MSP_AUDIT_ALERT_RECORDS
    window = datetime.timedelta(minutes=settings.MSP_AUDIT_ALERT_MINUTES)
    reads = (
        AuditEvent.objects.filter(action=AuditEvent.VIEW, at__gte=start, at__lt=end)
        .order_by("user_id", "at", "seq")
        .values_list("user_id", "at", "object_type", "object_id")
        .iterator(chunk_size=5000)
    )
    found: dict[int | None, BulkRead] = {}
    current: int | object | None = object()
    inside: deque[tuple[datetime.datetime, tuple[str, str]]] = deque()
    counts: Counter[tuple[str, str]] = Counter()
    for user_id, at, object_type, object_id in reads:
        if user_id != current:
            current, inside, counts = user_id, deque(), Counter()
        record = (object_type, object_id)
        inside.append((at, record))
        counts[record] += 1
        while inside[0][0] <= at - window:
            _, old = inside.popleft()
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
        best = found.get(user_id)
        if len(counts) > limit and (best is None or len(counts) > best.records):
            found[user_id] = BulkRead(None, len(counts), inside[0][0], at)
    users = User.objects.in_bulk([u for u in found if u is not None])
    return sorted(
        (
            BulkRead(users.get(u) if u is not None else None, b.records, b.start, b.end)
            for u, b in found.items()
        ),
        key=lambda b: -b.records,
    )


def outside_team_reads(start: datetime.datetime, end: datetime.datetime) -> QuerySet[AuditEvent]:
    """Reads of a case by someone in another team (a team manager may read
    every team's cases; the auditor sees when they did)."""
    case_team = Case.objects.filter(pk=OuterRef("case_id")).values("team_id")[:1]
    return (
        AuditEvent.objects.filter(
            action=AuditEvent.VIEW,
            at__gte=start,
            at__lt=end,
            case_id__isnull=False,
            user__team__isnull=False,
        )
        .annotate(case_team=Subquery(case_team))
        .exclude(case_team=F("user__team_id"))
        .select_related("user", "user__team")
        .order_by("-seq")
    )


def break_glass(start: datetime.datetime, end: datetime.datetime) -> QuerySet[AuditEvent]:
    return (
        AuditEvent.objects.filter(action=BREAK_GLASS, at__gte=start, at__lt=end)
        .select_related("user")
        .order_by("-seq")
    )
