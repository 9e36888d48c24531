"""Gaps: places more vulnerable than their reports, cases and services suggest.

Each place gets two positions between 0 (lowest) and 1 (highest) among the
places being compared, by mid-rank percentile (ties share the mean position):

    vulnerability  v = position of its vulnerability index
    observed       o = mean of the positions of its smoothed reports per 100,000
                       children, smoothed cases per 100,000 children and
                       services (per 100,000 children when the population is
                       known, else the plain count); unknown ones are left out
    gap            = v − o       ("expected minus observed", from −1 to 1)

A high gap marks a place that is among the most vulnerable but among the
least reported, least handled or least served: likely under-reporting or a
missing service, the first places to look at for an awareness campaign,
training or a new service. The gap is a pointer for people to check, never a
measure of harm: few reports may also mean little exploitation.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

TOP_QUARTER = 0.75
BOTTOM_QUARTER = 0.25


@dataclass(frozen=True)
class PlaceFacts:
    place: str
    index: float | None = None
    report_rate: float | None = None  # smoothed, per 100,000 children
    case_rate: float | None = None  # smoothed, per 100,000 children
    services: int | None = None  # active services serving the place
    shelters: int | None = None  # of which shelter services
    children: float | None = None


@dataclass
class Gap:
    place: str
    score: float | None
    rank: int | None = None
    vulnerability: float | None = None  # position 0..1
    observed: float | None = None  # position 0..1
    reasons: list[str] = field(default_factory=list)


def positions(values: dict[str, float | None]) -> dict[str, float]:
    """Mid-rank percentile (0 = lowest, 1 = highest) of every place with a value."""
    known = {place: value for place, value in values.items() if value is not None}
    n = len(known)
    if n == 0:
        return {}
    if n == 1:
        return dict.fromkeys(known, 0.5)
    ordered = sorted(known.values())
    result = {}
    for place, value in known.items():
        below = _count_below(ordered, value)
        equal = _count_below(ordered, value, inclusive=True) - below
        result[place] = (below + (equal - 1) / 2) / (n - 1)
    return result


def _count_below(ordered: list[float], value: float, inclusive: bool = False) -> int:
    return (bisect_right if inclusive else bisect_left)(ordered, value)


def rank_gaps(facts: list[PlaceFacts]) -> list[Gap]:
    """Every place with its gap and reasons, largest gap first; places without an index last."""
    by_place = {f.place: f for f in facts}
    vulnerability = positions({f.place: f.index for f in facts})
    reports = positions({f.place: f.report_rate for f in facts})
    cases = positions({f.place: f.case_rate for f in facts})
    service_density = {
        f.place: (
            None
            if f.services is None
            else f.services / f.children * 100_000
            if f.children
            else float(f.services)
        )
        for f in facts
    }
    services = positions(service_density)
    gaps = []
    for place, f in by_place.items():
        observed_parts = [p[place] for p in (reports, cases, services) if place in p]
        observed = sum(observed_parts) / len(observed_parts) if observed_parts else None
        v = vulnerability.get(place)
        score = v - observed if v is not None and observed is not None else None
        reasons = _reasons(f, v, reports.get(place), cases.get(place), services.get(place))
        gaps.append(Gap(place, score, None, v, observed, reasons))
    gaps.sort(key=lambda g: (g.score is None, -(g.score or 0), g.place))
    for number, gap in enumerate((g for g in gaps if g.score is not None), start=1):
        gap.rank = number
    return gaps


def _reasons(f: PlaceFacts, v, report_pos, case_pos, service_pos) -> list[str]:
    reasons = []
    if v is None:
        reasons.append(_("no vulnerability index (no indicator data)"))
    elif v >= TOP_QUARTER:
        reasons.append(_("index in the top quarter"))
    elif v >= 0.5:
        reasons.append(_("index above the median"))
    else:
        reasons.append(_("index in the lower half"))
    for position, value, low, unknown in (
        (
            report_pos,
            f.report_rate,
            _("reports per 100,000 children in the bottom quarter"),
            _("reports per 100,000 children not known (no child population figure)"),
        ),
        (
            case_pos,
            f.case_rate,
            _("cases per 100,000 children in the bottom quarter"),
            _("cases per 100,000 children not known (no child population figure)"),
        ),
    ):
        if value is None:
            reasons.append(unknown)
        elif position is not None and position <= BOTTOM_QUARTER:
            reasons.append(low)
    if f.services == 0:
        reasons.append(_("no service listed"))
    elif service_pos is not None and service_pos <= BOTTOM_QUARTER:
        reasons.append(_("services per 100,000 children in the bottom quarter"))
    if f.shelters == 0:
        reasons.append(_("no shelter service listed"))
    return reasons
