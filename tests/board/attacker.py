"""An attacker on the board dashboard: download every view a board member can
ask for in a reporting year (each quarter and the whole year, each team and all
teams; the page and the CSV), then solve integer programs over all the
published figures together to try to work out a hidden count exactly.

What the attacker knows (all of it public, in docs/disclosure.md):

- a figure shown as ``0`` is 0; a figure shown as r > 0 is a count from
  max(5, r - 2) to r + 2 (rounded to the nearest 5; 1 to 4 are never shown);
- ``[c]`` is a count of at least 1 (hidden figures are never 0);
- the structure: rows add up to their "All ..." row, quarters add up to the
  year, teams add up to all teams, a total shown in two places is one number;
- with ``percentages="true"``, that each percentage was worked out from the
  true counts (the old method), which ties numerator to denominator.

A hidden figure is *given away* when, over every solution, its lowest and
highest possible values are the same number from 1 to 4.

The variables are the true value of every published figure; the finest cells
(one team, one quarter) are among them and every other figure is tied to them
by the sums above, so this is the same as solving for the finest cells.
"""

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_array

from msp.enquiries.codes import Achievement, ActionResult, LackedCapacity, MspAsked, RiskOutcome

HIDDEN = "[c]"
BIG = 10**6
YEAR = "Y"

QUARTERLY = "Concerns and enquiries by quarter"
KEY = "Key figures"
WHOLE_YEAR = "Whole year"
QUARTER_COUNT_COLUMNS = ("Concerns", "Repeat concerns", "Section 42 enquiries", "Other enquiries")
NOT_COUNTS = {"Median days from concern to decision"}

LOCATION = "Where the risk was"
ASKED = "Asking people what they wanted"
ACHIEVED = "Whether the outcomes people wanted were achieved"
ACTION = "What the enquiries found and did"
RISK = "What happened to the risk"
CAPACITY = "Whether the person lacked capacity"
SUPPORT = "Support for people who lacked capacity"
OVERRIDES = "Overrides of the person's wishes"
SUPPORTED_LABEL = "Supported by an advocate, family member or friend"

# Key figure -> the quarterly column it repeats (for the view's period).
KEY_FROM_QUARTERLY = {
    "Concerns raised": "Concerns",
    "Repeat concerns": "Repeat concerns",
    "Section 42 enquiries started": "Section 42 enquiries",
    "Other enquiries started": "Other enquiries",
}

# (team, period, table, row, column): period is "Q1".."Q4" or YEAR
Key = tuple[str, str, str, str, str]


@dataclass
class Published:
    """Every figure downloaded, by where it was shown."""

    values: dict[Key, str] = field(default_factory=dict)
    teams: list[str] = field(default_factory=list)  # team names, without "All teams"
    all_teams: str = "All teams"


def periods() -> list[str]:
    return ["Q1", "Q2", "Q3", "Q4", YEAR]


def add_csv(published: Published, team: str, period: str, text: str) -> None:
    rows = list(csv.reader(io.StringIO(text)))
    for _period, _team, table, row, column, value in rows[1:]:
        published.values[(team, period, table, row, column)] = value


def is_count(value: str) -> bool:
    return value == HIDDEN or value.isdigit()


def _quarter_row(period: str) -> str | None:
    return None if period == YEAR else period


@dataclass
class _Model:
    index: dict[tuple[str, ...], int] = field(default_factory=dict)
    lo: list[float] = field(default_factory=list)
    hi: list[float] = field(default_factory=list)
    hidden: list[int] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)
    # each constraint: ({var: coefficient}, lower, upper)
    constraints: list[tuple[dict[int, float], float, float]] = field(default_factory=list)

    def var(self, name: tuple[str, ...], value: str) -> int:
        if name in self.index:
            i = self.index[name]
            if self.names[i] and self._interval(value) != (self.lo[i], self.hi[i]):
                raise AssertionError(f"{name} is shown as two different figures")
            return i
        lo, hi = self._interval(value)
        i = len(self.lo)
        self.index[name] = i
        self.names.append(name)
        self.lo.append(lo)
        self.hi.append(hi)
        if value == HIDDEN:
            self.hidden.append(i)
        return i

    @staticmethod
    def _interval(value: str) -> tuple[float, float]:
        if value == HIDDEN:
            return (1, BIG)
        shown = int(value)
        if shown == 0:
            return (0, 0)
        return (max(5, shown - 2), shown + 2)

    def equal(self, total: int | None, parts: Iterable[int | None]) -> None:
        """total = sum(parts); None stands for a figure not shown (0)."""
        coefficients: dict[int, float] = defaultdict(float)
        for p in parts:
            if p is not None:
                coefficients[p] += 1
        if total is not None:
            coefficients[total] -= 1
        if coefficients:
            self.constraints.append((dict(coefficients), 0, 0))


def build(published: Published, *, percentages: str) -> _Model:
    model = _Model()
    values = published.values
    teams = [*published.teams, published.all_teams]

    def canonical(key: Key) -> tuple[str, ...]:
        team, period, table, row, column = key
        if table == QUARTERLY:
            return (team, YEAR, table, row, column)
        if table == KEY and row in KEY_FROM_QUARTERLY:
            return (
                team,
                YEAR,
                QUARTERLY,
                period if period != YEAR else WHOLE_YEAR,
                KEY_FROM_QUARTERLY[row],
            )
        return key

    # Quarter rows are labelled "Quarter 1 (April to June)": map the short period.
    quarter_labels: dict[str, str] = {}
    for team, period, table, row, _column in values:
        if table == QUARTERLY and row.startswith("Quarter "):
            quarter_labels["Q" + row.split()[1]] = row

    def name_of(key: Key) -> tuple[str, ...]:
        name = canonical(key)
        if name[2] == QUARTERLY and name[3] in quarter_labels:
            name = (*name[:3], quarter_labels[name[3]], name[4])
        return name

    counted: dict[tuple[str, ...], int] = {}
    for key, value in values.items():
        if not is_count(value) or key[3] in NOT_COUNTS or "percentage of" in key[3]:
            continue
        if key[2] == QUARTERLY and key[4] not in (*QUARTER_COUNT_COLUMNS, "All enquiries"):
            continue
        counted[tuple(key)] = model.var(name_of(key), value)

    def at(team: str, period: str, table: str, row: str, column: str) -> int | None:
        return counted.get((team, period, table, row, column))

    # The structure of each view's tables.
    shapes: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for _team, _period, table, row, column in counted:
        shapes[table][0].add(row)
        shapes[table][1].add(column)
    for team in teams:
        for period in periods():
            for table, (rows, columns) in shapes.items():
                if table == KEY:
                    continue
                totals = [r for r in rows if r.startswith("All ") or r == WHOLE_YEAR]
                parts = [r for r in rows if r not in totals]
                for total in totals:
                    for column in columns:
                        model.equal(
                            at(team, period, table, total, column),
                            [at(team, period, table, r, column) for r in parts],
                        )
                if table == QUARTERLY:
                    for row in rows:
                        model.equal(
                            at(team, period, table, row, "All enquiries"),
                            [
                                at(team, period, table, row, "Section 42 enquiries"),
                                at(team, period, table, row, "Other enquiries"),
                            ],
                        )

            def fig(row: str, table: str = KEY, column: str = "Figure") -> int | None:
                return at(team, period, table, row, column)

            ended = fig("Section 42 enquiries that ended")
            model.equal(ended, [fig("All enquiries that ended", ACTION, "Enquiries")])
            model.equal(ended, [fig("All enquiries that ended", ASKED, "Enquiries")])
            model.equal(ended, [fig("All enquiries that ended", CAPACITY, "Enquiries")])
            model.equal(fig("Concerns raised"), [fig("All concerns", LOCATION, "Concerns")])
            model.equal(
                fig(
                    "All enquiries where a risk was identified and action taken", RISK, "Enquiries"
                ),
                [fig(ActionResult.RISK_ACTION.label, ACTION, "Enquiries")],
            )
            model.equal(
                fig("All enquiries where outcomes were expressed", ACHIEVED, "Enquiries"),
                [fig(MspAsked.EXPRESSED.label, ASKED, "Enquiries")],
            )
            model.equal(
                fig("All enquiries where the person lacked capacity", SUPPORT, "Enquiries"),
                [fig(LackedCapacity.YES.label, CAPACITY, "Enquiries")],
            )
            model.equal(
                fig("Overrides of the person's wishes"),
                [fig("All overrides", OVERRIDES, "Overrides")],
            )
            if percentages == "true":
                _true_percentages(model, values, team, period, fig)

    # Across views: quarters add up to the year, teams to all teams.
    figures = {(k[2], k[3], k[4]) for k in counted}
    for table, row, column in figures:
        if table != QUARTERLY:  # the quarterly table is the same in every period's view
            for team in teams:
                model.equal(
                    at(team, YEAR, table, row, column),
                    [at(team, q, table, row, column) for q in periods()[:4]],
                )
        for period in periods():
            model.equal(
                at(published.all_teams, period, table, row, column),
                [at(t, period, table, row, column) for t in published.teams],
            )
    return model


def _true_percentages(model: _Model, values: Mapping[Key, str], team, period, fig) -> None:
    """The old method worked percentages out from the true counts: a shown
    P% of d ties the numerator n to 2dP <= 200n + d <= 2d(P + 1) - 1."""
    asked_expressed = fig(MspAsked.EXPRESSED.label, ASKED, "Enquiries")
    quarterly = [
        (
            values.get((team, period, QUARTERLY, row, "Conversion rate"), ""),
            [fig(row, QUARTERLY, "All enquiries")],
            fig(row, QUARTERLY, "Concerns"),
        )
        for row in {k[3] for k in values if k[2] == QUARTERLY}
    ]
    entries = [
        (
            "Repeat concerns (percentage of concerns)",
            [fig("Repeat concerns")],
            fig("Concerns raised"),
        ),
        (
            "Conversion rate (enquiries started as a percentage of concerns)",
            [fig("Section 42 enquiries started"), fig("Other enquiries started")],
            fig("Concerns raised"),
        ),
        (
            "Asked and expressed the outcomes they wanted (percentage of enquiries that ended)",
            [asked_expressed],
            fig("Section 42 enquiries that ended"),
        ),
        (
            "Outcomes fully or partially achieved "
            "(percentage of enquiries where outcomes were expressed)",
            [
                fig(Achievement.FULLY.label, ACHIEVED, "Enquiries"),
                fig(Achievement.PARTIALLY.label, ACHIEVED, "Enquiries"),
            ],
            fig("All enquiries where outcomes were expressed", ACHIEVED, "Enquiries"),
        ),
        (
            "Risk reduced or removed "
            "(percentage of enquiries where a risk was identified and action taken)",
            [
                fig(RiskOutcome.REDUCED.label, RISK, "Enquiries"),
                fig(RiskOutcome.REMOVED.label, RISK, "Enquiries"),
            ],
            fig("All enquiries where a risk was identified and action taken", RISK, "Enquiries"),
        ),
        (
            "Supported by an advocate, family member or friend "
            "(percentage of enquiries where the person lacked capacity)",
            [fig(SUPPORTED_LABEL, SUPPORT, "Enquiries")],
            fig("All enquiries where the person lacked capacity", SUPPORT, "Enquiries"),
        ),
    ]
    shown_entries = [
        (values.get((team, period, KEY, label, "Figure"), ""), parts, whole)
        for label, parts, whole in entries
    ]
    for shown, parts, whole in [*shown_entries, *quarterly]:
        if not shown.endswith("%") or whole is None:
            continue
        pct = int(shown[:-1])
        coefficients: dict[int, float] = defaultdict(float)
        for p in parts:
            if p is not None:
                coefficients[p] += 200
        # 200n + d - 2dP >= 0 and 200n + d - 2dP - 2d <= -1
        low = dict(coefficients)
        low[whole] = low.get(whole, 0) + 1 - 2 * pct
        model.constraints.append((low, 0, np.inf))
        high = dict(coefficients)
        high[whole] = high.get(whole, 0) + 1 - 2 * pct - 2
        model.constraints.append((high, -np.inf, -1))


def _components(model: _Model) -> list[tuple[list[int], list[int]]]:
    """Groups of variables tied by constraints: (variables, constraints)."""
    parent = list(range(len(model.lo)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for coefficients, _lo, _hi in model.constraints:
        members = list(coefficients)
        for other in members[1:]:
            parent[root(other)] = root(members[0])
    variables: dict[int, list[int]] = defaultdict(list)
    for i in range(len(model.lo)):
        variables[root(i)].append(i)
    constraints: dict[int, list[int]] = defaultdict(list)
    for c, (coefficients, _lo, _hi) in enumerate(model.constraints):
        constraints[root(next(iter(coefficients)))].append(c)
    return [(variables[r], constraints.get(r, [])) for r in variables]


@dataclass(frozen=True)
class Finding:
    name: tuple[str, ...]
    value: int


def attack(published: Published, *, percentages: str = "published") -> list[Finding]:
    """Every hidden figure the published figures give away exactly."""
    model = build(published, percentages=percentages)
    hidden = set(model.hidden)
    found = []
    for variables, constraint_ids in _components(model):
        targets = [v for v in variables if v in hidden]
        if not targets:
            continue
        local = {v: i for i, v in enumerate(variables)}
        n = len(variables)
        bounds = Bounds([model.lo[v] for v in variables], [model.hi[v] for v in variables])
        integrality = np.ones(n)
        constraints = []
        if constraint_ids:
            matrix = lil_array((len(constraint_ids), n))
            lower, upper = [], []
            for row, c in enumerate(constraint_ids):
                coefficients, lo, hi = model.constraints[c]
                for v, a in coefficients.items():
                    matrix[row, local[v]] = a
                lower.append(lo)
                upper.append(hi)
            constraints = [LinearConstraint(matrix.tocsr(), lower, upper)]

        def solve(objective):
            return milp(objective, integrality=integrality, bounds=bounds, constraints=constraints)

        # Two solutions first: a figure that differs between them is not pinned.
        totals = np.zeros(n)
        for v in targets:
            totals[local[v]] = 1
        first, second = solve(totals), solve(-totals)
        if first.status != 0:
            raise AssertionError(f"The published figures do not fit together: {first.message}")
        for v in targets:
            j = local[v]
            if round(first.x[j]) != round(second.x[j]):
                continue
            objective = np.zeros(n)
            objective[j] = 1
            least = round(solve(objective).fun)
            if least > 4:
                continue
            most = round(-solve(-objective).fun)
            if least == most:
                found.append(Finding(model.names[v], least))
    return found
