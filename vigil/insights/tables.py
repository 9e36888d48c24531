"""What the dashboard pages show, as plain rows: ranked places, a place's tables, the map."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from vigil.insights import observed
from vigil.insights.models import PlanningDecision
from vigil.insights.overview import PlaceRow, overview
from vigil.insights.planning import before_after

TREND_MONTHS = 24

PLACE_COLUMNS = [
    "place",
    "name",
    "index",
    "index_rank",
    "coverage",
    "children",
    "reports",
    "reports_per_100k",
    "reports_per_100k_smoothed",
    "cases",
    "cases_per_100k",
    "cases_per_100k_smoothed",
    "services",
    "shelters",
    "hotspot_z",
    "hotspot_p",
    "hotspot",
    "gap",
    "gap_rank",
    "gap_reasons",
]


def countries() -> list[tuple[str, str]]:
    from vigil.regions.models import Place, PlaceKind

    return list(
        Place.objects.filter(kind=PlaceKind.COUNTRY).order_by("name").values_list("code", "name")
    )


def measure_values(data, measure: str) -> tuple[dict[str, float | None], str]:
    """The value of the chosen measure per place, and its unit."""
    pick = {
        "gap": (lambda r: r.gap, ""),
        "index": (lambda r: r.index, ""),
        "reports": (lambda r: r.tip_rate_smoothed, _("per 100,000 children")),
        "cases": (lambda r: r.case_rate_smoothed, _("per 100,000 children")),
        "services": (lambda r: r.services, _("services")),
        "hotspot": (lambda r: r.hotspot_z, "z"),
    }
    if measure in pick:
        get, unit = pick[measure]
        return {r.code: get(r) for r in data.rows}, unit
    if measure in IDENTIFIED:
        return identified_victims(IDENTIFIED[measure], data), _("identified victims, all years")
    if measure.startswith("dimension:"):
        slug = measure.split(":", 1)[1]
        return {r.code: r.dimensions.get(slug) for r in data.rows}, "0-100"
    if measure.startswith("indicator:"):
        code = measure.split(":", 1)[1]
        values = indicator_values(code, [r.code for r in data.rows], data.year, data.level)
        return values, indicator_unit(code)
    return {r.code: None for r in data.rows}, ""


# Records of identified victims imported from other collections (CTDC, HTCDS), published
# by the exchange app per country: detection, not prevalence.
IDENTIFIED = {
    "identified_exploitation": "vigil.exchange.aggregates.victims_by_country_of_exploitation",
    "identified_citizenship": "vigil.exchange.aggregates.victims_by_citizenship",
}


def identified_victims(source: str, data) -> dict[str, float | None]:
    """Imported identified victims per country, every year up to the chosen one."""
    if data.level != "country":
        return {r.code: None for r in data.rows}  # the records name countries only
    from vigil.statistics.sources import published

    totals: dict[str, int] = {}
    for row in published(source, view="year"):
        if row.once and row.month.year <= data.year:
            totals[row.country_code] = totals.get(row.country_code, 0) + row.count
    return {r.code: totals.get(r.code) for r in data.rows}


def indicator_values(code: str, places: list[str], year: int, level: str):
    """One indicator's latest value in `year` (or the few years before) per place, in one query."""
    try:
        from vigil.vulnerability.index import Spec
        from vigil.vulnerability.values import window
    except ImportError:
        return dict.fromkeys(places)
    raw, _places = window(level, year, [Spec(code, "shown")])
    return {place: raw.get(place, {}).get(code) for place in places}


def indicator_unit(code: str) -> str:
    try:
        from vigil.vulnerability.models import Indicator
    except ImportError:
        return ""
    return Indicator.objects.filter(code=code).values_list("unit", flat=True).first() or ""


def ranked(data, values: dict[str, float | None]) -> list[PlaceRow]:
    """Places by the chosen measure, highest first; places with no data last, by name."""
    return sorted(
        data.rows,
        key=lambda r: (values.get(r.code) is None, -(values.get(r.code) or 0), r.name),
    )


def draw_map(data, values, chosen, unit) -> str | None:
    """The choropleth from the stored boundaries, or None while maps are not available."""
    try:
        from vigil.regions.maps import choropleth_svg
    except ImportError:
        return None
    year = chosen["year"]
    return choropleth_svg(
        values,
        level=data.level,
        within=data.within or None,
        title=_("Places by the chosen measure, %(year)s") % {"year": year},
        unit=unit,
        link=lambda code: reverse("insights:place", args=[code]) + f"?year={year}",
    )


def place_rows(rows: list[PlaceRow]):
    for r in rows:
        yield [
            r.code,
            r.name,
            _round(r.index),
            r.index_rank,
            _round(r.coverage),
            _round(r.children, 0),
            r.tips,
            _round(r.tip_rate),
            _round(r.tip_rate_smoothed),
            r.cases,
            _round(r.case_rate),
            _round(r.case_rate_smoothed),
            r.services,
            r.shelters,
            _round(r.hotspot_z),
            _round(r.hotspot_p, 4),
            r.hotspot,
            _round(r.gap),
            r.gap_rank,
            "; ".join(r.gap_reasons),
        ]


def _round(value, digits=2):
    return None if value is None else round(value, digits)


def place_or_404(code: str):
    from vigil.regions.models import Place, PlaceKind

    found = Place.objects.filter(
        code=code, kind__in=[PlaceKind.COUNTRY, PlaceKind.SUBDIVISION]
    ).first()
    if found is None:
        raise Http404
    return found


def level_of(place) -> str:
    return "country" if place.kind == "country" else "subdivision"


def place_context(place, year: int) -> dict:
    """Everything the place page shows (and its CSV files hold)."""
    level = level_of(place)
    within = "" if level == "country" else place.country_code
    data = overview(level, year, within)
    row = data.row(place.code) or PlaceRow(place.code, place.name)
    return {
        "place": place,
        "row": row,
        "overview": data,
        "dimensions": dimensions(row),
        "indicators": indicators(place.code, year),
        "trend": trend(place, level, row.children, data.months[-1]),
        "tips_available": data.tips_available,
        "cases_available": data.cases_available,
        "decisions": decisions(place),
    }


def dimensions(row: PlaceRow) -> list[dict]:
    try:
        from vigil.vulnerability.models import Dimension
    except ImportError:
        names = {}
    else:
        names = dict(Dimension.objects.values_list("slug", "name"))
    slugs = list(names) + [s for s in row.dimensions if s not in names]
    return [{"slug": s, "name": names.get(s, s), "score": row.dimensions.get(s)} for s in slugs]


def indicators(place_code: str, year: int) -> list[dict]:
    try:
        from vigil.vulnerability.models import Indicator
    except ImportError:
        return []
    result = []
    for indicator in Indicator.objects.select_related("dimension"):
        found = observed.indicator_value(place_code, indicator.code, year)
        result.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "dimension": indicator.dimension.name if indicator.dimension else "",
                "unit": indicator.unit,
                "value": found[0] if found else None,
                "year": found[1] if found else None,
            }
        )
    return result


def trend(place, level: str, children: float | None, last_month: str) -> list[dict]:
    """Reports and cases per month over the last two years, with rates per 100,000 children."""
    import datetime

    end = datetime.date.fromisoformat(f"{last_month}-01")
    tips = observed.recent("tips", level, end, TREND_MONTHS)
    cases = observed.recent("cases", level, end, TREND_MONTHS)
    result = []
    for month in observed.months_back(end, TREND_MONTHS):
        t = None if tips is None else tips.get(place.code, {}).get(month, 0)
        c = None if cases is None else cases.get(place.code, {}).get(month, 0)
        result.append(
            {
                "month": month,
                "tips": t,
                "tip_rate": _rate(t, children),
                "cases": c,
                "case_rate": _rate(c, children),
            }
        )
    return result


def _rate(count, children):
    if count is None or not children:
        return None
    return round(count / children * 100_000, 3)


def decisions(place) -> list[dict]:
    return [
        {"decision": d, "windows": before_after(d)}
        for d in PlanningDecision.objects.filter(place=place).select_related(
            "organisation", "recorded_by", "place"
        )
    ]


def _dimension_table(context):
    return ["dimension", "score"], [[d["name"], _round(d["score"])] for d in context["dimensions"]]


def _indicator_table(context):
    return ["indicator", "name", "dimension", "value", "year", "unit"], [
        [i["code"], i["name"], i["dimension"], i["value"], i["year"], i["unit"]]
        for i in context["indicators"]
    ]


def _trend_table(context):
    return ["month", "reports", "reports_per_100k", "cases", "cases_per_100k"], [
        [t["month"], t["tips"], t["tip_rate"], t["cases"], t["case_rate"]] for t in context["trend"]
    ]


def _gap_table(context):
    row = context["row"]
    return ["place", "gap", "gap_rank", "reason"], [
        [row.code, _round(row.gap), row.gap_rank, reason] for reason in row.gap_reasons
    ]


def _decision_table(context):
    columns = ["kind", "description", "starts_on", "ends_on", "organisation"]
    columns += ["reports_before", "reports_during", "reports_after", "after_complete"]
    rows = []
    for item in context["decisions"]:
        d, windows = item["decision"], {w.label: w for w in item["windows"]}
        rows.append(
            [
                d.get_kind_display(),
                d.description,
                d.starts_on.isoformat(),
                d.ends_on.isoformat(),
                d.organisation.name,
                windows["before"].reports,
                windows["during"].reports,
                windows["after"].reports,
                "no" if windows["after"].partial else "yes",
            ]
        )
    return columns, rows


PLACE_TABLES = {
    "dimensions": _dimension_table,
    "indicators": _indicator_table,
    "trend": _trend_table,
    "gaps": _gap_table,
    "decisions": _decision_table,
}
