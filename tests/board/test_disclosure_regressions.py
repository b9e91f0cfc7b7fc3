"""Tables that hypothesis once found to break the disclosure rules."""

from msp.board.disclosure import Table, protect_tables
from tests.board.test_disclosure import given_away


def test_a_count_pinned_only_through_another_lines_total_is_protected():
    # Every figure in the small count's lines was hidden, yet the grand total
    # still pinned it: the protection must hide more, not give up.
    table = Table(
        rows=["r0", "r1"],
        cols=["c0", "c1", "c2"],
        counts=[[1, 4, 1], [1, 24, 1]],
        row_totals=True,
        col_totals=True,
    )
    protected = protect_tables([table])[0]
    assert given_away(protected) == []
