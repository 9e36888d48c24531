"""The imported records, counted: the figures the statistics and maps read.

`imported_counts` is the only way other apps see imported data. Rows hold no ids and
no text: (source kind, country of exploitation, citizenship, year, age band, sex,
exploitation type, count). A record with two types of exploitation is counted in
both types' rows; a record with none known has exploitation "" (so summing over
types counts some people twice: sum records with `by` without "exploitation" instead).
Blank country, year, age band or sex means "not known", never zero.

For vigil.statistics (list them in VIGIL_STATISTICS_SOURCES), the same records are
published twice, once placed by country of exploitation and once by citizenship, as two
measures: `victims_by_country_of_exploitation` and `victims_by_citizenship`.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from django.db.models import Count, OuterRef, Subquery

from vigil.exchange.models import ImportedExploitation, ImportedVictimRecord

DIMENSIONS = (
    "kind",
    "country_of_exploitation",
    "citizenship",
    "year",
    "age_band",
    "sex",
    "exploitation",
)
DEFAULT_BY = DIMENSIONS[1:]
_COLUMN = {"exploitation": "exploitations__exploitation"}


def imported_counts(
    by=DEFAULT_BY, *, kind: str | None = None, source: str | None = None, year=None
) -> list[dict]:
    """Counts of imported victim records grouped by `by` (a subset of DIMENSIONS)."""
    unknown = [name for name in by if name not in DIMENSIONS]
    if unknown:
        raise ValueError(f"Unknown dimensions: {', '.join(unknown)}")
    records = ImportedVictimRecord.objects.all()
    if kind:
        records = records.filter(kind=kind)
    if source:
        records = records.filter(source=source)
    if year is not None:
        records = records.filter(year=year)
    columns = [_COLUMN.get(name, name) for name in by]
    # Counting distinct records: joined exploitation rows must not inflate other groupings.
    rows = records.values(*columns).annotate(count=Count("id", distinct=True)).order_by(*columns)
    return [
        {
            **{
                name: ("" if row[column] is None and name != "year" else row[column])
                for name, column in zip(by, columns, strict=True)
            },
            "count": row["count"],
        }
        for row in rows
    ]


# Sources for vigil.statistics (VIGIL_STATISTICS_SOURCES) -------------------------------

# HTCDS types → the exploitation codes tips and cases publish (cases.models.Exploitation).
EXPLOITATION_CODE = {
    "ForcedLabour": "labour",
    "ChildLabour": "labour",
    "SexualExploitation": "sexual",
    "Servitude": "domestic",
    "ForcedMarriage": "marriage",
    "ForcedBegging": "begging",
    "ForcedMilitaryByNonStateActors": "military",
    "OrganRemoval": "organs",
    "ForcedAdoption": "other",
    "Surrogacy": "other",
    "Other": "other",
}
UNKNOWN_EXPLOITATION = "unknown"
# CTDC's adult bands are all "18+" in the tips' and cases' bands; its child bands (0-8,
# 9-17) straddle theirs (0-5, 6-11, 12-14, 15-17), so they are published as they are.
ADULT_BANDS = frozenset({"18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"})


@dataclass(frozen=True)
class VictimsByCountryOfExploitation:
    """Imported identified victims exploited in a country, in one year, by type, age and sex."""

    measure: ClassVar[str] = "identified_victims_exploited_in"

    country_code: str  # country of exploitation, "" not known
    month: date  # 1 January of the year of registration
    exploitation: str
    age_band: str
    sex: str
    once: bool
    count: int


@dataclass(frozen=True)
class VictimsByCitizenship(VictimsByCountryOfExploitation):
    """Imported identified victims who are citizens of a country, by year, type, age, sex."""

    measure: ClassVar[str] = "identified_victims_citizens_of"


def _source_rows(country_field: str, row_class) -> list:
    """Counts grouped in the database; records without a year are left out (no month)."""
    records = ImportedVictimRecord.objects.filter(year__isnull=False)
    keys = [country_field, "year", "age_band", "sex"]
    first_type = Subquery(
        ImportedExploitation.objects.filter(record=OuterRef("pk"))
        .order_by("exploitation")
        .values("exploitation")[:1]
    )
    once = (
        records.annotate(first=first_type).values(*keys, "first").annotate(n=Count("id")).order_by()
    )
    every = records.values(*keys, "exploitations__exploitation").annotate(n=Count("id")).order_by()
    firsts = {(*(row[k] for k in keys), row["first"]): row["n"] for row in once}
    totals: dict[tuple, int] = {}
    for key, n in firsts.items():
        code = EXPLOITATION_CODE.get(key[-1], UNKNOWN_EXPLOITATION)
        totals[(*key[:-1], code, True)] = totals.get((*key[:-1], code, True), 0) + n
    for row in every:
        key = (*(row[k] for k in keys), row["exploitations__exploitation"])
        extra = row["n"] - firsts.get(key, 0)
        if extra > 0:
            code = EXPLOITATION_CODE.get(key[-1], UNKNOWN_EXPLOITATION)
            totals[(*key[:-1], code, False)] = totals.get((*key[:-1], code, False), 0) + extra
    return [
        row_class(
            country_code=country,
            month=date(year, 1, 1),
            exploitation=code,
            age_band="18+" if band in ADULT_BANDS else band,
            sex=sex,
            once=is_once,
            count=n,
        )
        for (country, year, band, sex, code, is_once), n in sorted(totals.items())
    ]


def victims_by_country_of_exploitation() -> list[VictimsByCountryOfExploitation]:
    return _source_rows("country_of_exploitation", VictimsByCountryOfExploitation)


def victims_by_citizenship() -> list[VictimsByCitizenship]:
    return _source_rows("citizenship", VictimsByCitizenship)
