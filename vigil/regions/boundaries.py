"""Boundaries of places, imported from GeoJSON files.

A feature finds its place by code: ISO 3166-1 alpha-3 for countries
(`ISO_A3`, or `ADM0_A3` where Natural Earth writes -99, as it does for
France and Norway), ISO 3166-2 for subdivisions (`iso_3166_2`), or Vigil's
own place code in a `code` property (the demo country uses that). Several
features for one place are joined into one shape. Property names are matched
case-insensitively.
"""

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from vigil.regions import geometry
from vigil.regions.models import Boundary, Place, PlaceKind

DATA_DIR = Path(__file__).resolve().parent / "data"
LEVELS = ("country", "subdivision")
# Degrees. Below a pixel at the scale each level is drawn: the world is 360°
# across about 1000 px, a country's regions a few tens of degrees.
DEFAULT_TOLERANCE = {"country": 0.05, "subdivision": 0.02, None: 0.02}


@dataclass(frozen=True)
class ShippedFile:
    path: Path
    level: str
    source: str


SHIPPED = [
    ShippedFile(
        DATA_DIR / "ne_110m_admin_0_countries.json.gz",
        "country",
        "Natural Earth 1:110m admin 0 countries (public domain)",
    ),
    ShippedFile(
        DATA_DIR / "ne_50m_admin_1_states_provinces.json.gz",
        "subdivision",
        "Natural Earth 1:50m admin 1 states and provinces (public domain)",
    ),
]
DEMO_FILE = DATA_DIR / "valdoria.geojson"


class BoundaryFileError(ValueError):
    """A file that is not a GeoJSON FeatureCollection of polygons."""


@dataclass
class ImportResult:
    source: str
    matched: int = 0
    unmatched: list[str] = field(default_factory=list)
    skipped: int = 0
    points_before: int = 0
    points_after: int = 0


def read_features(path: Path) -> list:
    """The features of a GeoJSON FeatureCollection file (gzip-compressed if it ends in .gz)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BoundaryFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise BoundaryFileError(f"{path}: cannot read it ({exc.strerror})") from None
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise BoundaryFileError(f"{path}: not a gzip file ({exc})") from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise BoundaryFileError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BoundaryFileError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise BoundaryFileError(f"{path}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise BoundaryFileError(f"{path}: the FeatureCollection has no list of features")
    return features


def _properties(feature) -> dict:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict):
        return {}
    return {str(key).lower(): value for key, value in properties.items()}


def _text(value) -> str:
    if value is None or isinstance(value, bool):
        return ""
    text = str(value).strip()
    return "" if text in {"-99", "-1"} else text


def _candidates(properties: dict, level: str | None, code_property: str | None):
    """(kind of code, value) pairs to try, best first."""
    if code_property:
        value = _text(properties.get(code_property.lower()))
        return [("code", value), ("alpha3", value)] if value else []
    candidates = []
    if level in (None, "subdivision"):
        candidates.append(("code", _text(properties.get("iso_3166_2"))))
    if level in (None, "country"):
        candidates.append(("alpha3", _text(properties.get("iso_a3"))))
        candidates.append(("alpha3", _text(properties.get("adm0_a3"))))
    candidates.append(("code", _text(properties.get("code"))))
    return [(kind, value) for kind, value in candidates if value]


def _label(properties: dict, candidates) -> str:
    name = next(
        (
            _text(properties.get(key))
            for key in ("name", "admin", "name_long")
            if _text(properties.get(key))
        ),
        "",
    )
    code = candidates[0][1] if candidates else "no code"
    return f"{code} ({name})" if name else code


def import_boundaries(
    path: Path,
    *,
    level: str | None = None,
    code_property: str | None = None,
    tolerance: float | None = None,
    source: str | None = None,
) -> ImportResult:
    """Store the boundary of every place the file's features name; replace older ones."""
    if level not in (None, *LEVELS):
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    if tolerance is None:
        tolerance = DEFAULT_TOLERANCE[level]
    if tolerance < 0:
        raise ValueError("the simplification tolerance cannot be negative")
    path = Path(path)
    features = read_features(path)
    result = ImportResult(source=(source or path.name)[:200])

    places = Place.objects.all()
    if level == "country":
        places = places.filter(kind=PlaceKind.COUNTRY)
    elif level == "subdivision":
        places = places.exclude(kind=PlaceKind.COUNTRY)
    by_code, by_alpha3 = {}, {}
    for pk, code, alpha3 in places.values_list("id", "code", "alpha3"):
        by_code[code.upper()] = pk
        if alpha3:
            by_alpha3[alpha3.upper()] = pk
    lookup = {"code": by_code, "alpha3": by_alpha3}

    shapes: dict[int, list] = {}
    for number, feature in enumerate(features, start=1):
        properties = _properties(feature)
        candidates = _candidates(properties, level, code_property)
        try:
            polygons = geometry.polygons_of(
                feature.get("geometry") if isinstance(feature, dict) else None
            )
        except geometry.GeometryError as exc:
            raise BoundaryFileError(
                f"{path}: feature {number} ({_label(properties, candidates)}): {exc}"
            ) from None
        if not polygons:
            result.skipped += 1
            continue
        place_id = next(
            (
                lookup[kind][value.upper()]
                for kind, value in candidates
                if value.upper() in lookup[kind]
            ),
            None,
        )
        if place_id is None:
            result.unmatched.append(_label(properties, candidates))
            continue
        shapes.setdefault(place_id, []).extend(polygons)

    now = timezone.now()
    rows = []
    for place_id, polygons in shapes.items():
        simplified = geometry.simplify(polygons, tolerance)
        result.points_before += geometry.point_count(polygons)
        result.points_after += geometry.point_count(simplified)
        min_lon, min_lat, max_lon, max_lat = geometry.bbox(simplified)
        rows.append(
            Boundary(
                place_id=place_id,
                geometry=json.dumps(geometry.to_geojson(simplified), separators=(",", ":")),
                min_lon=min_lon,
                min_lat=min_lat,
                max_lon=max_lon,
                max_lat=max_lat,
                source=result.source,
                updated_at=now,
            )
        )
    with transaction.atomic():
        Boundary.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["place"],
            update_fields=[
                *("geometry", "min_lon", "min_lat", "max_lon", "max_lat"),
                *("source", "updated_at"),
            ],
        )
    result.matched = len(rows)
    return result


def load_shipped_boundaries(tolerance: float | None = None) -> list[ImportResult]:
    """The Natural Earth countries and states/provinces shipped with Vigil."""
    return [
        import_boundaries(
            shipped.path, level=shipped.level, tolerance=tolerance, source=shipped.source
        )
        for shipped in SHIPPED
    ]


def load_demo_boundaries() -> ImportResult:
    """The invented outlines of Valdoria (XV) and its regions; run after the demo places exist."""
    return import_boundaries(DEMO_FILE, source="Vigil demo: Valdoria (invented)")
