"""Getis-Ord Gi* on hand-made grids whose answers are known."""

import math

import pytest

from vigil.insights.hotspots import (
    gi_star,
    hotspots,
    neighbours_from_boxes,
    neighbours_from_rings,
    significant_places,
    two_sided_p,
)


def grid(size: int) -> dict[str, set[str]]:
    """Queen contiguity on a size × size grid; cells are named "r,c"."""
    result = {}
    for r in range(size):
        for c in range(size):
            result[f"{r},{c}"] = {
                f"{r + dr},{c + dc}"
                for dr in (-1, 0, 1)
                for dc in (-1, 0, 1)
                if (dr or dc) and 0 <= r + dr < size and 0 <= c + dc < size
            }
    return result


def test_a_three_cell_line_by_hand():
    # A — B — C with values 1, 2, 3: n = 3, X̄ = 2, S = sqrt(14/3 − 4) = sqrt(2/3).
    # A: W = 2, Σ = 3, Gi* = (3 − 4) / (sqrt(2/3) · sqrt((6 − 4) / 2)) = −sqrt(3/2).
    # B: its neighbourhood is the whole map (W = n), so Gi* is undefined.
    line = {"A": {"B"}, "B": {"A", "C"}, "C": {"B"}}
    z = gi_star({"A": 1, "B": 2, "C": 3}, line)
    assert z["A"] == pytest.approx(-math.sqrt(1.5))
    assert z["C"] == pytest.approx(math.sqrt(1.5))
    assert z["B"] is None


def test_a_hot_block_in_a_five_by_five_grid():
    # Rows and columns 0-2 hold 10, the other 16 cells hold 1.
    # X̄ = 106/25 = 4.24; Σx²/n = 916/25 = 36.64; S = sqrt(36.64 − 17.9776) = 4.32.
    values = {cell: (10 if max(map(int, cell.split(","))) <= 2 else 1) for cell in grid(5)}
    result = hotspots(values, grid(5))
    centre = result["1,1"]
    # Centre: W = 9, Σ = 90 → (90 − 38.16) / (4.32 · sqrt((225 − 81)/24)) = 51.84 / (4.32·√6)
    assert centre.z == pytest.approx(51.84 / (4.32 * math.sqrt(6)))
    assert centre.z == pytest.approx(4.898979, abs=1e-6)
    assert centre.p < 1e-5
    assert centre.significant and centre.kind == "hot"
    # Far corner: W = 4, Σ = 4 → (4 − 16.96) / (4.32 · sqrt((100 − 16)/24)) = −1.6036, p = 0.109
    corner = result["4,4"]
    assert corner.z == pytest.approx(-12.96 / (4.32 * math.sqrt(3.5)))
    assert corner.p == pytest.approx(0.1088, abs=1e-3)
    assert not corner.significant and corner.kind == ""


def test_a_uniform_grid_has_no_hotspot():
    result = hotspots(dict.fromkeys(grid(5), 7.0), grid(5))
    assert not any(h.significant for h in result.values())
    assert all(h.z is None for h in result.values())


def test_places_without_a_value_are_left_out():
    line = {"A": {"B"}, "B": {"A", "C"}, "C": {"B", "D"}, "D": {"C"}}
    result = hotspots({"A": 1, "B": None, "C": 2, "D": 3}, line)
    assert result["B"].z is None and result["B"].p is None and not result["B"].significant
    # Without B, A has no neighbour with a value: the map is A, C — D.
    assert gi_star({"A": 1, "C": 2, "D": 3}, line) == {
        k: v for k, v in gi_star({"A": 1, "B": None, "C": 2, "D": 3}, line).items()
    }


def test_p_values_from_the_normal_distribution():
    assert two_sided_p(0) == pytest.approx(1.0)
    assert two_sided_p(1.959964) == pytest.approx(0.05, abs=1e-6)
    assert two_sided_p(-1.959964) == pytest.approx(0.05, abs=1e-6)


def test_corrections_for_many_tests():
    p = {"a": 0.001, "b": 0.012, "c": 0.03, "d": 0.04, "e": 0.5}
    assert significant_places(p, 0.05, "none") == {"a", "b", "c", "d"}
    # Bonferroni: p < 0.05 / 5 = 0.01
    assert significant_places(p, 0.05, "bonferroni") == {"a"}
    # Benjamini–Hochberg: thresholds 0.01, 0.02, 0.03, 0.04, 0.05 → the largest k with
    # p_(k) ≤ k·0.01 is k = 4 (0.04 ≤ 0.04), so a-d pass.
    assert significant_places(p, 0.05, "fdr") == {"a", "b", "c", "d"}
    assert significant_places({"a": 0.02, "b": 0.04}, 0.05, "fdr") == {"a", "b"}
    assert significant_places({"a": 0.03, "b": 0.06}, 0.05, "fdr") == set()
    with pytest.raises(ValueError):
        significant_places(p, 0.05, "holm")


def test_neighbours_from_shared_vertices():
    # Three unit squares in a row and a fourth far away; the first two also touch at a corner.
    square = lambda x, y: [[(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)]]  # noqa: E731
    rings = {"W": square(0, 0), "M": square(1, 0), "E": square(2, 0), "Far": square(9, 9)}
    assert neighbours_from_rings(rings) == {"W": {"M"}, "M": {"W", "E"}, "E": {"M"}, "Far": set()}


def test_neighbours_from_touching_boxes():
    boxes = {"W": (0, 0, 1, 1), "M": (1, 0, 2, 1), "Far": (5, 5, 6, 6)}
    assert neighbours_from_boxes(boxes) == {"W": {"M"}, "M": {"W"}, "Far": set()}
