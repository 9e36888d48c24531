"""The policy analyst's dashboard: map, ranked places, a place's page, CSV of every table."""

import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vigil.accounts.access import staff_required
from vigil.insights import access, actions, tables
from vigil.insights.charts import line_chart_svg
from vigil.insights.forms import DashboardForm, DecisionForm
from vigil.insights.overview import overview


def _settings(request):
    form = DashboardForm(request.GET or None, countries=tables.countries())
    return form, form.settings()


@require_GET
@staff_required
def dashboard(request):
    access.require_insights(request.user)
    form, chosen = _settings(request)
    data = overview(chosen["level"], chosen["year"], chosen["within"])
    values, unit = tables.measure_values(data, chosen["measure"])
    query = urlencode({k: v for k, v in chosen.items() if v not in ("", None)})
    context = {
        "form": form,
        "chosen": chosen,
        "overview": data,
        "rows": tables.ranked(data, values),
        "values": values,
        "unit": unit,
        "measure_label": dict(form.fields["measure"].choices).get(chosen["measure"], ""),
        "map": tables.draw_map(data, values, chosen, unit),
        "query": query,
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "insights/dashboard.html", context, status=status)


@require_GET
@staff_required
def dashboard_csv(request):
    access.require_insights(request.user)
    form, chosen = _settings(request)
    data = overview(chosen["level"], chosen["year"], chosen["within"])
    values, _unit = tables.measure_values(data, chosen["measure"])
    name = f"places-{chosen['level']}-{chosen['within'] or 'world'}-{chosen['year']}.csv"
    return _csv(name, tables.PLACE_COLUMNS, tables.place_rows(tables.ranked(data, values)))


@require_http_methods(["GET", "POST"])
@staff_required
def place(request, code):
    access.require_insights(request.user)
    found = tables.place_or_404(code)
    organisations = access.organisations_for_decisions(request.user)
    form = DecisionForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "organisation"}
        actions.record_decision(
            found, form.cleaned_data["organisation"], fields, actor=request.user
        )
        messages.success(request, _("The decision is recorded."))
        return redirect(reverse("insights:place", args=[found.code]) + "#decisions")
    year = _year(request)
    context = tables.place_context(found, year)
    trend = context["trend"]
    context.update(
        form=form,
        chart=line_chart_svg(
            [(row["month"], row["tips"]) for row in trend],
            title=_("Reports per month in %(place)s") % {"place": found.name},
            unit=_("reports"),
        )
        if context["tips_available"]
        else None,
        year=year,
        query=urlencode({"year": year}),
    )
    return render(
        request,
        "insights/place.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@require_GET
@staff_required
def place_csv(request, code, table):
    access.require_insights(request.user)
    found = tables.place_or_404(code)
    context = tables.place_context(found, _year(request))
    if table not in tables.PLACE_TABLES:
        raise Http404
    columns, rows = tables.PLACE_TABLES[table](context)
    return _csv(f"{found.code}-{table}.csv", columns, rows)


def _year(request) -> int:
    form = DashboardForm({"year": request.GET.get("year", "")})
    return form.settings()["year"]


def _csv(filename: str, columns: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return response


def _cell(value):
    """Empty for no data; text that a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
