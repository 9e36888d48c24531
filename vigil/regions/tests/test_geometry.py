import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vigil.regions import geometry


def circle(points=200, radius=1.0, lon=10.0, lat=20.0):
    ring = [
        (
            lon + radius * math.cos(2 * math.pi * i / points),
            lat + radius * math.sin(2 * math.pi * i / points),
        )
        for i in range(points)
    ]
    return ring + [ring[0]]


def test_simplifying_reduces_points_and_keeps_the_ring_closed():
    ring = circle()

    [[simplified]] = geometry.simplify([[ring]], 0.01)

    assert 8 < len(simplified) < len(ring) / 2
    assert simplified[0] == simplified[-1]
    # Douglas–Peucker keeps original points: every kept point lies on the circle.
    for lon, lat in simplified:
        assert math.hypot(lon - 10, lat - 20) == pytest.approx(1.0, abs=1e-4)


def test_a_larger_tolerance_keeps_fewer_points():
    ring = circle()
    sizes = [geometry.point_count(geometry.simplify([[ring]], t)) for t in (0, 0.001, 0.01, 0.1)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == len(ring)


def test_straight_runs_collapse_to_their_corners():
    square = [(0, 0)] + [(i / 10, 0) for i in range(1, 10)] + [(1, 0), (1, 1), (0, 1), (0, 0)]

    [[simplified]] = geometry.simplify([[square]], 0.001)

    assert simplified == [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]


def test_islands_and_holes_too_small_to_keep_are_dropped_but_the_place_stays():
    big = circle(radius=2.0)
    tiny = circle(points=12, radius=0.001, lon=30)
    hole = circle(points=12, radius=0.001)

    simplified = geometry.simplify([[big, hole], [tiny]], 0.01)

    assert len(simplified) == 1 and len(simplified[0]) == 1
    # A place made only of small islands keeps its largest one.
    only_tiny = geometry.simplify([[tiny], [circle(points=12, radius=0.0005)]], 0.5)
    assert len(only_tiny) == 1 and only_tiny[0][0][0] == only_tiny[0][0][-1]


def test_unclosed_rings_are_closed_and_bad_coordinates_refused():
    polygons = geometry.polygons_of({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1]]]})
    assert polygons == [[[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]]
    assert geometry.polygons_of({"type": "Point", "coordinates": [0, 0]}) is None
    for bad in (
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[["a", 0], [1, 0], [1, 1], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, float("nan")], [0, 0]]]},
        {"type": "MultiPolygon", "coordinates": "nope"},
        {"type": "Polygon", "coordinates": []},
    ):
        with pytest.raises(geometry.GeometryError):
            geometry.polygons_of(bad)


@given(
    st.lists(
        st.tuples(st.floats(-179, 179), st.floats(-89, 89)), min_size=3, max_size=60, unique=True
    ),
    st.floats(0, 5),
)
def test_simplified_rings_are_closed_subsets_of_the_original(points, tolerance):
    ring = [*points, points[0]]
    rounded = {(round(x, 4), round(y, 4)) for x, y in ring}

    for polygon in geometry.simplify([[ring]], tolerance):
        for simplified in polygon:
            assert simplified[0] == simplified[-1]
            assert set(simplified) <= rounded
