"""The public tables: each breakdown by year, protected together so they agree.

For a measure (tips received, cases opened, …) the tables are: the one-way
table by year; for each breakdown (place, type of exploitation, age band,
sex) the one-way table by that breakdown and the two-way table breakdown ×
year whose margins are those two one-way tables, hidden where they are
hidden. Filtering by a year shows that year's column of the two-way tables,
never a new computation, so no two published figures differ by a small
number that could be worked out by subtraction. Places are countries, or
the regions of one country, whose margins are that country's row of the
countries table.
"""

import hashlib
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from vigil.cases.aggregates import ADULT_BAND, UNKNOWN_EXPLOITATION
from vigil.cases.models import Exploitation, Sex
from vigil.regions.models import Place
from vigil.statistics import sources
from vigil.statistics.suppression import THRESHOLD, protect_list, protect_table
from vigil.tips.models import AgeBand

MEASURES = {"tips": _("Tips received"), "cases": _("Cases opened")}
BREAKDOWNS = {
    "place": _("Place"),
    "exploitation": _("Type of exploitation"),
    "age_band": _("Age"),
    "sex": _("Sex"),
}
NOT_KNOWN = _("Not known")
NOTE = _(
    "— : fewer than %(threshold)s people, or hidden so that a small number cannot be "
    "worked out from the totals."
) % {"threshold": THRESHOLD}

AGE_ORDER = ["0-5", "6-11", "12-14", "15-17", ADULT_BAND, "mixed", ""]
AGE_LABELS = {
    **{band.value: band.label for band in AgeBand if band.value},
    ADULT_BAND: _("18 or over"),
    "": NOT_KNOWN,
}
SEX_ORDER = ["female", "male", "mixed", "other", ""]
SEX_LABELS = {
    **{sex.value: sex.label for sex in Sex if sex.value},
    "mixed": _("Girls and boys (one report)"),
    "": NOT_KNOWN,
}
EXPLOITATION_LABELS = {
    **{e.value: e.label for e in Exploitation},
    UNKNOWN_EXPLOITATION: NOT_KNOWN,
}


@dataclass(frozen=True)
class Table:
    """A published table: rows by `breakdown`, columns by year; None where hidden."""

    breakdown: str  # "place", "exploitation", "age_band", "sex" or "period"
    title: str
    rows: list[tuple[str, str]]  # (code, label)
    columns: list[str]  # years
    cells: list[list[int | None]]
    row_totals: list[int | None]
    col_totals: list[int | None]
    total: int | None
    note: str = ""

    @property
    def rows_with_cells(self) -> list[dict]:
        return [
            {"code": code, "label": label, "cells": cells, "total": total}
            for (code, label), cells, total in zip(
                self.rows, self.cells, self.row_totals, strict=True
            )
        ]

    def only_year(self, year: str) -> "Table":
        """The column of one year (a slice of the protected table, nothing recomputed)."""
        if year not in self.columns:
            return replace(self, rows=[], columns=[], cells=[], row_totals=[], col_totals=[])
        at = self.columns.index(year)
        return replace(
            self,
            columns=[],
            cells=[[row[at]] for row in self.cells],
            row_totals=[row[at] for row in self.cells],
            col_totals=[self.col_totals[at]],
            total=self.col_totals[at],
        )


@dataclass(frozen=True)
class Statistics:
    measure: str
    place: str  # "" for every country, else the country whose regions are shown
    years: list[str]
    by_period: Table
    breakdowns: dict[str, Table]


def measures_available() -> list[str]:
    found = {fact.measure for fact in sources.facts()}
    return list(MEASURES) + sorted(found - set(MEASURES))


def measure_label(measure: str) -> str:
    return str(MEASURES.get(measure, measure))


def compute(measure: str, place: str = "") -> Statistics:
    """The protected tables of a measure (cached with the facts they come from)."""
    # Hashed: both come from the query string, and a cache key must be plain ASCII.
    asked = hashlib.sha256(f"{measure}\0{place}".encode()).hexdigest()
    key = f"statistics:tables:v1:{asked}"
    found = cache.get(key)
    if found is None:
        found = _compute(measure, place)
        cache.set(key, found, sources.cache_seconds())
    return found


def _counts(facts, dimension, years, once_only=True):
    """{category: [count per year]} over the facts."""
    at = {year: i for i, year in enumerate(years)}
    counts: dict[str, list[int]] = {}
    for fact in facts:
        if once_only and not fact.once:
            continue
        category = getattr(fact, dimension)
        counts.setdefault(category, [0] * len(years))[at[fact.year]] += fact.count
    return counts


def _two_way(breakdown, title, counts, order, labels, col_hidden, total_hidden, note=""):
    codes = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c))
    cells = [counts[code] for code in codes]
    if not cells or not cells[0]:
        empty = Table(breakdown, str(title), [], [], [], [], [], None, str(note))
        return None, empty
    margin, _total = protect_list([sum(row) for row in cells], fixed_total=total_hidden)
    protected = protect_table(
        cells,
        fixed_row_totals=[value is None for value in margin],
        fixed_col_totals=col_hidden,
        fixed_total=total_hidden,
    )
    return protected, Table(
        breakdown=breakdown,
        title=str(title),
        rows=[(code, str(labels.get(code, code))) for code in codes],
        columns=[],
        cells=protected.cells,
        row_totals=protected.row_totals,
        col_totals=protected.col_totals,
        total=protected.total,
        note=str(note),
    )


def _compute(measure: str, place: str) -> Statistics:
    facts = [fact for fact in sources.facts() if fact.measure == measure]
    years = sorted({fact.year for fact in facts})
    columns = [str(year) for year in years]
    per_year = [0] * len(years)
    for fact in facts:
        if fact.once:
            per_year[years.index(fact.year)] += fact.count
    year_values, total = protect_list(per_year) if per_year else ([], None)
    year_hidden = [value is None for value in year_values]
    total_hidden = total is None and bool(years)
    by_period = Table(
        breakdown="period",
        title=str(_("By year")),
        rows=[(column, column) for column in columns],
        columns=[],
        cells=[[value] for value in year_values],
        row_totals=year_values,
        col_totals=[total],
        total=total,
    )

    def finish(table: Table) -> Table:
        return replace(table, columns=columns)

    breakdowns: dict[str, Table] = {}
    countries = _counts(facts, "country_code", years)
    country_codes = [c for c in countries if c]
    names = dict(Place.objects.filter(code__in=country_codes).values_list("code", "name"))
    country_protected, country_table = _two_way(
        "place", _("By country"), countries, [], {**names, "": NOT_KNOWN}, year_hidden, total_hidden
    )
    if place and place in countries:
        at = [code for code, _label in country_table.rows].index(place)
        in_country = [fact for fact in facts if fact.country_code == place]
        regions = _counts(in_country, "region_code", years)
        region_names = dict(
            Place.objects.filter(code__in=[c for c in regions if c]).values_list("code", "name")
        )
        _protected, region_table = _two_way(
            "place",
            _("By region of %(country)s") % {"country": names.get(place, place)},
            regions,
            [],
            {**region_names, "": NOT_KNOWN},
            [value is None for value in country_protected.cells[at]],
            country_protected.row_totals[at] is None,
        )
        breakdowns["place"] = finish(region_table)
    else:
        breakdowns["place"] = finish(country_table)

    if any(fact.exploitation is not None for fact in facts):
        # Every type a record has is counted: the types add up to more than the records,
        # so this table has its own totals, protected on their own.
        types = _counts(facts, "exploitation", years, once_only=False)
        type_total = [sum(row[i] for row in types.values()) for i in range(len(years))]
        type_years, type_grand = protect_list(type_total)
        _protected, table = _two_way(
            "exploitation",
            _("By type of exploitation"),
            types,
            list(EXPLOITATION_LABELS),
            EXPLOITATION_LABELS,
            [value is None for value in type_years],
            type_grand is None and bool(years),
            note=_("A child exploited in several ways is counted under each type."),
        )
        breakdowns["exploitation"] = finish(table)
    for dimension, title, order, labels in (
        ("age_band", _("By age"), AGE_ORDER, AGE_LABELS),
        ("sex", _("By sex"), SEX_ORDER, SEX_LABELS),
    ):
        _protected, table = _two_way(
            dimension,
            title,
            _counts(facts, dimension, years),
            order,
            labels,
            year_hidden,
            total_hidden,
        )
        breakdowns[dimension] = finish(table)
    return Statistics(
        measure=measure, place=place, years=columns, by_period=by_period, breakdowns=breakdowns
    )
