"""The observed picture: reports, cases and services per place and month, and their rates.

Everything here comes from the de-identified aggregates the tips and cases apps
publish (`vigil.tips.aggregates.tip_counts`, `vigil.cases.aggregates.case_counts`),
read through `vigil.statistics.sources.published` (their stored snapshot):
rows of counts per place and month, never a tip or a case. Services are the
directory's public listings. Child population comes from the indicators
(`sp.pop.totl` × `sp.pop.0014.to.zs` / 100).

The other apps are imported inside the functions: when one is not installed
yet, its figures are None ("not available"), never zero.
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable

from django.core.cache import cache
from django.utils import timezone

from vigil.insights.hotspots import neighbours_from_boxes, neighbours_from_rings, symmetric

# Keys the published rows may use for the place, the month and the count.
_COUNTRY_KEYS = ("country_code", "country", "place_country")
_REGION_KEYS = ("region_code", "region", "subdivision", "place_region")
_PLACE_KEYS = ("place", "place_code")
_MONTH_KEYS = ("month", "period")
_COUNT_KEYS = ("count", "tips", "cases", "n", "total")

MonthlyCounts = dict[str, dict[str, int]]
CACHE_SECONDS = 300
_MISSING = object()


def month_key(value) -> str | None:
    """ "YYYY-MM" from a date, a datetime or a string starting with one."""
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value)
    return text[:7] if len(text) >= 7 and text[4] == "-" else None


def _field(row, keys):
    for key in keys:
        if isinstance(row, dict):
            if row.get(key) not in (None, ""):
                return row[key]
        elif getattr(row, key, None) not in (None, ""):
            return getattr(row, key)
    return None


def by_place_and_month(rows: Iterable, level: str) -> MonthlyCounts:
    """Sum published rows into {place code: {"YYYY-MM": count}} at the country or region level."""
    keys = (_COUNTRY_KEYS if level == "country" else _REGION_KEYS) + _PLACE_KEYS
    result: MonthlyCounts = defaultdict(lambda: defaultdict(int))
    for row in rows:
        place = _field(row, keys)
        month = month_key(_field(row, _MONTH_KEYS))
        count = _field(row, _COUNT_KEYS)
        if place is None or month is None or count is None:
            continue
        if level == "country" and "-" in str(place):
            place = str(place).split("-", 1)[0]
        result[str(place)][month] += int(count)
    return {place: dict(months) for place, months in result.items()}


def _published(app: str, since=None, until=None):
    """The rows an app publishes, or None while it publishes none."""
    from vigil.statistics.sources import published

    path = (
        "vigil.tips.aggregates.tip_counts"
        if app == "tips"
        else "vigil.cases.aggregates.case_counts"
    )
    try:
        # The latest snapshot (`vigil refresh_aggregates`), live only before the first one.
        rows = published(path, since=since, until=until, view="place-month")
    except ImportError:
        return None
    # The view counts a case with several types of exploitation once.
    return rows


def counts(
    app: str, level: str, since: datetime.date | None = None, until: datetime.date | None = None
) -> MonthlyCounts | None:
    """Tips or cases ("tips"/"cases") per place and month in [since, until); None if unpublished."""
    rows = _published(app, _start_of(since), _start_of(until))
    return None if rows is None else by_place_and_month(rows, level)


def recent(app: str, level: str, today: datetime.date, months: int = 24) -> MonthlyCounts | None:
    """Counts of the last `months` months (the current one included), cached for five minutes."""
    first = months_back(today, months)[0]
    key = f"insights:counts:v1:{app}:{level}:{first}:{today:%Y-%m}"
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = counts(app, level, since=datetime.date.fromisoformat(f"{first}-01"))
        cache.set(key, found, CACHE_SECONDS)
    return found


def _start_of(day: datetime.date | None):
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def totals(counts: MonthlyCounts | None, months: set[str]) -> dict[str, int] | None:
    if counts is None:
        return None
    return {
        place: sum(n for m, n in by_month.items() if m in months)
        for place, by_month in counts.items()
    }


def months_back(end: datetime.date, number: int) -> list[str]:
    """The `number` months up to and including the month of `end`, oldest first."""
    year, month = end.year, end.month
    result = []
    for _ in range(number):
        result.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return result[::-1]


def indicator_value(place_code: str, indicator: str, year: int) -> tuple[float, int] | None:
    """(value, year it is from): the latest value in `year` or the few years before; None."""
    try:
        from vigil.vulnerability.index import latest
        from vigil.vulnerability.values import series
    except ImportError:
        return None
    found = latest(series(place_code, indicator), year)
    return None if found is None else (found[1], found[0])


def children_by_place(codes: Iterable[str], year: int, level: str) -> dict[str, float | None]:
    """Children aged 0-14 per place from the indicators; None where either figure is missing.

    One query for the whole level through the index's own window (latest value in
    `year` or the few years before), rather than two per place.
    """
    codes = list(codes)
    try:
        from vigil.vulnerability.catalogue import CHILD_SHARE, POPULATION
        from vigil.vulnerability.index import Spec
        from vigil.vulnerability.values import window
    except ImportError:
        return dict.fromkeys(codes)
    raw, _ = window(level, year, [Spec(POPULATION, "population"), Spec(CHILD_SHARE, "population")])
    result = {}
    for code in codes:
        values = raw.get(code, {})
        total, share = values.get(POPULATION), values.get(CHILD_SHARE)
        result[code] = None if total is None or share is None else total * share / 100
    return result


def service_counts(places) -> dict[str, dict[str, int]]:
    """Active services serving each place: {"total": n, "shelter": n}.

    A service serves a place when one of its areas is the place, inside it (a
    town of a region, a region of a country) or around it (the country of a
    region); a service with no areas serves its organisation's whole jurisdiction.
    """
    from vigil.directory.models import Service, ServiceType
    from vigil.regions.models import Place

    places = list(places)
    codes = {p.code for p in places}
    countries = {p.country_code for p in places}
    parents = dict(
        Place.objects.filter(country_code__in=countries).values_list("code", "parent__code")
    )

    def around(code: str) -> set[str]:
        chain, seen = set(), code
        while seen and seen not in chain:
            chain.add(seen)
            seen = parents.get(seen)
        return chain

    served: dict[str, dict[str, set]] = {code: defaultdict(set) for code in codes}
    active = Service.objects.filter(is_active=True)
    for service_id, kind, area in active.filter(areas__isnull=False).values_list(
        "pk", "service_type", "areas__code"
    ):
        for code in around(area) & codes:
            served[code]["total"].add(service_id)
            if kind == ServiceType.SHELTER:
                served[code]["shelter"].add(service_id)
        # A service for a whole country serves each of its regions.
        for place in places:
            if area == place.country_code and place.code != area:
                served[place.code]["total"].add(service_id)
                if kind == ServiceType.SHELTER:
                    served[place.code]["shelter"].add(service_id)
    for service_id, kind, jurisdiction in active.filter(areas__isnull=True).values_list(
        "pk", "service_type", "organisation__jurisdiction"
    ):
        for place in places:
            if jurisdiction in (place.code, place.country_code) or place.code in around(
                jurisdiction
            ):
                served[place.code]["total"].add(service_id)
                if kind == ServiceType.SHELTER:
                    served[place.code]["shelter"].add(service_id)
    return {
        code: {"total": len(kinds["total"]), "shelter": len(kinds["shelter"])}
        for code, kinds in served.items()
    }


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates") or []
    if kind == "Polygon":
        return [[tuple(point[:2]) for point in ring] for ring in coordinates]
    if kind == "MultiPolygon":
        return [[tuple(point[:2]) for point in ring] for polygon in coordinates for ring in polygon]
    return []


def neighbours_of(places) -> dict[str, set[str]]:
    """Which places border which, from the stored boundaries.

    Places sharing a boundary vertex (to 3 decimals, about 100 m) are
    neighbours; a place that shares none with anyone (outlines simplified
    separately) falls back to the places whose bounding boxes touch its own.
    Places without a stored boundary have no neighbours.
    """
    codes = [p.code for p in places]
    try:
        from vigil.regions.models import Boundary
    except ImportError:
        return {code: set() for code in codes}
    rows = Boundary.objects.filter(place__code__in=codes).values_list(
        "place__code", "geometry", "min_lon", "min_lat", "max_lon", "max_lat"
    )
    rings, boxes = {}, {}
    for code, geometry, *box in rows:
        try:
            rings[code] = _rings(json.loads(geometry))
        except (ValueError, TypeError, AttributeError):
            rings[code] = []
        boxes[code] = tuple(box)
    shared = neighbours_from_rings(rings, precision=3)
    touching = neighbours_from_boxes(boxes, tolerance=0.01)
    result = {code: set() for code in codes}
    for code in boxes:
        result[code] = set(shared.get(code) or touching.get(code) or ())
    return symmetric(result)
