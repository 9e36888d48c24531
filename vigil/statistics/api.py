"""GET /api/v1/statistics: the public tables as JSON, hidden numbers as null."""

from django.conf import settings
from ninja import Query, Schema, Status

from vigil.api import PublicThrottle, api
from vigil.statistics import tables
from vigil.statistics.suppression import THRESHOLD
from vigil.statistics.views import tables_for

BREAKDOWNS = ("place", "exploitation", "age_band", "sex")


class StatisticsQuery(Schema):
    measure: str = "tips"
    by: str = "period"
    place: str = ""
    period: str = ""


class RowOut(Schema):
    code: str
    label: str
    counts: list[int | None]
    total: int | None


class StatisticsOut(Schema):
    measure: str
    by: list[str]
    place: str
    period: str
    threshold: int
    note: str
    columns: list[str]
    rows: list[RowOut]
    column_totals: list[int | None]
    total: int | None


class ErrorOut(Schema):
    detail: str


@api.get(
    "/statistics",
    response={200: StatisticsOut, 400: ErrorOut, 429: ErrorOut},
    throttle=PublicThrottle("statistics", limit=settings.VIGIL_RATE_LIMIT * 5),
    summary="Public statistics",
    tags=["statistics"],
)
def statistics(request, filters: Query[StatisticsQuery]):
    """Counts by place, period, type of exploitation, age band or sex, with small counts hidden.

    `by` is one breakdown (`period`, `place`, `exploitation`, `age_band`, `sex`) or a
    breakdown and `period` (`place,period`). A count under the threshold, or one that
    would let it be worked out from the totals, is null.
    """
    by = [part.strip() for part in filters.by.split(",") if part.strip()]
    measure = filters.measure
    if measure not in tables.measures_available():
        return Status(400, {"detail": "Unknown measure: " + ", ".join(tables.MEASURES)})
    two_way = len(by) == 2 and by[1] == "period" and by[0] in BREAKDOWNS
    if not (by == ["period"] or (len(by) == 1 and by[0] in BREAKDOWNS) or two_way):
        return Status(
            400,
            {
                "detail": "by is one of period, place, exploitation, age_band, sex, "
                "or one of the last four followed by ,period"
            },
        )
    place = filters.place.strip().upper()[:2]
    computed, year, shown = tables_for(measure, place, filters.period.strip()[:4])
    if two_way and year:
        return Status(400, {"detail": "A table by period cannot also be filtered to one year."})
    if by[0] == "period":
        table = computed.by_period
    else:
        table = next((t for t in shown if t.breakdown == by[0]), None)
        if table is None:
            return Status(400, {"detail": f"The {measure} figures have no breakdown by {by[0]}."})
    columns = table.columns if two_way else []
    return {
        "measure": measure,
        "by": by,
        "place": computed.place,
        "period": year,
        "threshold": THRESHOLD,
        "note": str(tables.NOTE),
        "columns": columns,
        "rows": [
            {
                "code": row["code"],
                "label": row["label"],
                "counts": row["cells"] if two_way else [],
                "total": row["total"],
            }
            for row in table.rows_with_cells
        ],
        "column_totals": table.col_totals if two_way else [],
        "total": table.total,
    }
