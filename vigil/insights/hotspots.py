"""Hotspots: the Getis-Ord Gi* statistic over neighbouring places, with significance.

Gi* (Getis and Ord 1992; Ord and Getis 1995, "Local spatial autocorrelation
statistics", Geographical Analysis 27:286-306) asks, for each place i, whether
the place together with its neighbours has a higher (or lower) value than the
map as a whole would give by chance. With binary contiguity weights that
include the place itself (w_ij = 1 if j = i or j borders i, else 0), n places,
values x_j, mean X̄ and S = sqrt(Σ x_j² / n − X̄²):

    W_i  = Σ_j w_ij  (the place and its neighbours)
    Gi*  = (Σ_j w_ij x_j − X̄ W_i) / (S · sqrt((n W_i − W_i²) / (n − 1)))

Gi* is a z-score: under the null hypothesis of no spatial clustering it is
approximately standard normal, so the two-sided p-value is 2 (1 − Φ(|z|)),
with Φ(z) = (1 + erf(z / √2)) / 2. A place is a hotspot when z > 0 and p is
below the significance level (0.05 by default), a coldspot when z < 0.

Undefined cases return z = None: a map of equal values (S = 0) has no
hotspots; a place whose neighbourhood is the whole map (W_i = n) cannot be
compared with anything.

Multiple testing: one test per place means that on a map of 200 places about
10 come out "significant" at 0.05 by chance alone. `correction` offers
"bonferroni" (a place is significant when p < α / n; strict, controls the
chance of any false hotspot) and "fdr" (Benjamini–Hochberg: sort the p-values,
find the largest k with p_(k) ≤ k α / n, and call the k smallest significant;
controls the expected share of false hotspots). The statistics of neighbouring
places share values, so they are positively correlated; Benjamini–Hochberg
remains valid under such positive dependence, Bonferroni always.
"""

import math
from dataclasses import dataclass

CORRECTIONS = ("none", "bonferroni", "fdr")


@dataclass(frozen=True)
class Hotspot:
    place: str
    z: float | None
    p: float | None
    significant: bool

    @property
    def kind(self) -> str:
        """ "hot", "cold" or "" (not significant)."""
        if not self.significant or self.z is None:
            return ""
        return "hot" if self.z > 0 else "cold"


def normal_cdf(z: float) -> float:
    return (1 + math.erf(z / math.sqrt(2))) / 2


def two_sided_p(z: float) -> float:
    return min(1.0, 2 * (1 - normal_cdf(abs(z))))


def gi_star(values: dict[str, float], neighbours: dict[str, set[str]]) -> dict[str, float | None]:
    """The Gi* z-score of every place in `values`; neighbours outside `values` are ignored.

    Places with no value (None) are left out of the map before computing.
    """
    x = {place: float(value) for place, value in values.items() if value is not None}
    n = len(x)
    if n < 2:
        return dict.fromkeys(x)
    mean = sum(x.values()) / n
    spread = math.sqrt(max(0.0, sum(v * v for v in x.values()) / n - mean * mean))
    result = {}
    for place in x:
        around = {place} | {j for j in neighbours.get(place, ()) if j in x}
        weight = len(around)
        denominator = spread * math.sqrt((n * weight - weight * weight) / (n - 1))
        if spread < 1e-12 * max(1.0, abs(mean)) or denominator == 0:
            result[place] = None
            continue
        result[place] = (sum(x[j] for j in around) - mean * weight) / denominator
    return result


def significant_places(p_values: dict[str, float], alpha: float, correction: str) -> set[str]:
    """The places whose p-value passes `alpha` after the chosen correction."""
    if correction not in CORRECTIONS:
        raise ValueError(f"correction must be one of {CORRECTIONS}")
    m = len(p_values)
    if m == 0:
        return set()
    if correction == "none":
        return {place for place, p in p_values.items() if p < alpha}
    if correction == "bonferroni":
        return {place for place, p in p_values.items() if p < alpha / m}
    ordered = sorted(p_values.items(), key=lambda item: item[1])
    cutoff = 0
    for k, (_, p) in enumerate(ordered, start=1):
        if p <= k * alpha / m:
            cutoff = k
    return {place for place, _ in ordered[:cutoff]}


def hotspots(
    values: dict[str, float | None],
    neighbours: dict[str, set[str]],
    alpha: float = 0.05,
    correction: str = "none",
) -> dict[str, Hotspot]:
    """Gi* z, p and significance for every place; places without a value get z = p = None."""
    z_scores = gi_star(values, neighbours)
    p_values = {place: two_sided_p(z) for place, z in z_scores.items() if z is not None}
    passing = significant_places(p_values, alpha, correction)
    return {
        place: Hotspot(place, z_scores.get(place), p_values.get(place), place in passing)
        for place in values
    }


def symmetric(neighbours: dict[str, set[str]]) -> dict[str, set[str]]:
    """Contiguity is mutual: if a borders b, b borders a; a place is not its own neighbour."""
    result: dict[str, set[str]] = {place: set() for place in neighbours}
    for place, around in neighbours.items():
        for other in around:
            if other == place:
                continue
            result[place].add(other)
            result.setdefault(other, set()).add(place)
    return result


def neighbours_from_rings(
    rings: dict[str, list[list[tuple[float, float]]]], precision: int = 4
) -> dict[str, set[str]]:
    """Places that share at least one boundary vertex (rounded to `precision` decimals).

    `rings` maps a place to its outlines (lists of (lon, lat) points). Adjacent
    areas cut from one source (Natural Earth, a national statistics office) share
    the vertices of their common border, so a shared vertex means touching
    ("queen" contiguity). One pass over the vertices: fast for a whole world map.
    """
    owners: dict[tuple[float, float], set[str]] = {}
    for place, outlines in rings.items():
        for ring in outlines:
            for lon, lat in ring:
                key = (round(float(lon), precision), round(float(lat), precision))
                owners.setdefault(key, set()).add(place)
    result: dict[str, set[str]] = {place: set() for place in rings}
    for places in owners.values():
        if len(places) > 1:
            for place in places:
                result[place] |= places - {place}
    return result


def neighbours_from_boxes(
    boxes: dict[str, tuple[float, float, float, float]], tolerance: float = 0.0
) -> dict[str, set[str]]:
    """Places whose bounding boxes (min lon, min lat, max lon, max lat) touch or overlap.

    A first cut when no outlines are stored: it finds every true neighbour and
    some false ones (boxes overlap more often than areas do).
    """
    items = list(boxes.items())
    result: dict[str, set[str]] = {place: set() for place in boxes}
    for i, (a, (ax0, ay0, ax1, ay1)) in enumerate(items):
        for b, (bx0, by0, bx1, by1) in items[i + 1 :]:
            if (
                ax0 <= bx1 + tolerance
                and bx0 <= ax1 + tolerance
                and ay0 <= by1 + tolerance
                and by0 <= ay1 + tolerance
            ):
                result[a].add(b)
                result[b].add(a)
    return result
