"""The published aggregates the statistics are made of, and nothing else.

Each source is a plain function of another app (dotted path in the setting
VIGIL_STATISTICS_SOURCES) returning rows of counts: `count`, a class-level
`measure` ("tips", "cases", …) and any of `country_code`, `region_code`,
`month`, `exploitation`, `age_band`, `sex`, `once`. A source without
`exploitation` has no table by type. No source row names a person.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

DEFAULT_SOURCES = ["vigil.tips.aggregates.tip_counts", "vigil.cases.aggregates.case_counts"]
CACHE_KEY = "statistics:facts:v1"


@dataclass(frozen=True)
class Fact:
    """One published count, by year: the unit every statistics table adds up."""

    measure: str
    country_code: str
    region_code: str
    year: int
    exploitation: str | None  # None: the source does not record a type
    age_band: str
    sex: str
    once: bool  # False on the extra rows of a record counted under several types
    count: int


def source_paths() -> list[str]:
    return list(getattr(settings, "VIGIL_STATISTICS_SOURCES", DEFAULT_SOURCES))


def cache_seconds() -> int:
    return int(getattr(settings, "VIGIL_STATISTICS_CACHE_SECONDS", 600))


def collect() -> list[Fact]:
    """Every source's rows, summed by year (already aggregated rows: a few thousand)."""
    totals: dict[tuple, int] = {}
    for path in source_paths():
        for row in import_string(path)():
            key = (
                row.measure,
                getattr(row, "country_code", "") or "",
                getattr(row, "region_code", "") or "",
                row.month.year,
                getattr(row, "exploitation", None),
                getattr(row, "age_band", "") or "",
                getattr(row, "sex", "") or "",
                bool(getattr(row, "once", True)),
            )
            totals[key] = totals.get(key, 0) + int(row.count)
    return [Fact(*key, count) for key, count in totals.items() if count]


def facts() -> list[Fact]:
    """`collect()`, kept in the cache for a few minutes: statistics need not be live."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = collect()
        cache.set(CACHE_KEY, found, cache_seconds())
    return found
