"""Small-cell suppression for published tables: primary, then complementary.

A table is R rows × C columns of counts with, optionally, its row totals,
column totals and grand total. The rule (docs/statistics.md has the reasons):

1. Primary: every count from 1 to THRESHOLD - 1 (cells and totals alike) is
   hidden. Zero is published: it describes no one, and hiding zeros would
   hide most of a sparse table.
2. Complementary: no hidden number may be worked out from what is published.
   The public knows the rule, so knows that a hidden number is at least 1.
   A hidden number is safe when the published numbers and totals also fit
   another filling of the hidden ones (whole numbers, each at least 1);
   while one is not, the smallest published number of its row or column
   that makes it safe is hidden too (a total if that is the smallest).

Totals and cells are treated alike by writing the table with its totals as
one (R+1) × (C+1) table whose every row and column adds up to zero: row
totals and column totals enter with a minus sign, the grand total with a
plus. Another filling then differs from the true one by whole numbers that
add up to zero along every row and column, and any such difference is a sum
of cycles: +1, -1, +1, -1 … around a closed path of hidden entries, turning
at each entry from a row to a column or back. A hidden entry can be changed
exactly when some cycle through it can move by one without taking any hidden
entry below 1, which is a path search in a small graph (see `_movable`).

A total that is not published (a one-way table has no row totals, say) is
simply unknown to the public: it can move freely. Totals fixed by another
table (a margin that a published one-way table already shows or hides) keep
that state and are never chosen as complements, so the two tables agree.
"""

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 11

CELL, MARGIN, GRAND = "cell", "margin", "grand"


@dataclass(frozen=True)
class Protected:
    """A table as it may be published: None where a number is hidden."""

    cells: list[list[int | None]]
    row_totals: list[int | None] | None  # None when row totals are not published
    col_totals: list[int | None] | None
    total: int | None  # the grand total, when both margins are published
    total_published: bool
    hidden: frozenset[tuple[int, int]]  # positions in the (R+1) × (C+1) table
    primary: frozenset[tuple[int, int]]

    @property
    def row_hidden(self) -> list[bool]:
        return [t is None for t in self.row_totals] if self.row_totals is not None else []

    @property
    def col_hidden(self) -> list[bool]:
        return [t is None for t in self.col_totals] if self.col_totals is not None else []


def protect_list(
    values: Sequence[int], *, fixed_total: bool | None = None, threshold: int = THRESHOLD
) -> tuple[list[int | None], int | None]:
    """A one-way table (counts and their total): the published counts and total."""
    protected = protect_table(
        [[v] for v in values],
        row_totals=False,
        col_totals=True,
        fixed_col_totals=None if fixed_total is None else [fixed_total],
        threshold=threshold,
    )
    total = protected.col_totals[0] if protected.col_totals else None
    return [row[0] for row in protected.cells], total


def protect_table(
    cells: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    col_totals: bool = True,
    fixed_row_totals: Sequence[bool] | None = None,
    fixed_col_totals: Sequence[bool] | None = None,
    fixed_total: bool | None = None,
    threshold: int = THRESHOLD,
) -> Protected:
    """Hide what must be hidden in a two-way table; `fixed_*` say which margins are hidden."""
    table = _Table(cells, row_totals, col_totals)
    fixed: dict[tuple[int, int], bool] = {}
    if fixed_row_totals is not None and row_totals:
        fixed.update({(i, table.C): h for i, h in enumerate(fixed_row_totals)})
    if fixed_col_totals is not None and col_totals:
        fixed.update({(table.R, j): h for j, h in enumerate(fixed_col_totals)})
    if fixed_total is not None and table.total_published:
        fixed[(table.R, table.C)] = fixed_total
    hidden = {
        key
        for key, value in table.values.items()
        if key not in table.free and key not in fixed and 0 < value < threshold
    }
    primary = frozenset(hidden)
    hidden |= {key for key, is_hidden in fixed.items() if is_hidden}
    candidates = {
        key
        for key, value in table.values.items()
        if value > 0 and key not in table.free and key not in fixed and key not in hidden
    }
    try:
        _complete(table, hidden, candidates)
    except _Unprotectable:
        # Only margins that another table fixed can leave no complement to
        # choose: then the table is published as its margins alone.
        hidden |= {key for key, kind in table.kinds.items() if kind == CELL}
    return table.publish(frozenset(hidden), primary)


class _Unprotectable(Exception):
    pass


class _Table:
    """The (R+1) × (C+1) table: cells, then row totals in column C, column totals in row R."""

    def __init__(self, cells, row_totals: bool, col_totals: bool):
        self.R = len(cells)
        self.C = len(cells[0]) if cells else 0
        if any(len(row) != self.C for row in cells):
            raise ValueError("every row of the table must have the same number of cells")
        if any(v < 0 for row in cells for v in row):
            raise ValueError("counts cannot be negative")
        R, C = self.R, self.C
        self.values: dict[tuple[int, int], int] = {}
        self.kinds: dict[tuple[int, int], str] = {}
        for i in range(R):
            for j in range(C):
                self.values[(i, j)] = int(cells[i][j])
                self.kinds[(i, j)] = CELL
            self.values[(i, C)] = sum(int(v) for v in cells[i])
            self.kinds[(i, C)] = MARGIN
        for j in range(C):
            self.values[(R, j)] = sum(int(cells[i][j]) for i in range(R))
            self.kinds[(R, j)] = MARGIN
        self.values[(R, C)] = sum(self.values[(i, C)] for i in range(R))
        self.kinds[(R, C)] = GRAND
        self.row_totals, self.col_totals = row_totals, col_totals
        self.total_published = row_totals and col_totals
        self.free: set[tuple[int, int]] = set()
        if not row_totals:
            self.free |= {(i, C) for i in range(R)}
        if not col_totals:
            self.free |= {(R, j) for j in range(C)}
        if not self.total_published:
            self.free.add((R, C))

    def line(self, key):
        i, j = key
        return [(i, jj) for jj in range(self.C + 1)] + [(ii, j) for ii in range(self.R + 1)]

    def can_increase(self, key) -> bool:
        # Written with a minus sign, a margin goes up in the zero-sum table when it goes down.
        return key in self.free or self.kinds[key] != MARGIN or self.values[key] >= 2

    def can_decrease(self, key) -> bool:
        return key in self.free or self.kinds[key] == MARGIN or self.values[key] >= 2

    def publish(self, hidden: frozenset, primary: frozenset) -> Protected:
        R, C = self.R, self.C

        def shown(key):
            return None if key in hidden else self.values[key]

        return Protected(
            cells=[[shown((i, j)) for j in range(C)] for i in range(R)],
            row_totals=[shown((i, C)) for i in range(R)] if self.row_totals else None,
            col_totals=[shown((R, j)) for j in range(C)] if self.col_totals else None,
            total=shown((R, C)) if self.total_published else None,
            total_published=self.total_published,
            hidden=hidden,
            primary=primary,
        )


def _movable(table: _Table, hidden: set, key) -> bool:
    """Can `key` change by one, with every other hidden or unknown number adjusting?

    Rows and columns are the nodes of a graph; every hidden or unknown entry
    other than `key` gives an arc row → column if it can go up by one and an
    arc column → row if it can go down. `key` going up closes a cycle when
    its column reaches its row, going down when its row reaches its column.
    """
    row_node, col_node = ("r", key[0]), ("c", key[1])
    arcs: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for other in hidden | table.free:
        if other == key:
            continue
        r, c = ("r", other[0]), ("c", other[1])
        if table.can_increase(other):
            arcs.setdefault(r, []).append(c)
        if table.can_decrease(other):
            arcs.setdefault(c, []).append(r)

    def reaches(start, goal) -> bool:
        seen, queue = {start}, deque([start])
        while queue:
            node = queue.popleft()
            if node == goal:
                return True
            for nxt in arcs.get(node, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return False

    if table.can_increase(key) and reaches(col_node, row_node):
        return True
    return table.can_decrease(key) and reaches(row_node, col_node)


def _complete(table: _Table, hidden: set, candidates: set) -> None:
    """Hide complements until no hidden number is pinned down by the published ones."""
    # Hiding more only adds paths, so a number once safe stays safe: only the
    # exposed ones need checking again.
    exposed = sorted(key for key in hidden if not _movable(table, hidden, key))
    while exposed:
        key = exposed[0]
        if _movable(table, hidden, key):
            exposed.pop(0)
            continue
        in_line = set(table.line(key)) & candidates

        def cost(k):
            return (table.values[k], table.kinds[k] != CELL, k)

        # The cheapest number that frees it at once; else the cheapest of its row or
        # column, which the next rounds close into a cycle.
        choice = next(
            (k for k in sorted(candidates, key=cost) if _movable(table, hidden | {k}, key)), None
        )
        if choice is None:
            pool = in_line or candidates
            if not pool:
                raise _Unprotectable
            choice = min(pool, key=cost)
        hidden.add(choice)
        candidates.discard(choice)
        if not _movable(table, hidden, choice):
            exposed.append(choice)
        exposed = [k for k in exposed if not _movable(table, hidden, k)]
