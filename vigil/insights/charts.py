"""A small line chart as inline SVG, with the same figures given as a table on the page."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT, PAD = 480, 160, 28


def line_chart_svg(points: list[tuple[str, float | None]], *, title: str, unit: str = "") -> str:
    """One line over labelled points; a None value breaks the line (no data, not zero)."""
    values = [v for _, v in points if v is not None]
    top = max(values) if values else 0
    top = top or 1
    step = (WIDTH - 2 * PAD) / max(1, len(points) - 1)

    def xy(i, v):
        return PAD + i * step, HEIGHT - PAD - (v / top) * (HEIGHT - 2 * PAD)

    segments, current = [], []
    for i, (_, v) in enumerate(points):
        if v is None:
            if current:
                segments.append(current)
            current = []
        else:
            current.append(xy(i, v))
    if current:
        segments.append(current)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="trend" aria-labelledby="trend-title"><title id="trend-title">{escape(title)}'
        "</title>",
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="currentColor" stroke-width="1"/>',
        f'<text x="2" y="{PAD - 8}" font-size="10">{escape(_number(top))} {escape(unit)}</text>',
    ]
    for segment in segments:
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="currentColor" stroke-width="2"/>'
        )
        parts.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>' for x, y in segment)
    if points:
        parts.append(
            f'<text x="{PAD}" y="{HEIGHT - 8}" font-size="10">{escape(points[0][0])}</text>'
        )
        parts.append(
            f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" font-size="10" text-anchor="end">'
            f"{escape(points[-1][0])}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.2g}"
