"""Turns the true counts (``measures.py``) into the figures a board member
sees: every table of the dashboard, protected together by ``disclosure.py`` so
that a figure shown in two places is hidden in both or neither. The page, the
charts and the CSV are all drawn from the ``Report`` built here, so they
cannot disagree."""

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from django.core.cache import cache
from django.db.models import TextChoices

from msp.assurance.period import Period, quarter_label
from msp.board.disclosure import (
    Cell,
    ProtectedTable,
    Ref,
    Table,
    figures_of,
    percentage,
    protect_tables,
    show_median,
)
from msp.board.measures import (
    NOT_RECORDED,
    NOT_SUPPORTED,
    SUPPORTED,
    Age,
    Measures,
    measure_views,
    measure_year,
)
from msp.cases.models import EnquiryType
from msp.concerns.codes import AbuseType, LocationOfRisk, SourceOfRisk
from msp.enquiries.codes import Achievement, ActionResult, LackedCapacity, MspAsked, RiskOutcome
from msp.enquiries.models.overrides import OverrideGround

QUARTERS = (1, 2, 3, 4)

# Short names of the eleven myths (myths.md), in our words, for the guard table.
MYTHS = {
    "M1": "M1: the person wants nothing done, so the case can close",
    "M2": "M2: Making Safeguarding Personal is just a chat",
    "M3": "M3: following the person's wishes leaves others at risk",
    "M4": "M4: there is no time for Making Safeguarding Personal",
    "M5": "M5: it cannot work when the person lacks capacity",
    "M6": "M6: there is no way in when help is refused",
    "M7": "M7: refer it on and safeguarding will sort it",
    "M8": "M8: safeguarding only means stepping in when things go wrong",
    "M9": "M9: once the council has the concern, it is over to them",
    "M10": "M10: councillors should inspect care homes themselves",
    "M11": "M11: people will not report because it is not safe",
}

NOT_RECORDED_LABEL = "Not recorded"


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]
    is_total: bool = False


@dataclass(frozen=True)
class Series:
    """One set of bars in a chart: the same protected figures as the table."""

    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Figure:
    """A chart and the table of its numbers."""

    key: str  # used for ids and anchors
    heading: str
    description: str
    caption: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    categories: tuple[str, ...] = ()  # chart bars; no chart when empty
    series: tuple[Series, ...] = ()
    wide: bool = False  # too many columns to sit beside its chart

    @property
    def has_chart(self) -> bool:
        return bool(self.categories)


@dataclass(frozen=True)
class Group:
    heading: str
    key: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Report:
    period: Period
    team_name: str
    key_figures: Figure
    groups: tuple[Group, ...]

    @property
    def figures(self) -> list[Figure]:
        return [self.key_figures, *(f for g in self.groups for f in g.figures)]


# -- Building the tables ------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    """One table of counts over a list of codes (one column)."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]
    counts: tuple[int, ...]


def _coded(
    choices: type[TextChoices], counts: Counter[str], *, not_recorded: bool = True
) -> _Column:
    """A row for every code in ``choices``, and a "Not recorded" row when any
    count has no code (or an unknown one)."""
    codes = [str(c) for c in choices.values]
    labels = [str(label) for label in choices.labels]
    known = [counts.get(code, 0) for code in codes]
    rest = sum(counts.values()) - sum(known)
    if not_recorded and rest:
        codes.append(NOT_RECORDED)
        labels.append(NOT_RECORDED_LABEL)
        known.append(rest)
    return _Column(tuple(codes), tuple(labels), tuple(known))


class T(Enum):
    """The tables of the dashboard, in the order they are protected."""

    QUARTERLY_CONCERNS = 0
    QUARTERLY_ENQUIRIES = 1
    ABUSE = 2
    LOCATION = 3
    SOURCE = 4
    ASKED = 5
    ACHIEVED = 6
    ACTION = 7
    RISK_OUTCOME = 8
    CAPACITY = 9
    SUPPORT = 10
    OVERRIDES = 11
    FINDINGS = 12
    DECISIONS = 13


def _one_column(column: _Column, name: str, *, total: bool) -> Table:
    return Table(
        column.labels,
        (name,),
        [[n] for n in column.counts],
        row_totals=False,
        col_totals=total,
    )


def _total(table: T, column: _Column) -> Ref:
    return (table.value, len(column.codes), 0)


def _row(table: T, column: _Column, code: str) -> Ref:
    return (table.value, column.codes.index(code), 0)


@dataclass(frozen=True)
class _Prepared:
    """One view's tables of true counts, before protection."""

    tables: list[Table]  # in the order of T
    same: list[tuple[Ref, Ref]]
    columns: dict[T, _Column]
    period_row: int


def _prepare(m: Measures) -> _Prepared:
    q_index = {q: i for i, q in enumerate(QUARTERS)}
    quarter_rows = [quarter_label(q) for q in QUARTERS]

    abuse = _coded(AbuseType, m.abuse_types, not_recorded=False)
    location = _coded(LocationOfRisk, m.locations)
    source = _coded(SourceOfRisk, m.sources, not_recorded=False)
    asked = _coded(MspAsked, m.msp_asked)
    achieved = _coded(Achievement, m.achieved)
    action = _coded(ActionResult, m.action_results)
    risk = _coded(RiskOutcome, m.risk_outcomes)
    capacity = _coded(LackedCapacity, m.lacked_capacity)
    support = _Column(
        (SUPPORTED, NOT_SUPPORTED, NOT_RECORDED),
        (
            "Supported by an advocate, family member or friend",
            "Not supported",
            NOT_RECORDED_LABEL,
        ),
        (
            m.capacity_support[SUPPORTED],
            m.capacity_support[NOT_SUPPORTED],
            m.capacity_support[NOT_RECORDED],
        ),
    )
    if not support.counts[2]:
        support = _Column(support.codes[:2], support.labels[:2], support.counts[:2])
    grounds = _coded(OverrideGround, m.overrides)
    myths = tuple(MYTHS)
    findings = m.findings or Counter()

    tables = {
        T.QUARTERLY_CONCERNS: Table(
            quarter_rows,
            ("Concerns", "Repeat concerns"),
            [[m.concerns_by_quarter[q], m.repeats_by_quarter[q]] for q in QUARTERS],
            row_totals=False,
        ),
        T.QUARTERLY_ENQUIRIES: Table(
            quarter_rows,
            ("Section 42 enquiries", "Other enquiries"),
            [
                [
                    m.enquiries_by_quarter[(q, EnquiryType.S42)],
                    m.enquiries_by_quarter[(q, EnquiryType.OTHER)],
                ]
                for q in QUARTERS
            ],
        ),
        T.ABUSE: _one_column(abuse, "Concerns", total=False),
        T.LOCATION: _one_column(location, "Concerns", total=True),
        T.SOURCE: _one_column(source, "Concerns", total=False),
        T.ASKED: _one_column(asked, "Enquiries", total=True),
        T.ACHIEVED: _one_column(achieved, "Enquiries", total=True),
        T.ACTION: _one_column(action, "Enquiries", total=True),
        T.RISK_OUTCOME: _one_column(risk, "Enquiries", total=True),
        T.CAPACITY: _one_column(capacity, "Enquiries", total=True),
        T.SUPPORT: _one_column(support, "Enquiries", total=True),
        T.OVERRIDES: _one_column(grounds, "Overrides", total=True),
        T.FINDINGS: Table(
            [MYTHS[myth] for myth in myths],
            ("Prompts", "Duties", "Duties overridden"),
            [
                [
                    findings[(myth, "PROMPT", False)] + findings[(myth, "PROMPT", True)],
                    findings[(myth, "DUTY", False)] + findings[(myth, "DUTY", True)],
                    findings[(myth, "DUTY", True)],
                ]
                for myth in myths
            ],
            row_totals=False,
        ),
        T.DECISIONS: Table(
            ("Section 42 decisions made",),
            ("Figure",),
            [[sum(m.decision_days.values())]],
            row_totals=False,
            col_totals=False,
        ),
    }
    ordered = [tables[t] for t in T]

    # The concerns figure for the period: a quarter's row, or the year's total.
    n_quarters = len(QUARTERS)
    period_row = q_index[m.period.quarter] if m.period.quarter else n_quarters
    period_concerns: Ref = (T.QUARTERLY_CONCERNS.value, period_row, 0)
    concluded = _total(T.ACTION, action)
    same: list[tuple[Ref, Ref]] = [
        (_total(T.LOCATION, location), period_concerns),
        (_total(T.ASKED, asked), concluded),
        (_total(T.CAPACITY, capacity), concluded),
        (_total(T.RISK_OUTCOME, risk), _row(T.ACTION, action, ActionResult.RISK_ACTION)),
        (_total(T.ACHIEVED, achieved), _row(T.ASKED, asked, MspAsked.EXPRESSED)),
        (_total(T.SUPPORT, support), _row(T.CAPACITY, capacity, LackedCapacity.YES)),
    ]
    columns = {
        T.ABUSE: abuse,
        T.LOCATION: location,
        T.SOURCE: source,
        T.ASKED: asked,
        T.ACHIEVED: achieved,
        T.ACTION: action,
        T.RISK_OUTCOME: risk,
        T.CAPACITY: capacity,
        T.SUPPORT: support,
        T.OVERRIDES: grounds,
    }
    return _Prepared(ordered, same, columns, period_row)


def _assemble(
    m: Measures, prepared: _Prepared, protected: Sequence[ProtectedTable], *, team_name: str
) -> Report:
    """The report of one view from its protected tables (in the order of T)."""
    by_t = dict(zip(T, protected, strict=True))

    def table(t: T) -> ProtectedTable:
        return by_t[t]

    columns = prepared.columns
    figures = _Figures(m.period, table)
    key = figures.key_figures(
        asked=columns[T.ASKED],
        achieved=columns[T.ACHIEVED],
        action=columns[T.ACTION],
        risk=columns[T.RISK_OUTCOME],
        support=columns[T.SUPPORT],
        decision_days=m.decision_days,
        period_row=prepared.period_row,
    )
    groups = (
        Group(
            "Concerns and enquiries",
            "concerns-and-enquiries",
            (figures.quarterly(),),
        ),
        Group(
            "What the concerns were about",
            "what-concerns-were-about",
            (
                figures.one_column(
                    T.ABUSE,
                    key="types-of-abuse",
                    heading="Types of abuse or neglect",
                    description=(
                        f"Concerns raised in {m.period.label}, by type of abuse or neglect. "
                        "A concern can be about more than one type, so these do not add up "
                        "to the number of concerns."
                    ),
                    row_header="Type of abuse or neglect",
                ),
                figures.one_column(
                    T.LOCATION,
                    key="location-of-risk",
                    heading="Where the risk was",
                    description=f"Concerns raised in {m.period.label}, by where the risk was.",
                    row_header="Location of risk",
                    total_label="All concerns",
                ),
                figures.one_column(
                    T.SOURCE,
                    key="source-of-risk",
                    heading="Who the risk came from",
                    description=(
                        f"Concerns raised in {m.period.label}, by source of risk. A concern "
                        "can name more than one kind of source, so these do not add up to the "
                        "number of concerns."
                    ),
                    row_header="Source of risk",
                ),
            ),
        ),
        Group(
            "Making Safeguarding Personal",
            "making-safeguarding-personal",
            (
                figures.one_column(
                    T.ASKED,
                    key="outcomes-asked",
                    heading="Asking people what they wanted",
                    description=(
                        f"Section 42 enquiries that ended in {m.period.label}: was the person, "
                        "or their representative, asked what outcomes they wanted?"
                    ),
                    row_header="Asked about desired outcomes",
                    total_label="All enquiries that ended",
                ),
                figures.one_column(
                    T.ACHIEVED,
                    key="outcomes-achieved",
                    heading="Whether the outcomes people wanted were achieved",
                    description=(
                        "Enquiries where the person expressed the outcomes they wanted: fully "
                        "achieved when every outcome was fully achieved, not achieved when none "
                        "was achieved at all, and partially achieved otherwise."
                    ),
                    row_header="Desired outcomes",
                    total_label="All enquiries where outcomes were expressed",
                ),
            ),
        ),
        Group(
            "Risk",
            "risk",
            (
                figures.one_column(
                    T.ACTION,
                    key="action-and-result",
                    heading="What the enquiries found and did",
                    description=(
                        f"Section 42 enquiries that ended in {m.period.label}, by what was "
                        "found about the risk and whether action was taken."
                    ),
                    row_header="Action taken and result",
                    total_label="All enquiries that ended",
                ),
                figures.one_column(
                    T.RISK_OUTCOME,
                    key="risk-outcome",
                    heading="What happened to the risk",
                    description=(
                        "Enquiries where a risk was identified and action was taken: whether "
                        "the risk remained, was reduced or was removed."
                    ),
                    row_header="Risk outcome",
                    total_label="All enquiries where a risk was identified and action taken",
                ),
            ),
        ),
        Group(
            "Mental capacity and support",
            "capacity",
            (
                figures.one_column(
                    T.CAPACITY,
                    key="lacked-capacity",
                    heading="Whether the person lacked capacity",
                    description=(
                        f"Section 42 enquiries that ended in {m.period.label}: did the person "
                        "lack capacity to make decisions about the enquiry?"
                    ),
                    row_header="Lacked capacity",
                    total_label="All enquiries that ended",
                ),
                figures.one_column(
                    T.SUPPORT,
                    key="capacity-support",
                    heading="Support for people who lacked capacity",
                    description=(
                        "Enquiries where the person lacked capacity: were they supported by an "
                        "advocate, a family member or a friend?"
                    ),
                    row_header="Support",
                    total_label="All enquiries where the person lacked capacity",
                ),
            ),
        ),
        Group(
            "Acting against the person's wishes",
            "acting-against-wishes",
            (
                figures.one_column(
                    T.OVERRIDES,
                    key="overrides",
                    heading="Overrides of the person's wishes",
                    description=(
                        f"Decisions made in {m.period.label} to act against the person's (or "
                        "their family's) wishes, or to share information without consent, by "
                        "the reason recorded."
                    ),
                    row_header="Reason for the override",
                    total_label="All overrides",
                ),
            ),
        ),
        Group(
            "Practice guard findings",
            "practice-guard",
            (figures.guard(available=m.findings is not None),),
        ),
    )
    return Report(
        period=m.period,
        team_name=team_name,
        key_figures=key,
        groups=groups,
    )


ALL_TEAMS = "All teams"

# One view a board member can ask for: (team id, or None for all teams;
# quarter, or None for the whole year).
View = tuple[int | None, int | None]
_TOTAL = "total"


def _positions(prepared: _Prepared, t: T, base: int) -> dict[tuple[str, str], Ref]:
    """Every figure of one table of one view, by (row code, column), so that
    the same figure can be found in another view whatever rows it shows."""
    table = prepared.tables[t.value]
    column = prepared.columns.get(t)
    row_keys = [*(column.codes if column else table.rows), _TOTAL]
    col_keys = [*table.cols, _TOTAL]
    return {(row_keys[r], col_keys[c]): (base + t.value, r, c) for r, c in figures_of(table)}


def build_year(
    measures: Mapping[View, Measures], team_names: Mapping[int, str]
) -> dict[View, Report]:
    """Every view of one reporting year, protected together.

    A board member can download each quarter and the year, for each team and
    for all teams, and put them side by side. So every figure of every view is
    protected in one go (``disclosure.protect_tables``): the tables of each
    view, plus lines across views (the quarters add up to the year, the teams
    add up to all teams) and the quarterly tables, which are the same in each
    view of a team. A hidden figure is hidden in every view it appears in and
    cannot be worked out from all of them together. ``measures`` needs every
    view: each team and all teams, each quarter and the year."""
    views = list(measures)
    prepared = {v: _prepare(measures[v]) for v in views}
    base = {v: i * len(T) for i, v in enumerate(views)}
    tables = [table for v in views for table in prepared[v].tables]
    same: list[tuple[Ref, Ref]] = [
        ((a[0] + base[v], a[1], a[2]), (b[0] + base[v], b[1], b[2]))
        for v in views
        for a, b in prepared[v].same
    ]
    lines: list[list[Ref]] = []
    team_ids = sorted({team for team, _q in views if team is not None})
    quarterly = (T.QUARTERLY_CONCERNS, T.QUARTERLY_ENQUIRIES)
    for t in T:
        at = {v: _positions(prepared[v], t, base[v]) for v in views}
        for team in [None, *team_ids]:
            year = at[(team, None)]
            for q in QUARTERS:
                if t in quarterly:  # the whole year's quarters, in every view
                    same += [(ref, year[key]) for key, ref in at[(team, q)].items()]
            if t in quarterly:
                continue
            for key, total in year.items():
                parts = [at[(team, q)][key] for q in QUARTERS if key in at[(team, q)]]
                if parts:
                    lines.append([*parts, total])
        periods: list[int | None] = [*QUARTERS, None]
        for period in periods:
            if t in quarterly and period is not None:
                continue
            everyone = at[(None, period)]
            for key, total in everyone.items():
                parts = [at[(team, period)][key] for team in team_ids if key in at[(team, period)]]
                if parts:
                    lines.append([*parts, total])
    protected = protect_tables(tables, same, lines)
    n = len(T)
    return {
        v: _assemble(
            measures[v],
            prepared[v],
            protected[base[v] : base[v] + n],
            team_name=ALL_TEAMS if v[0] is None else team_names[v[0]],
        )
        for v in views
    }


# How long protected figures are kept in the cache.
CACHE_SECONDS = 600


def _fingerprint(
    year: int, team_names: Mapping[int, str], measures: Mapping[View, Measures]
) -> str:
    """A key for the protected figures: the true counts themselves (never
    stored, only hashed), so a change to any count is a new key."""
    parts: list[object] = [year, sorted(team_names.items())]
    for view in sorted(measures, key=repr):
        m = measures[view]
        parts.append(view)
        for name, value in sorted(vars(m).items()):
            parts.append((name, sorted(value.items()) if isinstance(value, Counter) else value))
    return "board-year:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def year_reports(year: int, team_names: Mapping[int, str]) -> dict[View, Report]:
    """Measure and protect every view of ``year`` (see ``build_year``), from
    the year's current data."""
    return _protected(year, team_names, measure_views(year, sorted(team_names), [*QUARTERS, None]))


def latest_year_reports(year: int, team_names: Mapping[int, str]) -> tuple[dict[View, Report], Age]:
    """``year_reports`` from the counts stored last, and how current they are:
    a page shows these at once while a recount of changed data is queued."""
    measures, age = measure_year(year, sorted(team_names), [*QUARTERS, None], wait=False)
    return _protected(year, team_names, measures), age


def _protected(
    year: int, team_names: Mapping[int, str], measures: Mapping[View, Measures]
) -> dict[View, Report]:
    """Protecting takes seconds (integer programs), measuring a fraction of that,
    so the protected figures are kept in the cache under a hash of the true
    counts: the same counts always give the same figures, and any change to
    the data is protected afresh."""
    key = _fingerprint(year, team_names, measures)
    cached: dict[View, Report] | None = cache.get(key)
    if cached is not None:
        return cached
    reports = build_year(measures, team_names)
    cache.set(key, reports, CACHE_SECONDS)
    return reports


def _rows(table: ProtectedTable, total_label: str) -> tuple[Row, ...]:
    rows = []
    for r, label in enumerate(table.rows):
        values = [c.shown for c in table.cells[r]]
        if table.row_totals is not None:
            values.append(table.row_totals[r].shown)
        rows.append(Row(label, tuple(values)))
    if table.col_totals is not None:
        values = [c.shown for c in table.col_totals]
        if table.grand_total is not None:
            values.append(table.grand_total.shown)
        rows.append(Row(total_label, tuple(values), is_total=True))
    return tuple(rows)


class _Figures:
    """Builds each figure from the protected tables."""

    def __init__(self, period: Period, table: Callable[[T], ProtectedTable]) -> None:
        self.period = period
        self.table = table

    def one_column(
        self,
        t: T,
        *,
        key: str,
        heading: str,
        description: str,
        row_header: str,
        total_label: str = "Total",
    ) -> Figure:
        table = self.table(t)
        return Figure(
            key=key,
            heading=heading,
            description=description,
            caption=f"{heading}, {self.period.short_label}",
            row_header=row_header,
            columns=table.cols,
            rows=_rows(table, total_label),
            categories=table.rows,
            series=(Series(table.cols[0], tuple(row[0] for row in table.cells)),),
        )

    def quarterly(self) -> Figure:
        concerns = self.table(T.QUARTERLY_CONCERNS)
        enquiries = self.table(T.QUARTERLY_ENQUIRIES)
        assert concerns.col_totals is not None and enquiries.row_totals is not None
        assert enquiries.col_totals is not None and enquiries.grand_total is not None
        n = len(QUARTERS)
        rows = []
        for r in range(n + 1):
            concern = concerns.cell(r, 0)
            all_enquiries = enquiries.cell(r, 2)
            rows.append(
                Row(
                    concerns.rows[r] if r < n else "Whole year",
                    (
                        concern.shown,
                        concerns.cell(r, 1).shown,
                        enquiries.cell(r, 0).shown,
                        enquiries.cell(r, 1).shown,
                        all_enquiries.shown,
                        percentage(all_enquiries, concern),
                    ),
                    is_total=r == n,
                )
            )
        year = self.period.whole_year()
        return Figure(
            key="by-quarter",
            heading="Concerns and enquiries by quarter",
            description=(
                f"Concerns raised and enquiries started in each quarter of {year.label}. "
                "Repeat concerns are about someone whose previous safeguarding case closed "
                "in the 12 months before. The conversion rate is all enquiries started as a "
                "percentage of concerns raised, worked out from the true figures."
            ),
            caption=f"Concerns and enquiries by quarter, {year.short_label}",
            row_header="Quarter",
            columns=(
                "Concerns",
                "Repeat concerns",
                "Section 42 enquiries",
                "Other enquiries",
                "All enquiries",
                "Conversion rate",
            ),
            rows=tuple(rows),
            categories=tuple(f"Quarter {q}" for q in QUARTERS),
            series=(
                Series("Concerns", tuple(concerns.cell(r, 0) for r in range(n))),
                Series("All enquiries", tuple(enquiries.cell(r, 2) for r in range(n))),
            ),
            wide=True,
        )

    def guard(self, *, available: bool) -> Figure:
        table = self.table(T.FINDINGS)
        description = (
            f"What the practice guard found when cases closed in {self.period.label}, by the "
            "myth each check comes from. Prompts are good-practice questions; duties are what "
            "the law requires, and closing with one unmet needs a manager to override it "
            "with a reason."
        )
        if not available:
            description += " The guard's findings are not recorded yet, so every figure is 0."
        return Figure(
            key="guard-findings",
            heading="Practice guard findings by myth",
            description=description,
            caption=f"Practice guard findings by myth, {self.period.short_label}",
            row_header="Myth",
            columns=table.cols,
            rows=_rows(table, "All myths"),
            categories=tuple(label.split(":", 1)[0] for label in table.rows),
            series=(
                Series("Duties", tuple(row[1] for row in table.cells)),
                Series("Duties overridden", tuple(row[2] for row in table.cells)),
            ),
            wide=True,
        )

    def key_figures(
        self,
        *,
        asked: _Column,
        achieved: _Column,
        action: _Column,
        risk: _Column,
        support: _Column,
        decision_days: Counter[int],
        period_row: int,
    ) -> Figure:
        concerns = self.table(T.QUARTERLY_CONCERNS).cell(period_row, 0)
        repeats = self.table(T.QUARTERLY_CONCERNS).cell(period_row, 1)
        enquiries_table = self.table(T.QUARTERLY_ENQUIRIES)
        s42 = enquiries_table.cell(period_row, 0)
        other = enquiries_table.cell(period_row, 1)
        all_enquiries = enquiries_table.cell(period_row, 2)
        asked_t = self.table(T.ASKED)
        achieved_t = self.table(T.ACHIEVED)
        action_t = self.table(T.ACTION)
        risk_t = self.table(T.RISK_OUTCOME)
        support_t = self.table(T.SUPPORT)

        def at(table: ProtectedTable, column: _Column, code: str) -> Cell:
            return table.cell(column.codes.index(code), 0)

        def total(table: ProtectedTable, column: _Column) -> Cell:
            return table.cell(len(column.codes), 0)

        concluded = total(action_t, action)
        decisions = self.table(T.DECISIONS).cell(0, 0)
        overrides = self.table(T.OVERRIDES)
        rows = [
            ("Concerns raised", concerns.shown),
            ("Repeat concerns", repeats.shown),
            ("Repeat concerns (percentage of concerns)", percentage(repeats, concerns)),
            ("Section 42 enquiries started", s42.shown),
            ("Other enquiries started", other.shown),
            (
                "Conversion rate (enquiries started as a percentage of concerns)",
                percentage(all_enquiries, concerns),
            ),
            ("Section 42 decisions made", decisions.shown),
            ("Median days from concern to decision", show_median(dict(decision_days), decisions)),
            ("Section 42 enquiries that ended", concluded.shown),
            (
                "Asked and expressed the outcomes they wanted (percentage of enquiries that ended)",
                percentage(at(asked_t, asked, MspAsked.EXPRESSED), concluded),
            ),
            (
                "Outcomes fully or partially achieved "
                "(percentage of enquiries where outcomes were expressed)",
                percentage(
                    [
                        at(achieved_t, achieved, Achievement.FULLY),
                        at(achieved_t, achieved, Achievement.PARTIALLY),
                    ],
                    total(achieved_t, achieved),
                ),
            ),
            (
                "Risk reduced or removed "
                "(percentage of enquiries where a risk was identified and action taken)",
                percentage(
                    [at(risk_t, risk, RiskOutcome.REDUCED), at(risk_t, risk, RiskOutcome.REMOVED)],
                    total(risk_t, risk),
                ),
            ),
            (
                "Supported by an advocate, family member or friend "
                "(percentage of enquiries where the person lacked capacity)",
                percentage(at(support_t, support, SUPPORTED), total(support_t, support)),
            ),
            ("Overrides of the person's wishes", overrides.cell(len(overrides.rows), 0).shown),
        ]
        return Figure(
            key="key-figures",
            heading="Key figures",
            description=f"The main figures for {self.period.label}.",
            caption=f"Key figures, {self.period.short_label}",
            row_header="Measure",
            columns=("Figure",),
            rows=tuple(Row(label, (value,)) for label, value in rows),
        )
