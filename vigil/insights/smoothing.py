"""Empirical Bayes smoothing of rates per 100,000 children (Marshall's global method).

A region with 300 children and one report has a raw rate of 333 per 100,000;
one more report would make it 667. Such rates say more about chance than about
the region, and ranking them puts the smallest places at both ends. Marshall's
global empirical Bayes estimator (Marshall 1991, "Mapping disease and mortality
rates using empirical Bayes estimators", Applied Statistics 40:283-294) pulls
each rate toward the overall rate, the more so the smaller the population.

For places i = 1..k with count y_i and population n_i > 0 (raw rate r_i = y_i/n_i):

    m   = Σ y_i / Σ n_i                       the overall rate (prior mean)
    n̄   = Σ n_i / k                           the mean population
    s²  = Σ n_i (r_i − m)² / Σ n_i            population-weighted variance of the rates
    A   = max(0, s² − m / n̄)                  prior variance (method of moments)
    C_i = A / (A + m / n_i)                    the weight the place's own rate gets
    θ_i = m + C_i (r_i − m)                    the smoothed rate

The rates are reported per 100,000 (θ_i × 100,000). When the rates vary no more
than Poisson chance alone would make them (A = 0) every place gets the overall
rate; when all rates are equal, every rate stays as it is. A large place has
C_i near 1 and keeps its own rate. A place with no population figure (None or
zero) gets None for both rates: unknown, never zero, and it does not enter m.
"""

from dataclasses import dataclass

PER = 100_000


@dataclass(frozen=True)
class SmoothedRate:
    place: str
    count: int
    population: float | None
    raw_rate: float | None  # per 100,000
    smoothed_rate: float | None  # per 100,000
    weight: float | None  # C_i: 1 = own rate kept, 0 = overall rate used


def smooth_rates(
    counts: dict[str, int], populations: dict[str, float | None]
) -> dict[str, SmoothedRate]:
    """Smoothed and raw rates per 100,000 for every place in `counts` or `populations`.

    A place missing from `counts` has count 0; a place without a positive
    population gets None rates.
    """
    places = set(counts) | set(populations)
    known = {
        place: (int(counts.get(place, 0) or 0), float(populations[place]))
        for place in places
        if populations.get(place) is not None and populations[place] > 0
    }
    result = {
        place: SmoothedRate(
            place, int(counts.get(place, 0) or 0), populations.get(place), *[None] * 3
        )
        for place in places
        if place not in known
    }
    if not known:
        return result
    total_count = sum(y for y, _ in known.values())
    total_population = sum(n for _, n in known.values())
    mean = total_count / total_population
    mean_population = total_population / len(known)
    variance = sum(n * (y / n - mean) ** 2 for y, n in known.values()) / total_population
    prior_variance = max(0.0, variance - mean / mean_population)
    for place, (y, n) in known.items():
        raw = y / n
        # No events anywhere: every rate is 0 and stays 0.
        weight = 1.0 if mean == 0 else prior_variance / (prior_variance + mean / n)
        smoothed = mean + weight * (raw - mean)
        result[place] = SmoothedRate(place, y, n, raw * PER, smoothed * PER, weight)
    return result


def children(population_total: float | None, share_0_14: float | None) -> float | None:
    """Children aged 0-14 from the total population and their share in percent; None if unknown."""
    if population_total is None or share_0_14 is None:
        return None
    return population_total * share_0_14 / 100
