"""`vigil refresh_aggregates`: stored counts, so no page counts tips or cases itself."""

import io
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vigil.statistics.models import Snapshot
from vigil.tips.models import Tip
from vigil.tips.tests.factories import TipFactory

# The raw rows the aggregates count (quoted, so "cases_casegrant" of the menu is not one).
RAW_TABLES = ('"tips_tip"', '"cases_case"', '"cases_caseexploitation"', '"cases_child"')


def refresh() -> str:
    out = io.StringIO()
    call_command("refresh_aggregates", stdout=out)
    return out.getvalue()


def raw_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if any(table in q["sql"] for table in RAW_TABLES)]


@pytest.fixture
def tips_2024(hotline):
    made = [TipFactory(hotline=hotline, region_code="XV-NO") for _ in range(30)]
    Tip.objects.filter(pk__in=[t.pk for t in made]).update(
        created_at=datetime(2024, 6, 1, tzinfo=UTC)
    )


def test_the_command_stores_one_snapshot_per_source(tips_2024):
    output = refresh()

    tips = Snapshot.objects.get(source="vigil.tips.aggregates.tip_counts")
    assert Snapshot.objects.filter(source="vigil.cases.aggregates.case_counts").exists()
    assert "vigil.tips.aggregates.tip_counts: 1 rows" in output
    fields = tips.payload["fields"]
    (row,) = tips.payload["rows"]
    stored = dict(zip(fields, row, strict=True))
    assert stored["region_code"] == "XV-NO" and stored["month"] == "2024-06-01"
    assert stored["count"] == 30 and stored["measure"] == "tips"
    # Only codes, a month and a count: nothing of a tip.
    assert set(fields) <= {
        "region_code", "country_code", "month", "age_band", "gender", "sex",
        "exploitation", "once", "count", "measure",
    }  # fmt: skip


def test_a_second_run_replaces_the_snapshot(tips_2024):
    refresh()
    first = Snapshot.objects.get(source="vigil.tips.aggregates.tip_counts")
    refresh()

    latest = Snapshot.objects.get(source="vigil.tips.aggregates.tip_counts")
    assert latest.pk != first.pk and latest.computed_at >= first.computed_at


def test_an_unknown_source_is_a_clear_error(db):
    with pytest.raises(CommandError):
        call_command("refresh_aggregates", "--source", "vigil.nothing.counts", stdout=io.StringIO())
    assert not Snapshot.objects.exists()


def test_the_statistics_read_the_snapshot_not_the_tips(client, hotline, tips_2024):
    refresh()
    # Tips after the snapshot show only after the next refresh.
    TipFactory.create_batch(5, hotline=hotline, region_code="XV-NO")

    with CaptureQueriesContext(connection) as queries:
        page = client.get("/statistics/", {"place": "XV"})
        api = client.get("/api/v1/statistics", {"by": "place,period", "place": "XV"})
        csv = client.get("/statistics/place.csv", {"place": "XV"})

    assert page.status_code == api.status_code == csv.status_code == 200
    assert raw_queries(queries.captured_queries) == []
    assert api.json()["total"] == 30
    refresh()
    cache.clear()
    assert client.get("/api/v1/statistics", {"by": "period"}).json()["total"] == 35


def test_a_fresh_install_without_a_snapshot_counts_live(client, tips_2024):
    assert not Snapshot.objects.exists()

    api = client.get("/api/v1/statistics", {"by": "period"})
    assert api.status_code == 200 and api.json()["total"] == 30


def test_each_view_is_stored_and_equals_the_projection_of_the_live_rows(hotline, tips_2024):
    from vigil.statistics import sources

    TipFactory(hotline=hotline, region_code="XV-CO")  # this month
    path = "vigil.tips.aggregates.tip_counts"

    def read(view):
        fields = (*sources.VIEWS[view], "count")
        return sorted(
            tuple(getattr(r, f) for f in fields) for r in sources.published(path, view=view)
        )

    live = {view: sources.published(path, view=view) for view in sources.VIEWS}
    expected = {view: read(view) for view in sources.VIEWS}
    refresh()
    sources._parsed.clear()
    for view in sources.VIEWS:
        assert Snapshot.objects.filter(source=f"{path}|{view}").exists()
        assert read(view) == expected[view]
    by_place = {(r.region_code, r.month.year): r.count for r in live["place-month"]}
    assert by_place[("XV-NO", 2024)] == 30
    assert all(r.month.month == 1 and r.month.day == 1 for r in live["year"])


def test_a_view_counts_a_record_under_several_types_once():
    from collections import namedtuple
    from datetime import date

    from vigil.statistics.sources import project

    Row = namedtuple("Row", "measure country_code region_code month exploitation once count")
    rows = [
        Row("cases", "XV", "XV-NO", date(2024, 3, 1), "sexual", True, 2),
        Row("cases", "XV", "XV-NO", date(2024, 3, 1), "labour", False, 2),  # the same 2 cases
        Row("cases", "XV", "XV-NO", date(2024, 5, 1), "labour", True, 1),
    ]
    (march, may) = sorted(project(rows, "place-month"))
    assert (march.count, may.count) == (2, 1)
    by_type = {(r.exploitation, r.once): r.count for r in project(rows, "year")}
    assert by_type == {("sexual", True): 2, ("labour", False): 2, ("labour", True): 1}
