"""Disclosure control: the one place that turns true counts into the figures a
board member may see or download. Every number on the board dashboard and in its
CSV comes out of this module, so the rules hold everywhere at once.

The rules (see data-standards.md, section 6, and myths.md, M10):

- a count of 0 is shown as ``0``;
- a count of 1 to 4 is hidden and shown as ``[c]``;
- every other count is rounded to the nearest 5 (remainders 0-2 down, 3-4 up);
- totals are counts too: rounded, and hidden when they are 1 to 4;
- percentages are worked out from the true (unrounded) counts, shown as whole
  numbers, and hidden when the denominator is under 10, when the denominator or
  exactly one of the counts added up for the numerator is hidden, or when the
  part or the rest is 1 to 4 (a percentage of a known total would give that
  small number away);
- secondary suppression: where figures add up (the cells of a row or column
  and its total), one hidden figure could be worked out from the others. So
  when exactly one figure in such a line is hidden, the smallest other non-zero
  figure in the line is hidden too; and where the rounded figures would still
  pin a hidden small count to a single value, one more is hidden. This repeats
  until nothing changes.

Figures that appear in more than one table (a total shown again as the base of
another table) are solved together with ``protect_tables(..., same=...)``, so a
figure hidden in one place is hidden everywhere it appears.

Different views (one team against all teams, one quarter against the year)
are protected separately. Rounding is what limits comparing them: each shown
figure could be any of five true values, so the difference of two shown
figures is a range, not a number. Nothing here checks combinations of views.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

SUPPRESSED = "[c]"
SMALLEST_SHOWN = 5  # counts 1 to SMALLEST_SHOWN - 1 are hidden
ROUND_TO = 5
SMALLEST_DENOMINATOR = 10  # percentages of fewer are hidden
SMALLEST_MEDIAN_BASE = 10  # medians of fewer cases are hidden


def round_to_5(count: int) -> int:
    """The nearest multiple of 5: remainders 0, 1 and 2 round down, 3 and 4 up."""
    if count < 0:
        raise ValueError("Counts cannot be negative")
    remainder = count % ROUND_TO
    return count - remainder if remainder < 3 else count + ROUND_TO - remainder


def is_small(count: int) -> bool:
    """A count that must never be shown: 1 to 4."""
    return 0 < count < SMALLEST_SHOWN


@dataclass(frozen=True)
class Cell:
    """One figure: its true count (never shown) and whether it is hidden."""

    count: int
    suppressed: bool = False

    @property
    def rounded(self) -> int | None:
        """The figure that may be shown, as a number; None when hidden."""
        return None if self.suppressed else round_to_5(self.count)

    @property
    def shown(self) -> str:
        rounded = self.rounded
        return SUPPRESSED if rounded is None else str(rounded)

    def __str__(self) -> str:
        return self.shown


def protect_count(count: int) -> Cell:
    """A figure that stands alone: nothing else adds up to it."""
    if count < 0:
        raise ValueError("Counts cannot be negative")
    return Cell(count, suppressed=is_small(count))


def _whole_percent(part: int, whole: int) -> int:
    """100 * part / whole rounded to a whole number, halves up."""
    return (200 * part + whole) // (2 * whole)


def percentage(part: Cell | Sequence[Cell], whole: Cell) -> str:
    """``part`` (one figure, or several added together) as a percentage of
    ``whole``, in whole numbers (halves up), worked out from the figures as
    shown (rounded), never from the true counts: a percentage then tells a
    reader nothing the shown figures did not. ``[c]`` when a figure it rests on
    is hidden or the shown denominator is under 10."""
    parts = [part] if isinstance(part, Cell) else list(part)
    if whole.suppressed or any(p.suppressed for p in parts):
        return SUPPRESSED
    shown_whole = round_to_5(whole.count)
    if shown_whole < SMALLEST_DENOMINATOR:
        return SUPPRESSED
    shown_part = sum(round_to_5(p.count) for p in parts)
    return f"{_whole_percent(shown_part, shown_whole)}%"


def median(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many times it occurs}."""
    total = sum(histogram.values())
    if total == 0:
        return None
    ordered = sorted(histogram.items())

    def nth(index: int) -> int:
        seen = 0
        for value, times in ordered:
            seen += times
            if index < seen:
                return value
        raise IndexError(index)

    middle = total // 2
    if total % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2


def show_median(histogram: dict[int, int], cases: Cell) -> str:
    """The median in whole numbers (halves up). Hidden unless the number of
    cases it rests on (``cases``, the same count protected in its tables) is
    shown and at least 15 as shown, so that it rests on at least 10 true cases
    and whether it is shown depends only on figures already shown."""
    value = median(histogram)
    if value is None or cases.suppressed or round_to_5(cases.count) < SMALLEST_MEDIAN_BASE + 5:
        return SUPPRESSED
    return str(int(value + 0.5))


# -- Secondary suppression ----------------------------------------------------


# An upper bound that stands for "no limit" when reasoning about hidden figures.
UNBOUNDED = 10**12


def bounds(
    counts: Sequence[int], lines: Sequence[Sequence[int]], hidden: Iterable[int]
) -> list[tuple[int, int]]:
    """What a reader who knows these rules can say about each figure, as
    (lowest, highest) possible values.

    A shown figure r could be anything that rounds to r and is not small
    (5 means 5 to 7; 10 means 8 to 12); 0 is exactly 0; a hidden figure is at
    least 1. Then each line (parts adding up to a total) narrows its members
    from the others, again and again until nothing changes.
    """
    hidden_set = set(hidden)
    lo: list[int] = []
    hi: list[int] = []
    for i, count in enumerate(counts):
        if i in hidden_set:
            lo.append(1)
            hi.append(UNBOUNDED)
        elif count == 0:
            lo.append(0)
            hi.append(0)
        else:
            rounded = round_to_5(count)
            lo.append(max(SMALLEST_SHOWN, rounded - 2))
            hi.append(rounded + 2)
    for _ in range(1000):  # a safety stop; tables here settle in a few passes
        changed = False
        for line in lines:
            *parts, total = line
            parts_lo = sum(lo[p] for p in parts)
            parts_hi = min(UNBOUNDED, sum(hi[p] for p in parts))
            new_lo, new_hi = max(lo[total], parts_lo), min(hi[total], parts_hi)
            if (new_lo, new_hi) != (lo[total], hi[total]):
                lo[total], hi[total] = new_lo, new_hi
                changed = True
            for p in parts:
                others_lo = parts_lo - lo[p]
                others_hi = min(UNBOUNDED, sum(hi[q] for q in parts if q != p))
                new_lo = max(lo[p], lo[total] - others_hi)
                new_hi = min(hi[p], hi[total] - others_lo)
                if (new_lo, new_hi) != (lo[p], hi[p]):
                    lo[p], hi[p] = new_lo, new_hi
                    parts_lo = sum(lo[q] for q in parts)
                    changed = True
        if not changed:
            break
    return list(zip(lo, hi, strict=True))


def _smallest_shown(
    counts: Sequence[int], lines: Iterable[Sequence[int]], hidden: set[int]
) -> int | None:
    """The smallest non-zero figure still shown in ``lines`` (parts before
    totals when they are equal), or None."""
    candidates = [
        (counts[i], place, i)
        for line in lines
        for place, i in enumerate(line)
        if i not in hidden and counts[i] > 0
    ]
    return min(candidates)[2] if candidates else None


# A reader's upper limit for a hidden figure: no limit, in practice.
HIDDEN_CAP = 10**6


def _interval(count: int, hidden: bool) -> tuple[int, int]:
    """What a reader knows of one figure from how it is shown: a hidden figure
    is at least 1; 0 is exactly 0; a shown r is max(5, r - 2) to r + 2."""
    if hidden:
        return (1, HIDDEN_CAP)
    if count == 0:
        return (0, 0)
    rounded = round_to_5(count)
    return (max(SMALLEST_SHOWN, rounded - 2), rounded + 2)


def _components(size: int, lines: Sequence[Sequence[int]]) -> list[int]:
    """For each figure, a label shared by every figure tied to it by lines."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for line in lines:
        first = root(line[0])
        for i in line[1:]:
            other = root(i)
            if other != first:
                parent[other] = first
    return [root(i) for i in range(size)]


def given_away(
    counts: Sequence[int],
    lines: Sequence[Sequence[int]],
    hidden: Iterable[int],
    candidates: Iterable[int],
) -> list[int]:
    """Of the hidden ``candidates``, those a reader can work out exactly.

    An exact integer program over everything a reader knows: each figure's
    interval (``_interval``) and every line adding up. The true counts are
    one solution; a candidate is given away when no other solution gives it a
    different value. Solutions that move many candidates at once are tried
    first, then each remaining candidate on its own, up and down."""
    hidden_set = set(hidden)
    wanted = sorted(set(candidates))
    if not wanted:
        return []
    label = _components(len(counts), lines)
    by_component: dict[int, list[int]] = {}
    for i in wanted:
        by_component.setdefault(label[i], []).append(i)
    members: dict[int, list[int]] = {}
    for i, root in enumerate(label):
        if root in by_component:
            members.setdefault(root, []).append(i)
    component_lines: dict[int, list[Sequence[int]]] = {}
    for line in lines:
        root = label[line[0]]
        if root in by_component:
            component_lines.setdefault(root, []).append(line)
    found = []
    for root, targets in by_component.items():
        found += _given_away_in(
            counts, members[root], component_lines.get(root, []), hidden_set, targets
        )
    return sorted(found)


def _given_away_in(
    counts: Sequence[int],
    figures: list[int],
    lines: list[Sequence[int]],
    hidden: set[int],
    targets: list[int],
) -> list[int]:
    local = {figure: j for j, figure in enumerate(figures)}
    size = len(figures)
    limits = [_interval(counts[i], i in hidden) for i in figures]
    low = np.array([lo for lo, _hi in limits], dtype=float)
    high = np.array([hi for _lo, hi in limits], dtype=float)
    integrality = np.ones(size)
    constraints = []
    if lines:
        rows, cols, values = [], [], []
        for r, line in enumerate(lines):
            *parts, total = line
            for p in parts:
                rows.append(r)
                cols.append(local[p])
                values.append(1.0)
            rows.append(r)
            cols.append(local[total])
            values.append(-1.0)
        matrix = coo_array((values, (rows, cols)), shape=(len(lines), size)).tocsr()
        constraints = [LinearConstraint(matrix, 0, 0)]

    def solve(objective: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray | None:
        result = milp(
            objective,
            integrality=integrality,
            bounds=Bounds(lo, hi),
            constraints=constraints,
        )
        return None if result.x is None else np.rint(result.x)

    open_ = set(targets)
    stalled = 0
    sign = -1.0  # as large as possible, then as small, while that moves any
    while open_ and stalled < 2:
        objective = np.zeros(size)
        for i in open_:
            objective[local[i]] = sign
        solution = solve(objective, low, high)
        if solution is None:
            raise ValueError("The figures do not add up")
        still = {i for i in open_ if solution[local[i]] == counts[i]}
        stalled = stalled + 1 if still == open_ else 0
        open_, sign = still, -sign
    pinned = []
    for i in sorted(open_):
        j = local[i]
        moved = False
        for up in (True, False):
            lo, hi = low.copy(), high.copy()
            if up:
                lo[j] = counts[i] + 1
            else:
                hi[j] = counts[i] - 1
            if lo[j] > hi[j]:
                continue
            if solve(np.zeros(size), lo, hi) is not None:
                moved = True
                break
        if not moved:
            pinned.append(i)
    return pinned


def suppress(counts: Sequence[int], lines: Iterable[Sequence[int]]) -> frozenset[int]:
    """The positions in ``counts`` to hide.

    Each line lists the positions of figures that add up: parts first, their
    total last. Small counts are hidden first. Then, until nothing changes:

    - wherever a line has exactly one hidden figure, its smallest other
      non-zero figure is hidden too (parts before the total when equal);
    - wherever everything shown would still pin a hidden small count to one
      value (``given_away``: for example 1 + 1 + 5 = 7 shows as [c], [c], 5,
      total 5, and only 1 and 1 fit), the smallest shown non-zero figure in a
      line with that count is hidden too, or, when those lines have nothing
      left to hide, the smallest shown figure tied to it by any line.

    Hiding a figure only widens what a reader knows, so a count found safe
    stays safe and is not checked again.
    """
    line_list = [list(line) for line in lines]
    hidden = {i for i, count in enumerate(counts) if is_small(count)}
    safe: set[int] = set()
    label: list[int] | None = None
    while True:
        changed = True
        while changed:
            changed = False
            for line in line_list:
                if sum(1 for i in line if i in hidden) != 1:
                    continue
                extra = _smallest_shown(counts, [line], hidden)
                if extra is None:
                    # Only possible when the figures do not add up.
                    raise ValueError("A line with one hidden figure has nothing else to hide")
                hidden.add(extra)
                changed = True
        candidates = [i for i in sorted(hidden) if is_small(counts[i]) and i not in safe]
        pinned = given_away(counts, line_list, hidden, candidates)
        safe.update(set(candidates) - set(pinned))
        if not pinned:
            return frozenset(hidden)
        if label is None:
            label = _components(len(counts), line_list)
        touched: set[int] = set()
        for i in pinned:
            if label[i] in touched:
                continue  # something tied to it was just hidden: check again first
            own = [line for line in line_list if i in line]
            extra = _smallest_shown(counts, own, hidden)
            if extra is None:
                # Every figure in its lines is hidden, yet a shown figure
                # elsewhere (another line's total, say) still pins it.
                tied = [line for line in line_list if label[line[0]] == label[i]]
                extra = _smallest_shown(counts, tied, hidden)
            if extra is None:
                raise ValueError("A hidden figure is pinned down by figures that cannot be hidden")
            hidden.add(extra)
            touched.add(label[i])


@dataclass(frozen=True)
class Table:
    """True counts, before protection. ``counts[r][c]`` is row ``r``, column
    ``c``. With ``row_totals`` each row has a total (shown in a last column);
    with ``col_totals`` each column has a total (shown in a last row)."""

    rows: Sequence[str]
    cols: Sequence[str]
    counts: Sequence[Sequence[int]]
    row_totals: bool = True
    col_totals: bool = True

    def __post_init__(self) -> None:
        if len(self.counts) != len(self.rows):
            raise ValueError("One list of counts is needed for each row")
        for row in self.counts:
            if len(row) != len(self.cols):
                raise ValueError("Each row needs one count for each column")
            if any(count < 0 for count in row):
                raise ValueError("Counts cannot be negative")


# A figure in a group of tables: (table index, row, column). The row index
# len(rows) is the total row; the column index len(cols) is the total column.
Ref = tuple[int, int, int]


@dataclass(frozen=True)
class ProtectedTable:
    """A table ready to show: every figure is a ``Cell``."""

    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...] | None  # one per row
    col_totals: tuple[Cell, ...] | None  # one per column
    grand_total: Cell | None  # when there are both row and column totals

    def cell(self, row: int, col: int) -> Cell:
        """Any figure by position; the total row and column come last."""
        if row == len(self.rows):
            if col == len(self.cols):
                if self.grand_total is None:
                    raise IndexError("This table has no grand total")
                return self.grand_total
            if self.col_totals is None:
                raise IndexError("This table has no column totals")
            return self.col_totals[col]
        if col == len(self.cols):
            if self.row_totals is None:
                raise IndexError("This table has no row totals")
            return self.row_totals[row]
        return self.cells[row][col]

    def shown(self) -> list[list[str]]:
        """The figures as shown, row by row, totals last."""
        rows = []
        for r in range(len(self.rows)):
            line = [c.shown for c in self.cells[r]]
            if self.row_totals is not None:
                line.append(self.row_totals[r].shown)
            rows.append(line)
        if self.col_totals is not None:
            line = [c.shown for c in self.col_totals]
            if self.grand_total is not None:
                line.append(self.grand_total.shown)
            rows.append(line)
        return rows


def figures_of(table: Table) -> dict[tuple[int, int], int]:
    """Every figure of ``table`` by (row, column), totals included."""
    n_rows, n_cols = len(table.rows), len(table.cols)
    figures = {(r, c): table.counts[r][c] for r in range(n_rows) for c in range(n_cols)}
    if table.row_totals:
        for r in range(n_rows):
            figures[(r, n_cols)] = sum(table.counts[r])
    if table.col_totals:
        for c in range(n_cols):
            figures[(n_rows, c)] = sum(table.counts[r][c] for r in range(n_rows))
    if table.row_totals and table.col_totals:
        figures[(n_rows, n_cols)] = sum(sum(row) for row in table.counts)
    return figures


def _lines(table: Table) -> list[list[tuple[int, int]]]:
    """The groups of figures in ``table`` that add up, each total last."""
    n_rows, n_cols = len(table.rows), len(table.cols)
    lines = []
    if table.row_totals:
        lines += [[(r, c) for c in range(n_cols + 1)] for r in range(n_rows)]
    if table.col_totals:
        lines += [[(r, c) for r in range(n_rows + 1)] for c in range(n_cols)]
    if table.row_totals and table.col_totals:
        lines.append([(n_rows, c) for c in range(n_cols + 1)])
        lines.append([(r, n_cols) for r in range(n_rows + 1)])
    return lines


class _Figures:
    """Figures of several tables, where a figure shown twice counts once."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self.parent: dict[Ref, Ref] = {}
        self.count: dict[Ref, int] = {}
        for t, table in enumerate(tables):
            for (r, c), count in figures_of(table).items():
                self.parent[(t, r, c)] = (t, r, c)
                self.count[(t, r, c)] = count

    def root(self, ref: Ref) -> Ref:
        while self.parent[ref] != ref:
            self.parent[ref] = self.parent[self.parent[ref]]
            ref = self.parent[ref]
        return ref

    def join(self, a: Ref, b: Ref) -> None:
        for ref in (a, b):
            if ref not in self.parent:
                raise ValueError(f"No figure at {ref}")
        if self.count[a] != self.count[b]:
            raise ValueError(
                f"Figures shown as the same differ: {a} is {self.count[a]}, {b} is {self.count[b]}"
            )
        self.parent[self.root(a)] = self.root(b)


def protect_tables(
    tables: Sequence[Table],
    same: Iterable[tuple[Ref, Ref]] = (),
    lines: Iterable[Sequence[Ref]] = (),
) -> list[ProtectedTable]:
    """Protect several tables together. ``same`` pairs figures that are one
    number shown in two places (for example the total of one table that is a
    row of another): they are hidden or shown together. ``lines`` are further
    groups of figures that add up across tables (parts first, total last), for
    example the same figure in each quarter and in the whole year."""
    figures = _Figures(tables)
    for a, b in same:
        figures.join(a, b)
    extra_lines = [list(line) for line in lines]
    for line in extra_lines:
        if sum(figures.count[ref] for ref in line[:-1]) != figures.count[line[-1]]:
            raise ValueError(f"Figures that should add up do not: {list(line)}")
    roots = sorted({figures.root(ref) for ref in figures.parent})
    position = {root: i for i, root in enumerate(roots)}
    counts = [figures.count[root] for root in roots]
    all_lines = [
        [position[figures.root((t, r, c))] for r, c in line]
        for t, table in enumerate(tables)
        for line in _lines(table)
    ]
    all_lines += [[position[figures.root(ref)] for ref in line] for line in extra_lines]
    hidden = suppress(counts, all_lines)

    def cell(ref: Ref) -> Cell:
        i = position[figures.root(ref)]
        return Cell(counts[i], suppressed=i in hidden)

    protected = []
    for t, table in enumerate(tables):
        n_rows, n_cols = len(table.rows), len(table.cols)
        protected.append(
            ProtectedTable(
                rows=tuple(table.rows),
                cols=tuple(table.cols),
                cells=tuple(tuple(cell((t, r, c)) for c in range(n_cols)) for r in range(n_rows)),
                row_totals=tuple(cell((t, r, n_cols)) for r in range(n_rows))
                if table.row_totals
                else None,
                col_totals=tuple(cell((t, n_rows, c)) for c in range(n_cols))
                if table.col_totals
                else None,
                grand_total=cell((t, n_rows, n_cols))
                if table.row_totals and table.col_totals
                else None,
            )
        )
    return protected


def protect_table(
    rows: Sequence[str],
    cols: Sequence[str],
    counts: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    col_totals: bool = True,
) -> ProtectedTable:
    """Protect one table of counts: round, hide small counts, and hide enough
    other figures that no hidden one can be worked out from its totals."""
    table = Table(rows, cols, counts, row_totals=row_totals, col_totals=col_totals)
    return protect_tables([table])[0]
