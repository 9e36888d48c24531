"""What the cases app publishes to the rest of Vigil: counts of cases, never a case.

Rows hold only shared codes and a count (no id, name, date of birth or text).
A case with several types of exploitation has one row per type, so counts by
type add up to more than the cases; `once` marks exactly one row of each case
(its first type in code order, or "unknown"), and summing only those rows
counts every case once, for tables that are not by type.

Age bands come from the child's estimated age. The date of birth is stored
encrypted, so the database cannot read it: a child with a date of birth but
no estimated age is counted in the "" (not known) band.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from django.db.models import (
    BooleanField,
    CharField,
    Count,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as Choose
from django.db.models.functions import Coalesce

from vigil.cases.models import Case, CaseExploitation
from vigil.regions.models import PlaceKind
from vigil.tips.aggregates import MonthStart

UNKNOWN_EXPLOITATION = "unknown"

# The tip form's age bands, so tips and cases are counted alike; "18+" for
# young people first met as children whose estimated age is now adult.
AGE_BANDS = ((0, 5, "0-5"), (6, 11, "6-11"), (12, 14, "12-14"), (15, 17, "15-17"))
ADULT_BAND = "18+"


@dataclass(frozen=True)
class CaseCount:
    """How many cases opened in one month for children in one place, by type, age band and sex."""

    measure: ClassVar[str] = "cases"

    region_code: str  # the first-level subdivision of the child's current place, or ""
    country_code: str
    month: date  # first day of the month the case was opened
    exploitation: str  # cases.models.Exploitation value, or "unknown"
    age_band: str  # "0-5", "6-11", "12-14", "15-17", "18+" or "" (not known)
    sex: str  # cases.models.Sex value
    once: bool
    count: int


def _region_code():
    place = "child__current_place"
    levels = [place, f"{place}__parent", f"{place}__parent__parent"]
    return Choose(
        *[
            When(**{f"{level}__kind": PlaceKind.SUBDIVISION, "then": f"{level}__code"})
            for level in levels
        ],
        default=Value(""),
        output_field=CharField(),
    )


def _age_band():
    age = "child__estimated_age"
    return Choose(
        *[
            When(**{f"{age}__gte": low, f"{age}__lte": high, "then": Value(band)})
            for low, high, band in AGE_BANDS
        ],
        When(**{f"{age}__gte": 18, "then": Value(ADULT_BAND)}),
        default=Value(""),
        output_field=CharField(),
    )


def case_counts(since: datetime | None = None, until: datetime | None = None) -> list[CaseCount]:
    """Cases opened in [since, until), grouped in the database; one row per case per type."""
    cases = Case.objects.order_by()
    if since is not None:
        cases = cases.filter(created_at__gte=since)
    if until is not None:
        cases = cases.filter(created_at__lt=until)
    first_type = (
        CaseExploitation.objects.filter(case=OuterRef("pk"))
        .order_by("exploitation")
        .values("exploitation")[:1]
    )
    rows = (
        cases.annotate(
            region=_region_code(),
            country=Coalesce("child__current_place__country_code", Value("")),
            month=MonthStart("created_at"),
            type=Coalesce("exploitations__exploitation", Value(UNKNOWN_EXPLOITATION)),
            band=_age_band(),
            once=Choose(
                When(exploitations__isnull=True, then=Value(True)),
                When(Q(exploitations__exploitation=Subquery(first_type)), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .values_list("region", "country", "month", "type", "band", "child__sex", "once")
        .annotate(count=Count("*"))
        .order_by()
    )
    return [CaseCount(*row) for row in rows]
