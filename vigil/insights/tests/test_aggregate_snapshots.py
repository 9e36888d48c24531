"""The dashboard reads the stored aggregates (`vigil refresh_aggregates`), not tips or cases."""

import io
from datetime import UTC, datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vigil.insights.tests.conftest import tip_in
from vigil.statistics.models import Snapshot
from vigil.tips.models import Tip

# The raw rows the aggregates count (quoted, so "cases_casegrant" of the menu is not one).
RAW_TABLES = ('"tips_tip"', '"cases_case"', '"cases_caseexploitation"', '"cases_child"')
REGIONS = "/insights/?level=subdivision&within=XV&year=2024&measure=reports"


def refresh() -> None:
    call_command("refresh_aggregates", stdout=io.StringIO())


def raw_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if any(table in q["sql"] for table in RAW_TABLES)]


def test_the_insights_dashboard_reads_the_snapshot_not_the_tips(
    signed_in, policy_analyst, observed
):
    refresh()
    client = signed_in(policy_analyst)

    with CaptureQueriesContext(connection) as queries:
        regions = client.get(REGIONS)
        countries = client.get("/insights/")
        place = client.get("/insights/places/XV-NO/")
        exports = [
            client.get("/insights/places.csv"),
            client.get("/insights/places/XV-NO/trend.csv"),
        ]

    assert regions.status_code == countries.status_code == place.status_code == 200
    assert [r.status_code for r in exports] == [200, 200]
    assert raw_queries(queries.captured_queries) == []
    north = next(r for r in regions.context["rows"] if r.code == "XV-NO")
    assert north.tips == 3


def test_a_fresh_install_without_a_snapshot_counts_live(
    client, signed_in, policy_analyst, observed
):
    assert not Snapshot.objects.exists()

    regions = signed_in(policy_analyst).get(REGIONS)
    north = next(r for r in regions.context["rows"] if r.code == "XV-NO")
    assert north.tips == 3


def test_a_snapshot_keeps_the_window_of_months(signed_in, policy_analyst, observed):
    tip_in("XV-NO")
    old = Tip.objects.filter(region_code="XV-NO").first()
    Tip.objects.filter(pk=old.pk).update(created_at=datetime(2001, 1, 1, tzinfo=UTC))
    refresh()

    regions = signed_in(policy_analyst).get(REGIONS)
    north = next(r for r in regions.context["rows"] if r.code == "XV-NO")
    assert north.tips == 3  # the tip of 2001 is outside the last months
