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
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from django.apps import apps
from django.db import transaction
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
from django.tasks import task
from django.utils import timezone

from msp.assurance.definitions import (
    concerns_in,
    concluded_enquiries,
    enquiries_started_in,
    repeat_concerns,
    with_achievement,
)
from msp.assurance.freshness import version_of
from msp.assurance.period import Period, quarter_of_month, year_of
from msp.assurance.sac.build import one_snapshot
from msp.board.models import StoredFigures
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.codes import (
    RISK_OUTCOME_REQUIRED,
    LackedCapacity,
    MspAsked,
)
from msp.enquiries.models import Override
from msp.sealed import seal, unseal

# How the desired outcomes of one enquiry were achieved, taken together (SAC
# SG4a counts enquiries, not outcomes): all fully, none at all, or in between.
NOT_RECORDED = "not_recorded"
# Whether a person who lacked capacity was supported (SAC SG3a)
SUPPORTED = "supported"
NOT_SUPPORTED = "not_supported"
# A recount queued for a version of a year's data is not queued again within
# this many seconds (a worker that stopped is then given it again).
QUEUED_FOR = 30 * 60
GRID_PURPOSE = "board.grid"  # what the stored figures are sealed for (msp.sealed)


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


# A cell of the year: (team id, calendar month 1 to 12).
Cell = tuple[int, int]
# Measures counted over the whole reporting year whatever the period shown.
YEAR_FIELDS = frozenset({"concerns_by_quarter", "repeats_by_quarter", "enquiries_by_quarter"})
COUNTED_FIELDS = tuple(f.name for f in fields(Measures) if f.name not in ("period", "team_id"))


@dataclass
class _Grid:
    """Every count of one reporting year, by team and month. Each measure is
    one grouped query over the whole year, whatever the number of views: a
    quarter, a team or the year is then a sum of cells, so every view of the
    year agrees with every other by construction."""

    year: int
    cells: dict[Cell, Measures] = field(default_factory=dict)
    has_findings: bool = False

    def at(self, team_id: int, month: int) -> Measures:
        cell = self.cells.get((team_id, month))
        if cell is None:
            cell = self.cells[(team_id, month)] = Measures(Period(self.year), team_id)
        return cell


def _for_team(queryset: QuerySet[Any], path: str, team_id: int | None) -> QuerySet[Any]:
    return queryset if team_id is None else queryset.filter(**{path: team_id})


def _dates(period: Period) -> tuple[datetime.date, datetime.date]:
    return (period.first_day, period.last_day)


def _by_cell(
    queryset: QuerySet[Any], team_path: str, when: str, team_id: int | None, *group: str
) -> QuerySet[Any]:
    """``queryset`` for one team (or all), grouped by team, month and ``group``."""
    grouped: QuerySet[Any] = (
        _for_team(queryset, team_path, team_id)
        .values(*group, team=F(team_path), month=ExtractMonth(when))
        .annotate(n=Count("id"))
        .order_by()
    )
    return grouped


def _concerns(g: _Grid, year: Period, team_id: int | None) -> None:
    """Concerns raised in the year, with their types, location and sources of
    risk (one row per combination that occurs), and the repeat concerns."""
    concerns = concerns_in(year)
    rows = _by_cell(
        concerns,
        "case__team_id",
        "raised_on",
        team_id,
        "abuse_types",
        "location_of_risk",
        "sources_of_risk",
    )
    for row in rows:
        m, n = g.at(row["team"], row["month"]), row["n"]
        m.concerns_by_quarter[quarter_of_month(row["month"])] += n
        for code in set(row["abuse_types"] or []):
            m.abuse_types[code] += n
        m.locations[row["location_of_risk"]] += n
        for code in set(row["sources_of_risk"] or []):
            m.sources[code] += n
    repeats = (
        repeat_concerns(_for_team(concerns, "case__team_id", team_id))
        .values(team=F("case__team_id"), month=ExtractMonth("raised_on"))
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for row in repeats:
        g.at(row["team"], row["month"]).repeats_by_quarter[quarter_of_month(row["month"])] += row[
            "n"
        ]


def _enquiries(g: _Grid, year: Period, team_id: int | None) -> None:
    """Enquiries started in the year, by type."""
    rows = _by_cell(enquiries_started_in(year), "case__team_id", "started_at", team_id, "kind")
    for row in rows:
        key = (quarter_of_month(row["month"]), row["kind"])
        g.at(row["team"], row["month"]).enquiries_by_quarter[key] += row["n"]


def _concluded(g: _Grid, year: Period, team_id: int | None) -> None:
    """Section 42 enquiries concluded in the year (the return's definition:
    typed by the episode the closure concluded, achievement from the outcomes
    that existed then): one grouped query over every closure field the
    dashboard counts."""
    closures = with_achievement(concluded_enquiries(year, DecisionResult.S42))
    rows = _by_cell(
        closures,
        "case__team_id",
        "closed_at",
        team_id,
        "action_result",
        "risk_outcome",
        "msp_asked",
        "lacked_capacity",
        "capacity_support",
        "achieved",
    )
    for row in rows:
        m, n = g.at(row["team"], row["month"]), row["n"]
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


def _decision_days(g: _Grid, year: Period, team_id: int | None) -> None:
    """Days from the concern to the section 42 decision, for decisions made in
    the year: the latest concern on the case raised on or before the decision."""
    concern = (
        Concern.objects.filter(case_id=OuterRef("case_id"), raised_on__lte=OuterRef("decided_on"))
        .order_by("-raised_on", "-id")
        .values("raised_on")[:1]
    )
    decisions = (
        Section42Decision.objects.filter(decided_at__date__range=_dates(year))
        .annotate(decided_on=TruncDate("decided_at"))
        .annotate(raised=Subquery(concern, output_field=DateField()))
        .filter(raised__isnull=False)
        .annotate(days=F("decided_on") - F("raised"))
    )
    for row in _by_cell(decisions, "case__team_id", "decided_at", team_id, "days"):
        g.at(row["team"], row["month"]).decision_days[row["days"].days] += row["n"]


def _overrides(g: _Grid, year: Period, team_id: int | None) -> None:
    overrides = Override.objects.filter(decided_on__range=_dates(year))
    for row in _by_cell(overrides, "case__team_id", "decided_on", team_id, "ground"):
        g.at(row["team"], row["month"]).overrides[row["ground"]] += row["n"]


def myth_of(check_id: str) -> str:
    """ "M3" for the check "M3.c"."""
    return check_id.split(".", 1)[0]


def _findings(g: _Grid, year: Period, team_id: int | None) -> None:
    model = closure_finding_model()
    if model is None:
        return
    g.has_findings = True
    findings = model._default_manager.filter(closure__closed_at__date__range=_dates(year))
    rows = _by_cell(
        findings,
        "closure__case__team_id",
        "closure__closed_at",
        team_id,
        "check_id",
        "severity",
        "overridden",
    )
    for row in rows:
        m = g.at(row["team"], row["month"])
        if m.findings is None:
            m.findings = Counter()
        key = (myth_of(row["check_id"]), str(row["severity"]).upper(), bool(row["overridden"]))
        m.findings[key] += row["n"]


def _grid(year: int, team_id: int | None = None) -> _Grid:
    g = _Grid(year)
    whole = Period(year)
    for count in (_concerns, _enquiries, _concluded, _decision_days, _overrides, _findings):
        count(g, whole, team_id)
    return g


@dataclass(frozen=True)
class Age:
    """How current the figures read for a year are: counted at ``counted_at``,
    and ``current`` unless the year's data has changed since (a recount is
    then on its way)."""

    counted_at: datetime.datetime
    current: bool


def _stored(year: int) -> tuple[_Grid, StoredFigures] | None:
    row = StoredFigures.objects.filter(year=year).first()
    if row is None:
        return None
    grid = unseal(row.grid, GRID_PURPOSE)  # None: not ours, or an older version's
    return (grid, row) if isinstance(grid, _Grid) else None


def year_grid(year: int) -> _Grid:
    """Every count of ``year`` for all teams: the stored figures while the
    year's data is unchanged, otherwise counted now and stored."""
    return counted_year(year, wait=True)[0]


def counted_year(year: int, *, wait: bool) -> tuple[_Grid, Age]:
    """The year's counts and how current they are. Stored figures counted
    from the year's current data are used as they are. When the data has
    changed since: with ``wait``, counted now; without, the stored figures
    are used and a recount is queued (``count_board_task``), so a page never
    waits for a count it has already made once. Nothing stored: counted now."""
    version = version_of(year)
    found = _stored(year)
    if found is not None:
        grid, row = found
        if row.data_version == version:
            return grid, Age(row.built_at, current=True)
        if not wait:
            _queue_count(year, version)
            again = _stored(year)  # a worker that runs at once (as in tests) has counted
            if again is not None and again[1].data_version == version:
                return again[0], Age(again[1].built_at, current=True)
            return grid, Age(row.built_at, current=False)
    with one_snapshot():
        version = version_of(year)
        grid = _grid(year)
    store_grid(grid, version)
    return grid, Age(timezone.now(), current=True)


def _queue_count(year: int, version: int) -> None:
    """Queue one recount of ``year`` per version of its data (again only if
    that one has been waiting longer than ``QUEUED_FOR``: a worker stopped)."""
    now = timezone.now()
    claimed = (
        StoredFigures.objects.filter(year=year)
        .exclude(
            recount_version=version,
            recount_queued_at__gt=now - datetime.timedelta(seconds=QUEUED_FOR),
        )
        .update(recount_version=version, recount_queued_at=now)
    )
    if claimed:
        count_board_task.enqueue(year)


@task()
def count_board_task(year: int) -> None:
    """Count the board's figures for ``year`` and store them, unless they are
    already current."""
    counted_year(year, wait=True)


def store_grid(grid: _Grid, version: int) -> None:
    """Keep ``grid``, counted from ``version`` of its year's data (a newer
    build stored meanwhile is kept)."""
    data = seal(grid, GRID_PURPOSE)
    with transaction.atomic():
        row = StoredFigures.objects.select_for_update().filter(year=grid.year).first()
        if row is None:
            StoredFigures.objects.bulk_create(
                [
                    StoredFigures(
                        year=grid.year, data_version=version, built_at=timezone.now(), grid=data
                    )
                ],
                ignore_conflicts=True,
            )
        elif row.data_version <= version:
            row.data_version, row.built_at, row.grid = version, timezone.now(), data
            row.save()


def _months(period: Period) -> frozenset[int]:
    return frozenset(
        month
        for month in range(1, 13)
        if period.quarter is None or quarter_of_month(month) == period.quarter
    )


def _view(g: _Grid, period: Period, team_id: int | None) -> Measures:
    """The sum of the cells of ``period`` (the year's quarterly series always
    whole) for one team or all."""
    m = Measures(period=period, team_id=team_id, findings=Counter() if g.has_findings else None)
    months = _months(period)
    for (team, month), cell in g.cells.items():
        if team_id is not None and team != team_id:
            continue
        for name in COUNTED_FIELDS:
            value = getattr(cell, name)
            if value is not None and (name in YEAR_FIELDS or month in months):
                getattr(m, name).update(value)
    return m


def measure(period: Period, team_id: int | None = None) -> Measures:
    """Every count the dashboard shows, for ``period`` and one team (or all)."""
    return _view(_grid(period.year, team_id), period, team_id)


def measure_views(
    year: int, team_ids: Iterable[int], quarters: Iterable[int | None]
) -> dict[tuple[int | None, int | None], Measures]:
    """Every view a board member can ask for in ``year`` ((team or None,
    quarter or None) -> counts), from one pass over the year, counted from
    the year's current data."""
    return measure_year(year, team_ids, quarters, wait=True)[0]


def measure_year(
    year: int, team_ids: Iterable[int], quarters: Iterable[int | None], *, wait: bool
) -> tuple[dict[tuple[int | None, int | None], Measures], Age]:
    """``measure_views``, and how current the counts are (``counted_year``:
    without ``wait``, the last counts while a recount is queued)."""
    g, age = counted_year(year, wait=wait)
    views = {
        (team, quarter): _view(g, Period(year, quarter), team)
        for team in [None, *team_ids]
        for quarter in quarters
    }
    return views, age
