"""Small counts are hidden, and no hidden count can be worked out from what is shown."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.statistics.suppression import protect_list, protect_table

# --- one-way tables ---------------------------------------------------------------------


def test_nothing_is_hidden_when_every_count_is_large_or_zero():
    assert protect_list([11, 0, 250]) == ([11, 0, 250], 261)


def test_a_small_count_takes_the_smallest_other_count_with_it():
    # 4 alone would be 74 - 20 - 50; hiding 20 as well leaves 24 to share out.
    assert protect_list([4, 20, 50]) == ([None, None, 50], 74)


def test_two_small_counts_hide_each_other():
    assert protect_list([4, 7, 50]) == ([None, None, 50], 61)


def test_two_ones_are_not_enough_because_hidden_counts_are_at_least_one():
    # 1 + 1 = 2 with each at least 1 has one answer: a third count must go.
    assert protect_list([1, 1, 30, 40]) == ([None, None, None, 40], 72)


def test_a_small_total_is_hidden_and_protects_the_count():
    assert protect_list([0, 3, 0]) == ([0, None, 0], None)


def test_the_total_is_hidden_when_it_is_the_smallest_complement():
    # The only other count is 0, never hidden: the total goes instead.
    assert protect_list([5, 0]) == ([None, 0], None)


def test_a_total_fixed_by_another_table_is_kept():
    assert protect_list([12, 30], fixed_total=True) == ([None, 30], None)
    values, total = protect_list([4, 30, 40], fixed_total=False)
    assert total == 74 and values == [None, None, 40]


# --- two-way tables ---------------------------------------------------------------------


def test_a_small_cell_is_hidden_with_three_others_in_a_rectangle():
    table = protect_table([[5, 20, 30], [12, 15, 40], [30, 30, 30]])

    assert table.cells == [[None, None, 30], [None, None, 40], [30, 30, 30]]
    assert table.row_totals == [55, 67, 90]
    assert table.col_totals == [47, 65, 100]
    assert table.total == 212


def test_small_totals_are_hidden_too():
    table = protect_table([[3, 0], [0, 50]])

    assert table.cells == [[None, 0], [0, 50]]
    assert table.row_totals == [None, 50]
    assert table.col_totals == [None, 50]
    assert table.total is None  # 53 - 50 would give the 3


def test_a_block_of_ones_takes_larger_cells_with_it():
    table = protect_table([[1, 1, 30], [1, 1, 40], [30, 30, 30]])

    assert table.cells[0][:2] == [None, None] and table.cells[1][:2] == [None, None]
    assert_protected([[1, 1, 30], [1, 1, 40], [30, 30, 30]], table)


def test_margins_fixed_by_one_way_tables_keep_their_state():
    cells = [[4, 30], [20, 25], [40, 50]]
    rows, _ = protect_list([sum(r) for r in cells])
    table = protect_table(cells, fixed_row_totals=[v is None for v in rows])

    assert table.row_totals == rows
    assert_protected(cells, table)


def test_without_published_margins_a_small_cell_alone_is_hidden():
    table = protect_table([[4, 30], [20, 25]], row_totals=False, col_totals=False)

    assert table.cells == [[None, 30], [20, 25]]
    assert table.row_totals is None and table.col_totals is None


# --- no hidden count can be recovered ---------------------------------------------------


def other_fillings(cells, table):
    """Every filling of the hidden cells, other than the true one, that matches what is shown.

    Only fillings within one of the truth in every cell are tried: if any other
    filling fits, the difference between the two is a sum of cycles that each
    move every cell in the same direction as the whole difference, and one such
    cycle, moved by one, is itself a filling that fits.
    """
    R, C = len(cells), len(cells[0])
    hidden = [(i, j) for i in range(R) for j in range(C) if table.cells[i][j] is None]
    found = []
    for deltas in itertools.product((-1, 0, 1), repeat=len(hidden)):
        if not any(deltas):
            continue
        fill = [list(row) for row in cells]
        for (i, j), d in zip(hidden, deltas, strict=True):
            fill[i][j] += d
        if any(fill[i][j] < 1 for i, j in hidden):
            continue  # the public knows that hidden counts are at least 1
        rows = [sum(row) for row in fill]
        cols = [sum(fill[i][j] for i in range(R)) for j in range(C)]
        if matches(rows, table.row_totals) and matches(cols, table.col_totals):
            total_ok = not table.total_published or (
                sum(rows) == table.total if table.total is not None else sum(rows) >= 1
            )
            if total_ok:
                found.append(fill)
    return found


def matches(values, shown):
    if shown is None:
        return True
    return all((v == s) if s is not None else v >= 1 for v, s in zip(values, shown, strict=True))


def value_at(fill, key):
    R, C = len(fill), len(fill[0])
    i, j = key
    if i < R and j < C:
        return fill[i][j]
    if i < R:
        return sum(fill[i])
    if j < C:
        return sum(fill[r][j] for r in range(R))
    return sum(map(sum, fill))


def assert_protected(cells, table):
    R, C = len(cells), len(cells[0])
    others = other_fillings(cells, table)
    for key in table.hidden:
        i, j = key
        if (j == C and table.row_totals is None) or (i == R and table.col_totals is None):
            continue
        true = value_at(cells, key)
        assert any(value_at(f, key) != true for f in others), f"hidden {key} can be worked out"
    for i in range(R):
        for j in range(C):
            if 0 < cells[i][j] < 11:
                assert table.cells[i][j] is None


small_tables = st.integers(1, 2).flatmap(
    lambda rows: st.lists(
        st.lists(st.sampled_from([0, 1, 2, 3, 5, 9, 11, 12, 15]), min_size=2, max_size=3).filter(
            lambda r: True
        ),
        min_size=rows,
        max_size=rows,
    ).filter(lambda t: len({len(r) for r in t}) == 1)
)


@settings(max_examples=200, deadline=None)
@given(small_tables)
def test_no_hidden_count_of_a_small_table_can_be_worked_out(cells):
    table = protect_table(cells)

    assert_protected(cells, table)
    shown = [v for row in table.cells for v in row if v is not None]
    assert all(v == 0 or v >= 11 for v in shown)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([0, 1, 2, 4, 10, 11, 13, 30]), min_size=1, max_size=5))
def test_no_hidden_count_of_a_list_can_be_worked_out(values):
    shown, total = protect_list(values)
    hidden = [i for i, v in enumerate(shown) if v is None]
    assert all(0 < values[i] < 11 for i in range(len(values)) if 0 < values[i] < 11 and i in hidden)
    assert all(not (0 < values[i] < 11) for i in range(len(values)) if i not in hidden)
    if total is not None and hidden:
        rest = total - sum(v for v in shown if v is not None)
        # Share `rest` among the hidden counts, each at least 1: more than one way.
        assert len(hidden) >= 2 and rest >= len(hidden) + 1
    if total is not None:
        assert total >= 11 or total == 0
