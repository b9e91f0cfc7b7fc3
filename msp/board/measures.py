"""The true counts behind the board dashboard, aggregated in the database.

Each measure is one grouped query (``values(...).annotate(Count(...))``), so
the number of queries is the same however many cases there are, and the rows
that come back are one per group (a month, a code, a combination of codes),
never one per case. Nothing here is fit to show: ``report.py`` passes every
count through ``disclosure.py`` first.

Concerns raised, enquiries started, concluded enquiries, overall achievement,
repeat concerns and the period are the statutory return's definitions
(``msp.assurance.definitions`` and ``msp.assurance.period``), so the board and
the return give the same counts for the measures they share.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import (
    Count,
    DateField,
    F,
    Min,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractMonth, TruncDate

from msp.assurance.definitions import (
    concerns_in,
    concluded_enquiries,
    enquiries_started_in,
    repeat_concerns,
    with_achievement,
)
from msp.assurance.period import Period, quarter_of_month, year_of
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.codes import (
    RISK_OUTCOME_REQUIRED,
    LackedCapacity,
    MspAsked,
)
from msp.enquiries.models import Override

# How the desired outcomes of one enquiry were achieved, taken together (SAC
# SG4a counts enquiries, not outcomes): all fully, none at all, or in between.
NOT_RECORDED = "not_recorded"
# Whether a person who lacked capacity was supported (SAC SG3a)
SUPPORTED = "supported"
NOT_SUPPORTED = "not_supported"


def closure_finding_model() -> type[Model] | None:
    """The practice guard's findings at closure, once that model exists.

    Expected fields: ``closure`` (to enquiries.Closure), ``check_id`` ("M1.a"),
    ``severity`` ("DUTY" or "PROMPT") and ``overridden`` (true or false)."""
    try:
        return apps.get_model("practice", "ClosureFinding")
    except LookupError:
        return None


@dataclass
class Measures:
    """True counts for one period and team (or all teams)."""

    period: Period
    team_id: int | None
    # The whole reporting year, by quarter (1 to 4)
    concerns_by_quarter: Counter[int] = field(default_factory=Counter)
    repeats_by_quarter: Counter[int] = field(default_factory=Counter)
    enquiries_by_quarter: Counter[tuple[int, str]] = field(default_factory=Counter)
    # Concerns raised in the period (a concern can have several types and sources)
    abuse_types: Counter[str] = field(default_factory=Counter)
    locations: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    # Section 42 enquiries concluded (closed) in the period
    action_results: Counter[str] = field(default_factory=Counter)
    risk_outcomes: Counter[str] = field(default_factory=Counter)  # risk identified, action taken
    msp_asked: Counter[str] = field(default_factory=Counter)
    achieved: Counter[str] = field(default_factory=Counter)  # where outcomes were expressed
    lacked_capacity: Counter[str] = field(default_factory=Counter)
    capacity_support: Counter[str] = field(default_factory=Counter)  # where capacity was lacking
    # Decisions made in the period: {days since the concern: how many}
    decision_days: Counter[int] = field(default_factory=Counter)
    # Overrides of the person's wishes decided in the period, by ground
    overrides: Counter[str] = field(default_factory=Counter)
    # Guard findings at closures in the period: {(myth, severity, overridden): count}.
    # None while the practice guard's model does not exist.
    findings: Counter[tuple[str, str, bool]] | None = None


def first_year() -> int | None:
    """The first reporting year with a concern in it."""
    earliest = Concern.objects.aggregate(first=Min("raised_on"))["first"]
    return year_of(earliest) if earliest else None


def _for_team(queryset: QuerySet[Any], path: str, team_id: int | None) -> QuerySet[Any]:
    return queryset if team_id is None else queryset.filter(**{path: team_id})


def _dates(period: Period) -> tuple[datetime.date, datetime.date]:
    return (period.first_day, period.last_day)


def _concerns_by_quarter(m: Measures) -> None:
    """Concerns raised in each quarter of the year, and how many of them were
    repeat concerns."""
    concerns = _for_team(concerns_in(m.period.whole_year()), "case__team_id", m.team_id)
    rows = concerns.values(month=ExtractMonth("raised_on")).annotate(n=Count("id")).order_by()
    for row in rows:
        m.concerns_by_quarter[quarter_of_month(row["month"])] += row["n"]
    repeats = (
        repeat_concerns(concerns)
        .values(month=ExtractMonth("raised_on"))
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for row in repeats:
        m.repeats_by_quarter[quarter_of_month(row["month"])] += row["n"]


def _enquiries_by_quarter(m: Measures) -> None:
    """Enquiries started in each quarter of the year, by type."""
    episodes = enquiries_started_in(m.period.whole_year())
    rows = (
        _for_team(episodes, "case__team_id", m.team_id)
        .values("kind", month=ExtractMonth("started_at"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        m.enquiries_by_quarter[(quarter_of_month(row["month"]), row["kind"])] += row["n"]


def _concern_details(m: Measures) -> None:
    """Types of abuse, location and sources of risk of the concerns raised in
    the period: one row per combination that occurs, counted in the database."""
    rows = (
        _for_team(concerns_in(m.period), "case__team_id", m.team_id)
        .values("abuse_types", "location_of_risk", "sources_of_risk")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        n = row["n"]
        for code in set(row["abuse_types"] or []):
            m.abuse_types[code] += n
        m.locations[row["location_of_risk"]] += n
        for code in set(row["sources_of_risk"] or []):
            m.sources[code] += n


def _concluded(m: Measures) -> None:
    """Section 42 enquiries concluded in the period (the return's definition:
    typed by the decision in force at the closure, achievement from the
    outcomes that existed then): one grouped query over every closure field
    the dashboard counts."""
    closures = concluded_enquiries(m.period, DecisionResult.S42)
    rows = (
        with_achievement(_for_team(closures, "case__team_id", m.team_id))
        .values(
            "action_result",
            "risk_outcome",
            "msp_asked",
            "lacked_capacity",
            "capacity_support",
            "achieved",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        n = row["n"]
        m.action_results[row["action_result"] or NOT_RECORDED] += n
        if row["action_result"] in RISK_OUTCOME_REQUIRED:
            m.risk_outcomes[row["risk_outcome"] or NOT_RECORDED] += n
        asked = row["msp_asked"] or MspAsked.NOT_RECORDED
        m.msp_asked[asked] += n
        if asked == MspAsked.EXPRESSED:
            m.achieved[row["achieved"] or NOT_RECORDED] += n
        lacked = row["lacked_capacity"] or LackedCapacity.NOT_RECORDED
        m.lacked_capacity[lacked] += n
        if lacked == LackedCapacity.YES:
            support = row["capacity_support"]
            key = NOT_RECORDED if support is None else SUPPORTED if support else NOT_SUPPORTED
            m.capacity_support[key] += n


def _decision_days(m: Measures) -> None:
    """Days from the concern to the section 42 decision, for decisions made in
    the period: the latest concern on the case raised on or before the decision."""
    concern = (
        Concern.objects.filter(case_id=OuterRef("case_id"), raised_on__lte=OuterRef("decided_on"))
        .order_by("-raised_on", "-id")
        .values("raised_on")[:1]
    )
    decisions = Section42Decision.objects.filter(decided_at__date__range=_dates(m.period))
    rows = (
        _for_team(decisions, "case__team_id", m.team_id)
        .annotate(decided_on=TruncDate("decided_at"))
        .annotate(raised=Subquery(concern, output_field=DateField()))
        .filter(raised__isnull=False)
        .values(days=F("decided_on") - F("raised"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        m.decision_days[row["days"].days] += row["n"]


def _overrides(m: Measures) -> None:
    overrides = Override.objects.filter(decided_on__range=_dates(m.period))
    rows = (
        _for_team(overrides, "case__team_id", m.team_id)
        .values("ground")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        m.overrides[row["ground"]] += row["n"]


def myth_of(check_id: str) -> str:
    """ "M3" for the check "M3.c"."""
    return check_id.split(".", 1)[0]


def _findings(m: Measures) -> None:
    model = closure_finding_model()
    if model is None:
        return
    findings = model._default_manager.filter(closure__closed_at__date__range=_dates(m.period))
    rows = (
        _for_team(findings, "closure__case__team_id", m.team_id)
        .values("check_id", "severity", "overridden")
        .annotate(n=Count("id"))
        .order_by()
    )
    m.findings = Counter()
    for row in rows:
        key = (myth_of(row["check_id"]), str(row["severity"]).upper(), bool(row["overridden"]))
        m.findings[key] += row["n"]


def measure(period: Period, team_id: int | None = None) -> Measures:
    """Every count the dashboard shows, for ``period`` and one team (or all)."""
    m = Measures(period=period, team_id=team_id)
    _concerns_by_quarter(m)
    _enquiries_by_quarter(m)
    _concern_details(m)
    _concluded(m)
    _decision_days(m)
    _overrides(m)
    _findings(m)
    return m
