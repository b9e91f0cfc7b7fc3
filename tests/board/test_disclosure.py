"""Disclosure control: the rounding rule, small counts, percentages, and
secondary suppression, with property tests that no table ever lets a count
under 5 be worked out."""

import contextlib
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp.board.disclosure import (
    SUPPRESSED,
    Cell,
    ProtectedTable,
    Table,
    median,
    percentage,
    protect_count,
    protect_table,
    protect_tables,
    round_to_5,
    show_median,
    suppress,
)

# -- Rounding and small counts --------------------------------------------------


@pytest.mark.parametrize(
    ("count", "rounded"),
    [
        (10, 10),  # remainder 0 stays
        (11, 10),  # remainders 1 and 2 round down
        (12, 10),
        (13, 15),  # remainders 3 and 4 round up
        (14, 15),
        (5, 5),
        (7, 5),
        (8, 10),
        (22, 20),
        (23, 25),
        (1002, 1000),
        (1003, 1005),
    ],
)
def test_counts_round_to_the_nearest_5(count, rounded):
    assert round_to_5(count) == rounded
    assert protect_count(count).shown == str(rounded)


def test_zero_is_shown_as_zero():
    assert protect_count(0).shown == "0"
    assert protect_count(0).rounded == 0


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_counts_of_1_to_4_are_hidden(count):
    cell = protect_count(count)
    assert cell.shown == SUPPRESSED == "[c]"
    assert cell.rounded is None  # a chart gets nothing to draw


def test_5_is_the_smallest_count_shown():
    assert protect_count(5).shown == "5"


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        protect_count(-1)
    with pytest.raises(ValueError):
        Table(["a"], ["b"], [[-1]])


# -- Percentages ------------------------------------------------------------------


def test_percentages_come_from_the_shown_figures_not_the_true_counts():
    # Changed with issue 8: a percentage of the true counts told a reader more
    # than the rounded figures did (a shown 58% of "10" pins 7 of 12), and
    # with other views that gave hidden counts away. Now a percentage is worked
    # out from the figures as shown, so it adds nothing to them.
    assert percentage(Cell(7), Cell(12)) == "50%"  # shown as 5 of 10
    assert percentage(Cell(15), Cell(24)) == "60%"  # shown as 15 of 25
    assert percentage(Cell(13), Cell(27)) == "60%"  # shown as 15 of 25
    assert percentage(Cell(8), Cell(13)) == "67%"  # 10 of 15: halves up


def test_percentages_of_fewer_than_10_as_shown_are_hidden():
    assert percentage(Cell(5), Cell(7)) == SUPPRESSED  # shown as 5
    assert percentage(Cell(0), Cell(0)) == SUPPRESSED
    assert percentage(Cell(5), Cell(8)) == "50%"  # shown as 5 of 10


def test_percentages_of_hidden_figures_are_hidden():
    assert percentage(Cell(20, suppressed=True), Cell(40)) == SUPPRESSED
    assert percentage(Cell(20), Cell(40, suppressed=True)) == SUPPRESSED
    assert percentage([Cell(3, True), Cell(20)], Cell(40)) == SUPPRESSED
    assert percentage([Cell(3, True), Cell(7, True)], Cell(40)) == SUPPRESSED
    assert percentage(Cell(0), Cell(40)) == "0%"
    assert percentage(Cell(40), Cell(40)) == "100%"


def test_a_rate_can_pass_100_percent():
    # More enquiries started than concerns raised in a quarter is possible.
    assert percentage(Cell(30), Cell(20)) == "150%"


def test_median():
    assert median({}) is None
    assert median({4: 1}) == 4
    assert median({2: 1, 4: 1}) == 3
    assert median({2: 5, 4: 5, 10: 5}) == 4
    assert median({1: 2, 9: 1}) == 1


def test_a_median_is_shown_only_beside_a_shown_count_of_at_least_15():
    # Whether the median shows depends only on the shown count of cases (so it
    # tells nothing more about it), and a shown 15 is at least 13 true cases.
    assert show_median({3: 12}, Cell(12)) == SUPPRESSED  # shown as 10
    assert show_median({3: 13}, Cell(13)) == "3"  # shown as 15
    assert show_median({3: 13}, Cell(13, suppressed=True)) == SUPPRESSED
    assert show_median({}, Cell(0)) == SUPPRESSED
    assert show_median({2: 8, 3: 8}, Cell(16)) == "3"  # 2.5 rounds up


# -- Secondary suppression, worked by hand -----------------------------------------


def test_one_hidden_cell_in_a_line_hides_the_next_smallest():
    table = protect_table(
        ["Q1", "Q2", "Q3", "Q4"], ["Concerns"], [[6], [7], [8], [3]], row_totals=False
    )
    # 3 is hidden; with the total shown it could be worked out, so the next
    # smallest (6) is hidden too. 7 rounds to 5, 8 to 10, the total 24 to 25.
    assert table.shown() == [["[c]"], ["5"], ["10"], ["[c]"], ["25"]]


def test_secondary_suppression_repeats_until_nothing_changes():
    # Quarters by enquiry type, with totals both ways.
    table = protect_table(
        ["Q1", "Q2", "Q3", "Q4"],
        ["s42", "other"],
        [[5, 0], [6, 1], [4, 0], [0, 0]],
    )
    # Worked by hand:
    # - small: Q2 other (1), Q3 s42 (4), Q3 total (4), the other total (1).
    # - Q2 row has one hidden -> its smallest other (s42 6) is hidden.
    # - the totals row (15, 1, 16) has one hidden -> 15 is hidden.
    # - the totals column (5, 7, 4, 0, 16) has one hidden -> Q1's 5 is hidden.
    # - the Q1 row (5, 0, 5) now has one hidden -> Q1 s42 (5) is hidden.
    assert table.shown() == [
        ["[c]", "0", "[c]"],
        ["[c]", "[c]", "5"],
        ["[c]", "0", "[c]"],
        ["0", "0", "0"],
        ["[c]", "[c]", "15"],
    ]


def test_zeros_are_never_hidden_to_protect_a_line():
    table = protect_table(["a", "b", "c"], ["n"], [[3], [0], [20]], row_totals=False)
    assert table.shown() == [["[c]"], ["0"], ["[c]"], ["25"]]


def test_a_figure_shown_in_two_tables_is_hidden_in_both():
    # Table 0: enquiries by what was found (the risk-and-action row is 12).
    # Table 1: those 12 by risk outcome, whose total is the same 12.
    found = Table(["risk, action", "no risk"], ["n"], [[12], [30]], row_totals=False)
    outcome = Table(["reduced", "removed"], ["n"], [[9], [3]], row_totals=False)
    plain_found, plain_outcome = protect_tables([found, outcome])
    assert plain_found.shown() == [["10"], ["30"], ["40"]]
    # Alone, outcome hides 3 and 9 but shows its total, 12 -> 10: fine alone.
    assert plain_outcome.shown() == [["[c]"], ["[c]"], ["10"]]
    # Linked, nothing changes here: the shared 12 is shown in both.
    linked_found, linked_outcome = protect_tables([found, outcome], same=[((0, 0, 0), (1, 2, 0))])
    assert linked_found.cell(0, 0).shown == linked_outcome.cell(2, 0).shown == "10"

    # Now the shared figure is hidden by the first table: it must be hidden in the second.
    found = Table(["risk, action", "no risk", "ceased"], ["n"], [[12], [30], [2]], row_totals=False)
    linked_found, linked_outcome = protect_tables([found, outcome], same=[((0, 0, 0), (1, 2, 0))])
    assert linked_found.cell(0, 0).shown == "[c]"
    assert linked_outcome.cell(2, 0).shown == "[c]"


def test_linked_figures_must_be_the_same_number():
    a = Table(["x"], ["n"], [[12]], row_totals=False)
    b = Table(["y"], ["n"], [[13]], row_totals=False)
    with pytest.raises(ValueError):
        protect_tables([a, b], same=[((0, 1, 0), (1, 1, 0))])


# -- Property tests -------------------------------------------------------------


def lines_of(table: ProtectedTable) -> list[list[Cell]]:
    """Every group of figures in a protected table that add up."""
    n_rows, n_cols = len(table.rows), len(table.cols)
    lines = []
    if table.row_totals is not None:
        lines += [[table.cell(r, c) for c in range(n_cols + 1)] for r in range(n_rows)]
    if table.col_totals is not None:
        lines += [[table.cell(r, c) for r in range(n_rows + 1)] for c in range(n_cols)]
    if table.grand_total is not None:
        lines.append([table.cell(n_rows, c) for c in range(n_cols + 1)])
        lines.append([table.cell(r, n_cols) for r in range(n_rows + 1)])
    return lines


def every_cell(table: ProtectedTable) -> list[Cell]:
    n_rows, n_cols = len(table.rows), len(table.cols)
    cells = []
    for r in range(n_rows + 1):
        for c in range(n_cols + 1):
            with contextlib.suppress(IndexError):
                cells.append(table.cell(r, c))
    return cells


# Small counts are the interesting ones, so most are small.
counts = st.one_of(st.integers(0, 6), st.integers(0, 60))


@st.composite
def tables(draw, max_side=4):
    n_rows = draw(st.integers(1, max_side))
    n_cols = draw(st.integers(1, max_side))
    grid = draw(
        st.lists(
            st.lists(counts, min_size=n_cols, max_size=n_cols), min_size=n_rows, max_size=n_rows
        )
    )
    row_totals = draw(st.booleans())
    col_totals = draw(st.booleans())
    return Table(
        [f"r{i}" for i in range(n_rows)],
        [f"c{j}" for j in range(n_cols)],
        grid,
        row_totals=row_totals,
        col_totals=col_totals,
    )


def check_protected(table: ProtectedTable) -> None:
    for cell in every_cell(table):
        if 1 <= cell.count <= 4:
            assert cell.shown == SUPPRESSED, cell
        elif cell.count == 0:
            assert cell.shown == "0", cell
        elif not cell.suppressed:
            assert cell.shown == str(round_to_5(cell.count)), cell
    for line in lines_of(table):
        hidden = sum(c.suppressed for c in line)
        # A single hidden figure in a line that adds up could be worked out.
        assert hidden != 1, [c.count for c in line]


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_line_of_a_table_has_exactly_one_hidden_figure(table):
    protected = protect_tables([table])[0]
    check_protected(protected)


@settings(max_examples=200, deadline=None)
@given(tables(max_side=3), st.data())
def test_linked_tables_keep_every_line_safe(first, data):
    """A second table whose total is a figure of the first (as a risk outcome
    table's total is one row of the action-and-result table)."""
    protected_first = protect_tables([first])[0]
    figures = [
        (r, c)
        for r in range(len(first.rows) + 1)
        for c in range(len(first.cols) + 1)
        if _has(protected_first, r, c)
    ]
    r, c = data.draw(st.sampled_from(figures))
    target = protected_first.cell(r, c).count
    # Split the linked figure into 1 to 3 parts.
    n_parts = data.draw(st.integers(1, 3))
    cuts = sorted(
        data.draw(st.lists(st.integers(0, target), min_size=n_parts - 1, max_size=n_parts - 1))
    )
    parts = [b - a for a, b in itertools.pairwise([0, *cuts, target])]
    second = Table([f"p{i}" for i in range(n_parts)], ["n"], [[p] for p in parts], row_totals=False)
    a, b = protect_tables([first, second], same=[((0, r, c), (1, n_parts, 0))])
    check_protected(a)
    check_protected(b)
    assert a.cell(r, c).suppressed == b.cell(n_parts, 0).suppressed


def _has(table, r, c):
    try:
        table.cell(r, c)
    except IndexError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(st.lists(counts, min_size=1, max_size=8))
def test_suppress_never_leaves_a_line_with_one_hidden_figure(values):
    # One line: the parts, then their total.
    all_counts = [*values, sum(values)]
    lines = [list(range(len(all_counts)))]
    hidden = suppress(all_counts, lines)
    for line in lines:
        assert sum(i in hidden for i in line) != 1
    for i, count in enumerate(all_counts):
        if 1 <= count <= 4:
            assert i in hidden
        if count == 0:
            assert i not in hidden


# -- Brute force: could a reader work a hidden small count out? ------------------
#
# A reader who knows the rules knows that a shown figure r is the true count
# rounded (so r - 2 to r + 2, and at least 5), that 0 is exactly 0, that a
# hidden figure is at least 1, and that rows and columns add up to their
# totals. For each hidden figure that is really 1 to 4, we search for two
# whole tables that fit everything shown but differ in that figure. If only
# one value fits, the figure has been given away.


def _domain(cell: Cell, cap: int) -> tuple[int, int]:
    """The values a reader would allow for a figure, lowest and highest."""
    if cell.suppressed:
        return (1, cap)
    if cell.count == 0:
        return (0, 0)
    shown = round_to_5(cell.count)
    return (max(5, shown - 2), shown + 2)


def _fits(table: ProtectedTable, fixed: dict, cap: int) -> bool:
    """Is there a table of counts that fits everything shown, with the
    figures in ``fixed`` ({(row, col): value}) set? A depth-first search over
    the cells, row by row, cutting off branches that can no longer reach
    their row, column or grand totals."""
    n_rows, n_cols = len(table.rows), len(table.cols)

    def limits(r, c):
        if (r, c) in fixed:
            return (fixed[(r, c)], fixed[(r, c)])
        if not _has(table, r, c):
            return (0, 10**9)  # no total shown: anything
        return _domain(table.cell(r, c), cap)

    cell = {(r, c): limits(r, c) for r in range(n_rows) for c in range(n_cols)}
    row_total = [limits(r, n_cols) for r in range(n_rows)]
    col_total = [limits(n_rows, c) for c in range(n_cols)]
    grand = limits(n_rows, n_cols)
    # Smallest and largest sums of the cells not yet chosen, per row / column / all.
    row_rest_lo = [
        [sum(cell[(r, j)][0] for j in range(c + 1, n_cols)) for c in range(n_cols)]
        for r in range(n_rows)
    ]
    row_rest_hi = [
        [sum(cell[(r, j)][1] for j in range(c + 1, n_cols)) for c in range(n_cols)]
        for r in range(n_rows)
    ]
    col_rest_lo = [
        [sum(cell[(i, c)][0] for i in range(r + 1, n_rows)) for c in range(n_cols)]
        for r in range(n_rows)
    ]
    col_rest_hi = [
        [sum(cell[(i, c)][1] for i in range(r + 1, n_rows)) for c in range(n_cols)]
        for r in range(n_rows)
    ]
    order = [(r, c) for r in range(n_rows) for c in range(n_cols)]
    all_rest_lo = [sum(cell[p][0] for p in order[k + 1 :]) for k in range(len(order))]
    all_rest_hi = [sum(cell[p][1] for p in order[k + 1 :]) for k in range(len(order))]
    row_sum = [0] * n_rows
    col_sum = [0] * n_cols

    def reachable(partial, rest_lo, rest_hi, target):
        return partial + rest_lo <= target[1] and partial + rest_hi >= target[0]

    def search(k, total):
        if k == len(order):
            return True
        r, c = order[k]
        lo, hi = cell[(r, c)]
        for value in range(lo, hi + 1):
            if not reachable(
                row_sum[r] + value, row_rest_lo[r][c], row_rest_hi[r][c], row_total[r]
            ):
                continue
            if not reachable(
                col_sum[c] + value, col_rest_lo[r][c], col_rest_hi[r][c], col_total[c]
            ):
                continue
            if not reachable(total + value, all_rest_lo[k], all_rest_hi[k], grand):
                continue
            row_sum[r] += value
            col_sum[c] += value
            found = search(k + 1, total + value)
            row_sum[r] -= value
            col_sum[c] -= value
            if found:
                return True
        return False

    return search(0, 0)


def given_away(table: ProtectedTable) -> list[tuple[int, int]]:
    """Positions of hidden small counts that only one value fits."""
    found = []
    n_rows, n_cols = len(table.rows), len(table.cols)
    figures = [(r, c) for r in range(n_rows + 1) for c in range(n_cols + 1) if _has(table, r, c)]
    # Hidden figures can be large (a total hidden to protect a part), so the
    # search allows values up to beyond the largest figure in the table.
    cap = max(table.cell(r, c).count for r, c in figures) + 10
    for r, c in figures:
        cell = table.cell(r, c)
        if not (cell.suppressed and 1 <= cell.count <= 4):
            continue
        others = [v for v in (cell.count - 1, cell.count + 1, *range(1, cap + 1)) if v >= 1]
        if not any(
            _fits(table, {(r, c): v}, cap) for v in dict.fromkeys(others) if v != cell.count
        ):
            found.append((r, c))
    return found


def test_the_checker_catches_a_giveaway():
    # Without the second round of suppression, 1 + 1 + 5 = 7 would show as
    # [c], [c], 5 with a total of 5: only 1 and 1 fit.
    cells = (Cell(1, True), Cell(1, True), Cell(5))
    leaky = ProtectedTable(("a",), ("x", "y", "z"), (cells,), (Cell(7),), None, None)
    assert given_away(leaky) == [(0, 0), (0, 1)]
    protected = protect_table(["a"], ["x", "y", "z"], [[1, 1, 5]], col_totals=False)
    assert protected.shown() == [["[c]", "[c]", "[c]", "5"]]
    assert given_away(protected) == []


@pytest.mark.parametrize(
    ("shape", "row_totals", "col_totals", "largest"),
    [
        ((1, 3), True, False, 12),
        ((1, 4), True, False, 8),
        ((4, 1), False, True, 8),
        ((2, 2), True, True, 7),
        ((2, 2), True, False, 7),
    ],
)
def test_no_small_table_gives_a_hidden_count_away(shape, row_totals, col_totals, largest):
    """Every table of this shape with counts up to ``largest``."""
    n_rows, n_cols = shape
    for values in itertools.product(range(largest + 1), repeat=n_rows * n_cols):
        grid = [list(values[r * n_cols : (r + 1) * n_cols]) for r in range(n_rows)]
        table = protect_table(
            [f"r{i}" for i in range(n_rows)],
            [f"c{j}" for j in range(n_cols)],
            grid,
            row_totals=row_totals,
            col_totals=col_totals,
        )
        assert given_away(table) == [], (grid, table.shown())


@settings(max_examples=100, deadline=None)
@given(tables(max_side=3))
def test_no_random_table_gives_a_hidden_count_away(table):
    protected = protect_tables([table])[0]
    assert given_away(protected) == [], ([list(r) for r in table.counts], protected.shown())
