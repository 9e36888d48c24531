"""Polygons in longitude/latitude degrees: checking, simplifying, measuring.

A geometry here is a list of polygons; a polygon is a list of rings (the
outline first, then its holes); a ring is a closed list of [lon, lat] points
(the last point repeats the first), as in GeoJSON.
"""

import math

# About 11 m at the equator: far below anything a choropleth can show.
STORED_DECIMALS = 4


class GeometryError(ValueError):
    """Coordinates that do not make a polygon."""


def polygons_of(geometry) -> list | None:
    """The polygons of a GeoJSON Polygon or MultiPolygon; None for any other kind of geometry."""
    if not isinstance(geometry, dict):
        return None
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return None
    if not isinstance(polygons, list):
        raise GeometryError(f"{kind} coordinates must be a list")
    return [_checked_polygon(polygon) for polygon in polygons]


def _checked_polygon(polygon) -> list:
    if not isinstance(polygon, list) or not polygon:
        raise GeometryError("a polygon must be a non-empty list of rings")
    return [_checked_ring(ring) for ring in polygon]


def _checked_ring(ring) -> list:
    if not isinstance(ring, list):
        raise GeometryError("a ring must be a list of positions")
    points = []
    for position in ring:
        if (
            not isinstance(position, list | tuple)
            or len(position) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in position[:2])
        ):
            raise GeometryError(f"a position must be [longitude, latitude], not {position!r:.40}")
        lon, lat = float(position[0]), float(position[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise GeometryError("coordinates must be finite numbers")
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise GeometryError(f"[{lon}, {lat}] is not a longitude and latitude")
        points.append((lon, lat))
    if points and points[0] != points[-1]:
        points.append(points[0])
    if len(points) < 4:
        raise GeometryError("a ring needs at least three distinct points")
    return points


def point_count(polygons) -> int:
    return sum(len(ring) for polygon in polygons for ring in polygon)


def bbox(polygons) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of the outlines."""
    lons = [lon for polygon in polygons for lon, _ in polygon[0]]
    lats = [lat for polygon in polygons for _, lat in polygon[0]]
    return min(lons), min(lats), max(lons), max(lats)


def ring_area(ring) -> float:
    """Unsigned planar area in square degrees (shoelace formula)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def _kept_indices(points, tolerance: float) -> list[int]:
    """Douglas–Peucker, iterative: indices of the points that stay within `tolerance`."""
    last = len(points) - 1
    keep = [False] * len(points)
    keep[0] = keep[last] = True
    limit = tolerance * tolerance
    stack = [(0, last)]
    while stack:
        first, end = stack.pop()
        if end - first < 2:
            continue
        ax, ay = points[first]
        bx, by = points[end]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        farthest, index = -1.0, first
        for i in range(first + 1, end):
            px, py = points[i]
            if length == 0.0:
                # A closed ring starts and ends at one point: measure from that point.
                distance = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                distance = cross * cross / length
            if distance > farthest:
                farthest, index = distance, i
        if farthest > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, end))
    return [i for i, kept in enumerate(keep) if kept]


def simplify_ring(ring, tolerance: float) -> list | None:
    """The ring with fewer points, still closed; None when it shrinks below a triangle."""
    if tolerance > 0:
        ring = [ring[i] for i in _kept_indices(ring, tolerance)]
    rounded = []
    for lon, lat in ring:
        point = (round(lon, STORED_DECIMALS), round(lat, STORED_DECIMALS))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 4 or rounded[0] != rounded[-1]:
        return None
    return rounded


def simplify(polygons, tolerance: float) -> list:
    """Simplify every ring; drop islands and holes too small to keep a shape.

    A place never vanishes: when all its polygons would, its largest one is
    kept as it was (only rounded).
    """
    kept = []
    for polygon in polygons:
        outline = simplify_ring(polygon[0], tolerance)
        if outline is None:
            continue
        holes = [simplify_ring(hole, tolerance) for hole in polygon[1:]]
        kept.append([outline] + [hole for hole in holes if hole is not None])
    if kept:
        return kept
    largest = max(polygons, key=lambda polygon: ring_area(polygon[0]))
    outline = simplify_ring(largest[0], 0) or [
        (round(lon, STORED_DECIMALS), round(lat, STORED_DECIMALS)) for lon, lat in largest[0]
    ]
    return [[outline]]


def to_geojson(polygons) -> dict:
    coordinates = [[[list(point) for point in ring] for ring in polygon] for polygon in polygons]
    if len(coordinates) == 1:
        return {"type": "Polygon", "coordinates": coordinates[0]}
    return {"type": "MultiPolygon", "coordinates": coordinates}
