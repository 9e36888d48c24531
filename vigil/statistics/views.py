"""The public statistics page and its CSV files: no sign-in, aggregate figures only."""

import csv

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vigil.core import privacy
from vigil.statistics import tables
from vigil.statistics.suppression import THRESHOLD

HIDDEN = "—"


def _limit() -> int:
    # Reading statistics is cheap once cached; a page view is several tables.
    return settings.VIGIL_RATE_LIMIT * 5


def _too_many(request):
    return render(request, "statistics/too_many.html", status=429)


def selection(params) -> tuple[str, str, str]:
    """(measure, place, year) from GET, each falling back to its default if not offered."""
    measures = tables.measures_available()
    measure = params.get("measure", "")
    if measure not in measures:
        measure = measures[0] if measures else "tips"
    place = params.get("place", "").strip().upper()[:2]
    year = params.get("period", "").strip()[:4]
    return measure, place, year


def tables_for(measure: str, place: str, year: str):
    computed = tables.compute(measure, place)
    if year not in computed.years:
        year = ""
    shown = [computed.by_period] + list(computed.breakdowns.values())
    if year:
        shown = [computed.by_period] + [t.only_year(year) for t in computed.breakdowns.values()]
    return computed, year, shown


@require_GET
def public(request):
    if not privacy.allow(request, "statistics", limit=_limit()):
        return _too_many(request)
    measure, place, year = selection(request.GET)
    computed, year, shown = tables_for(measure, place, year)
    country_rows = tables.compute(measure).breakdowns["place"].rows
    return render(
        request,
        "statistics/public.html",
        {
            "measure": measure,
            "measures": [(m, tables.measure_label(m)) for m in tables.measures_available()],
            "measure_label": tables.measure_label(measure),
            "place": computed.place if place in {c for c, _label in country_rows} else "",
            "countries": [(code, label) for code, label in country_rows if code],
            "year": year,
            "years": computed.years,
            "tables": shown,
            "note": tables.NOTE,
            "threshold": THRESHOLD,
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def table_csv(request, breakdown: str):
    if not privacy.allow(request, "statistics", limit=_limit()):
        return _too_many(request)
    measure, place, year = selection(request.GET)
    _computed, year, shown = tables_for(measure, place, year)
    table = next((t for t in shown if t.breakdown == breakdown), None)
    if table is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"vigil-{measure}-{breakdown}{'-' + year if year else ''}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(response, table)
    return response


def _shown(value) -> str:
    return HIDDEN if value is None else str(value)


def write_csv(out, table: tables.Table) -> None:
    writer = csv.writer(out)
    if table.columns:
        writer.writerow([_("code"), table.title, *table.columns, _("Total")])
        for (code, label), cells, total in zip(
            table.rows, table.cells, table.row_totals, strict=True
        ):
            writer.writerow([code, label, *map(_shown, cells), _shown(total)])
        writer.writerow(["", _("Total"), *map(_shown, table.col_totals), _shown(table.total)])
    else:
        writer.writerow([_("code"), table.title, _("Count")])
        for (code, label), total in zip(table.rows, table.row_totals, strict=True):
            writer.writerow([code, label, _shown(total)])
        writer.writerow(["", _("Total"), _shown(table.total)])
    writer.writerow([])
    writer.writerow([str(tables.NOTE)])
