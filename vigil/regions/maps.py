"""Choropleth maps as inline SVG, drawn from the stored boundaries.

No tiles and no outside request: the page carries the map. Places are
coloured in five classes by quantiles of the values given; a place with no
value is hatched, never drawn as the lowest class. The SVG is an image to
assistive technology (role="img" with a title and a description); every
chart that uses it is shown next to a table of the same figures.
"""

import hashlib
import html
import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vigil.regions.models import Boundary, PlaceKind

# ColorBrewer YlOrRd, 5 classes: sequential, colour-blind safe, darker = higher.
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
CLASSES = len(PALETTE)
BORDER = "#4d4d4d"
NO_DATA_LINE = "#8c8c8c"

WIDTH = 960
MAX_MAP_HEIGHT = 560
PAD = 8
LEGEND_ROW = 26
LEGEND_COLUMNS = 3
FONT = 15
# Drawn only when asked for: it is a fifth of a world map and has no children.
ANTARCTICA = "AQ"


@dataclass(frozen=True)
class LegendClass:
    lower: float
    upper: float
    colour: str


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def legend_classes(values: Mapping | Iterable) -> list[LegendClass]:
    """Up to five classes by quantiles of the known values, each from its lowest to highest value.

    `values` maps place code → number or None, or is an iterable of numbers;
    None (and NaN) is no data and takes no part in the classes.
    """
    numbers = values.values() if isinstance(values, Mapping) else values
    known = sorted(n for n in (_number(v) for v in numbers) if n is not None)
    if not known:
        return []
    count = len(known)
    # Nearest-rank quantiles: every upper bound is a value that occurs.
    uppers = sorted({known[math.ceil(count * i / CLASSES) - 1] for i in range(1, CLASSES)})
    if uppers[-1] != known[-1]:
        uppers.append(known[-1])
    bounds = []
    start = 0
    for upper in uppers:
        end = start
        while end < count and known[end] <= upper:
            end += 1
        if end > start:
            bounds.append((known[start], known[end - 1]))
        start = end
    if len(bounds) == 1:
        colours = [PALETTE[CLASSES // 2]]
    else:
        colours = [
            PALETTE[round(i * (CLASSES - 1) / (len(bounds) - 1))] for i in range(len(bounds))
        ]
    return [
        LegendClass(lower, upper, colour)
        for (lower, upper), colour in zip(bounds, colours, strict=True)
    ]


def class_of(value, classes: list[LegendClass]) -> LegendClass | None:
    number = _number(value)
    if number is None:
        return None
    for legend_class in classes:
        if number <= legend_class.upper:
            return legend_class
    return classes[-1] if classes else None


def format_value(value: float) -> str:
    """Three significant figures, thousands separated: 0.213, 8.5, 30.2, 1,234."""
    magnitude = abs(value)
    if magnitude >= 999.5:
        text = f"{value:,.0f}"
    elif magnitude and magnitude < 0.001:
        text = f"{value:.1e}"
    else:
        text = f"{value:.3g}"
    return "0" if text == "-0" else text


def _with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class _Shape:
    code: str
    name: str
    polygons: list


def _shapes(level: str, within: str | None, values: Mapping) -> tuple[list[_Shape], list[str]]:
    boundaries = Boundary.objects.select_related("place").order_by("place__code")
    if level == "country":
        if within:
            raise ValueError("a country-level map is of the world: give no `within`")
        boundaries = boundaries.filter(place__kind=PlaceKind.COUNTRY)
    elif level == "subdivision":
        if not within:
            raise ValueError("a subdivision map needs `within`, the country's code")
        boundaries = boundaries.filter(
            place__kind=PlaceKind.SUBDIVISION, place__country_code=within.upper()
        )
    else:
        raise ValueError("level must be 'country' or 'subdivision'")
    shapes, sources = [], set()
    for boundary in boundaries.only(
        "geometry", "source", "place__code", "place__name", "place__kind"
    ):
        code = boundary.place.code
        if level == "country" and code == ANTARCTICA and code not in values:
            continue
        geometry = json.loads(boundary.geometry)
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        shapes.append(_Shape(code, boundary.place.name, polygons))
        sources.add(boundary.source)
    return shapes, sorted(sources)


def _unwrap(shapes: list[_Shape], level: str) -> None:
    """Keep a country that crosses 180° in one piece (Alaska's Aleutians, Fiji, Chukotka)."""
    if level == "country":
        return
    lons = [lon for s in shapes for polygon in s.polygons for lon, _ in polygon[0]]
    if not lons or max(lons) - min(lons) <= 180:
        return
    east = [lon if lon >= 0 else lon + 360 for lon in lons]
    west = [lon if lon <= 0 else lon - 360 for lon in lons]
    shift = 360 if max(east) - min(east) < max(west) - min(west) else -360
    for shape in shapes:
        shape.polygons = [
            [
                [
                    [lon + shift if (lon < 0 if shift > 0 else lon > 0) else lon, lat]
                    for lon, lat in ring
                ]
                for ring in polygon
            ]
            for polygon in shape.polygons
        ]


def _tenths(t: int) -> str:
    whole, tenth = divmod(abs(t), 10)
    text = f"{whole}.{tenth}" if tenth else f"{whole}"
    return f"-{text}" if t < 0 else text


def _path(polygons, project) -> str:
    """SVG path data in tenths of a unit: an absolute move, then relative lines."""
    parts = []
    fallback = ""
    for polygon in polygons:
        for ring in polygon:
            points = []
            for lon, lat in ring:
                point = project(lon, lat)
                if not points or points[-1] != point:
                    points.append(point)
            if points[0] == points[-1]:
                points.pop()
            x0, y0 = points[0]
            text = [f"M{_tenths(x0)} {_tenths(y0)}"]
            if len(points) >= 3:
                numbers = []
                for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
                    numbers.append(_tenths(x2 - x1))
                    numbers.append(_tenths(y2 - y1))
                line = "l"
                for i, number in enumerate(numbers):
                    line += number if (i == 0 or number.startswith("-")) else " " + number
                parts.append(text[0] + line + "z")
            elif not fallback:
                # Too small to show at this scale: a dot, so the place is still there.
                fallback = f"{text[0]}h1v1h-1z"
    return "".join(parts) or fallback


def choropleth_svg(
    values: Mapping[str, float | None],
    *,
    level: str = "country",
    within: str | None = None,
    title: str,
    unit: str = "",
    link: Callable[[str], str | None] | None = None,
) -> SafeString:
    """An accessible SVG map of `values` (place code → number or None) over the stored boundaries.

    `level` "country" draws the world; "subdivision" draws the first-level
    subdivisions of the country `within`. `link(place_code)` may give a URL
    for each place. The result is safe to put in a template as it is.
    """
    shapes, sources = _shapes(level, within, values)
    _unwrap(shapes, level)
    classes = legend_classes(values)
    ident = (
        "map-"
        + hashlib.sha256(
            json.dumps([title, level, within, unit], default=str).encode()
        ).hexdigest()[:10]
    )

    if shapes:
        lons = [lon for s in shapes for polygon in s.polygons for lon, _ in polygon[0]]
        lats = [lat for s in shapes for polygon in s.polygons for _, lat in polygon[0]]
        min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    else:
        min_lon, max_lon, min_lat, max_lat = -180.0, 180.0, -60.0, 85.0
    # Equirectangular, true to scale at the middle latitude of what is drawn.
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * x_scale, 1e-6)
    span_y = max(max_lat - min_lat, 1e-6)
    scale = min((WIDTH - 2 * PAD) / span_x, (MAX_MAP_HEIGHT - 2 * PAD) / span_y)
    map_height = span_y * scale + 2 * PAD
    offset_x = (WIDTH - span_x * scale) / 2

    def project(lon, lat):
        x = offset_x + (lon - min_lon) * x_scale * scale
        y = PAD + (max_lat - lat) * scale
        return round(x * 10), round(y * 10)

    no_data = _("no data")
    paths = []
    missing = 0
    for shape in shapes:
        legend_class = class_of(values.get(shape.code), classes)
        if legend_class is None:
            missing += 1
            fill = f"url(#{ident}-nodata)"
            label = f"{shape.name}: {no_data}"
        else:
            fill = legend_class.colour
            label = f"{shape.name}: {_with_unit(format_value(float(values[shape.code])), unit)}"
        path = (
            f'<path d="{_path(shape.polygons, project)}" fill="{fill}" '
            f'data-code="{_esc(shape.code)}"><title>{_esc(label)}</title></path>'
        )
        url = link(shape.code) if link else None
        if url:
            path = f'<a href="{_esc(url)}" aria-label="{_esc(label)}">{path}</a>'
        paths.append(path)

    legend, legend_height = _legend(classes, unit, ident, map_height, sources)
    height = math.ceil(map_height + legend_height)
    description = _description(len(shapes), missing, classes, unit)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="choropleth" '
        f'font-family="sans-serif" font-size="{FONT}">'
        f'<title id="{ident}-title">{_esc(title)}</title>'
        f'<desc id="{ident}-desc">{_esc(description)}</desc>'
        f'<defs><pattern id="{ident}-nodata" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{NO_DATA_LINE}" stroke-width="2.5"/>'
        f"</pattern></defs>"
        f'<g stroke="{BORDER}" stroke-width="0.6" stroke-linejoin="round" '
        f'fill-rule="evenodd">' + "".join(paths) + "</g>" + legend + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - every text and attribute above is escaped


def _legend(classes, unit, ident, top, sources) -> tuple[str, float]:
    items = [
        (
            c.colour,
            _with_unit(
                format_value(c.lower)
                if c.lower == c.upper
                else f"{format_value(c.lower)} – {format_value(c.upper)}",
                unit,
            ),
        )
        for c in classes
    ]
    items.append((f"url(#{ident}-nodata)", _("No data")))
    column_width = (WIDTH - 2 * PAD) / LEGEND_COLUMNS
    parts = [f'<g class="legend" transform="translate({PAD} {math.ceil(top) + 4})">']
    for i, (fill, text) in enumerate(items):
        row, column = divmod(i, LEGEND_COLUMNS)
        x = round(column * column_width)
        y = row * LEGEND_ROW
        parts.append(
            f'<rect x="{x}" y="{y}" width="18" height="18" fill="{fill}" stroke="{BORDER}"/>'
            f'<text x="{x + 26}" y="{y + 14}" fill="#1a1a1a">{_esc(text)}</text>'
        )
    rows = math.ceil(len(items) / LEGEND_COLUMNS)
    height = rows * LEGEND_ROW + 8
    if any(source.startswith("Natural Earth") for source in sources):
        parts.append(
            f'<text x="{WIDTH - 2 * PAD}" y="{height + 4}" text-anchor="end" font-size="12" '
            f'fill="#4d4d4d">{_esc(_("Boundaries: Natural Earth"))}</text>'
        )
        height += 18
    parts.append("</g>")
    return "".join(parts), height + 4


def _description(drawn: int, missing: int, classes, unit: str) -> str:
    if not drawn:
        return _("No boundaries are loaded for these places, so the map is empty.")
    parts = [_("Map of %(count)d places.") % {"count": drawn}]
    if classes:
        parts.append(
            _("Darker colours mean higher values, in %(classes)d classes from %(low)s to %(high)s.")
            % {
                "classes": len(classes),
                "low": _with_unit(format_value(classes[0].lower), unit),
                "high": _with_unit(format_value(classes[-1].upper), unit),
            }
        )
    if missing:
        parts.append(_("%(count)d places have no data and are hatched.") % {"count": missing})
    return " ".join(parts)
