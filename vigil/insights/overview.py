"""The dashboard's table: every place with its index, rates, hotspot and gap, cached.

One function joins the pieces (index, children, reports, cases, services,
neighbours) for a level ("country": the world; "subdivision": the regions of
one country) and a year, and keeps the result in the cache for five minutes:
the aggregates behind it change slowly and a page must stay fast on a small
machine with a million tips.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.core.cache import cache
from django.utils import timezone

from vigil.insights import observed
from vigil.insights.gaps import PlaceFacts, rank_gaps
from vigil.insights.hotspots import hotspots
from vigil.insights.smoothing import smooth_rates

CACHE_SECONDS = observed.CACHE_SECONDS
LEVELS = ("country", "subdivision")
OBSERVED_MONTHS = 12


@dataclass
class PlaceRow:
    code: str
    name: str
    index: float | None = None
    index_rank: int | None = None
    coverage: float | None = None
    dimensions: dict = field(default_factory=dict)
    children: float | None = None
    tips: int | None = None
    tip_rate: float | None = None
    tip_rate_smoothed: float | None = None
    cases: int | None = None
    case_rate: float | None = None
    case_rate_smoothed: float | None = None
    services: int | None = None
    shelters: int | None = None
    hotspot_z: float | None = None
    hotspot_p: float | None = None
    hotspot: str = ""
    gap: float | None = None
    gap_rank: int | None = None
    gap_reasons: list = field(default_factory=list)


@dataclass
class Overview:
    level: str
    within: str
    year: int
    months: list[str]
    rows: list[PlaceRow]
    tips_available: bool
    cases_available: bool
    index_available: bool

    def row(self, code: str) -> PlaceRow | None:
        return next((r for r in self.rows if r.code == code), None)


def places_at(level: str, within: str = ""):
    from vigil.regions.models import Place, PlaceKind

    if level == "country":
        return list(Place.objects.filter(kind=PlaceKind.COUNTRY).order_by("name"))
    return list(
        Place.objects.filter(kind=PlaceKind.SUBDIVISION, country_code=within).order_by("name")
    )


def index_scores(level: str, year: int, within: str = "") -> dict[str, object] | None:
    """PlaceScore per place code from the vulnerability index; None if it is not built yet."""
    try:
        from vigil.vulnerability.index import compute
    except ImportError:
        return None
    try:
        scores = compute(level=level, year=year)
    except ValueError:
        # The index refuses to run (e.g. an admin set every weight to 0): no index, no crash.
        return None
    result = {}
    for score in scores:
        code = score.place_code
        if level == "subdivision" and within and not str(code).startswith(f"{within}-"):
            continue
        result[code] = score
    return result


def overview(level: str, year: int, within: str = "", today: datetime.date | None = None):
    """The cached table for a level, country (for regions) and year."""
    today = today or timezone.localdate()
    key = f"insights:overview:v1:{level}:{within}:{year}:{today:%Y-%m}"
    found = cache.get(key)
    if found is None:
        found = compute_overview(level, year, within, today)
        cache.set(key, found, CACHE_SECONDS)
    return found


def compute_overview(level: str, year: int, within: str, today: datetime.date) -> Overview:
    places = places_at(level, within)
    codes = [p.code for p in places]
    months = observed.months_back(today, OBSERVED_MONTHS)
    window = set(months)
    children = observed.children_by_place(codes, year, level)
    tips = observed.totals(observed.recent("tips", level, today), window)
    cases = observed.totals(observed.recent("cases", level, today), window)
    services = observed.service_counts(places)
    scores = index_scores(level, year, within)
    tip_rates = (
        smooth_rates({c: (tips or {}).get(c, 0) for c in codes}, children)
        if tips is not None
        else {}
    )
    case_rates = (
        smooth_rates({c: (cases or {}).get(c, 0) for c in codes}, children)
        if cases is not None
        else {}
    )
    hot = hotspots(
        {c: r.smoothed_rate for c, r in tip_rates.items()}, observed.neighbours_of(places)
    )
    facts = [
        PlaceFacts(
            p.code,
            index=getattr((scores or {}).get(p.code), "index", None),
            report_rate=tip_rates[p.code].smoothed_rate if p.code in tip_rates else None,
            case_rate=case_rates[p.code].smoothed_rate if p.code in case_rates else None,
            services=services[p.code]["total"],
            shelters=services[p.code]["shelter"],
            children=children.get(p.code),
        )
        for p in places
    ]
    gaps = {g.place: g for g in rank_gaps(facts)}
    rows = []
    for p in places:
        score = (scores or {}).get(p.code)
        tip = tip_rates.get(p.code)
        case = case_rates.get(p.code)
        spot = hot.get(p.code)
        gap = gaps[p.code]
        rows.append(
            PlaceRow(
                code=p.code,
                name=p.name,
                index=getattr(score, "index", None),
                index_rank=getattr(score, "rank", None),
                coverage=getattr(score, "coverage", None),
                dimensions=dict(getattr(score, "dimensions", {}) or {}),
                children=children.get(p.code),
                tips=tip.count if tip else None,
                tip_rate=tip.raw_rate if tip else None,
                tip_rate_smoothed=tip.smoothed_rate if tip else None,
                cases=case.count if case else None,
                case_rate=case.raw_rate if case else None,
                case_rate_smoothed=case.smoothed_rate if case else None,
                services=services[p.code]["total"],
                shelters=services[p.code]["shelter"],
                hotspot_z=spot.z if spot else None,
                hotspot_p=spot.p if spot else None,
                hotspot=spot.kind if spot else "",
                gap=gap.score,
                gap_rank=gap.rank,
                gap_reasons=gap.reasons,
            )
        )
    return Overview(
        level=level,
        within=within,
        year=year,
        months=months,
        rows=rows,
        tips_available=tips is not None,
        cases_available=cases is not None,
        index_available=scores is not None,
    )


def as_dict(row: PlaceRow) -> dict:
    return asdict(row)
