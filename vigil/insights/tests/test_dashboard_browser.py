"""A policy analyst's journey through the dashboard, in a real browser.

She opens the map, switches what it shows and the year, opens a region, reads
its dimensions and gaps, downloads a table, and cannot open a tip or a case.
"""

import csv
import io
from pathlib import Path

import pytest

from vigil.accounts.tests.browser import sign_in
from vigil.cases.tests.factories import make_case
from vigil.insights.tests.conftest import population, tip_in
from vigil.tips.models import Tip

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_policy_analyst_reads_the_map_and_a_place(
    live_server, browser_context, hotline, policy_analyst, caseworker
):
    from vigil.regions.boundaries import load_demo_boundaries

    load_demo_boundaries()
    for year in (2023, 2024):
        population("XV-NO", year, 125_000, 40.0)
        population("XV-CO", year, 250_000, 40.0)
    for region in ("XV-NO", "XV-NO", "XV-NO", "XV-NO", "XV-CO"):
        tip_in(region)
    case = make_case(hotline, caseworker)
    base = live_server.url

    page = browser_context().new_page()
    sign_in(page, base, policy_analyst, "/insights/")
    page.goto(f"{base}/insights/?level=subdivision&within=XV")
    assert page.locator("figure.insights-map svg[role=img]").count() == 1
    assert page.get_by_role(
        "heading", name="Gap: vulnerable but little reported or served"
    ).is_visible()

    # Switch the measure and the year.
    page.select_option("#id_measure", value="reports")
    page.fill("#id_year", "2023")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**year=2023**")
    assert page.get_by_role(
        "heading", name="Reports per 100,000 children (smoothed), 2023"
    ).is_visible()
    first = page.locator("table.inbox tbody tr").first
    assert "Northmarch" in first.inner_text()  # 8 per 100,000 against 1, smoothed

    # Open the region: its dimensions and gaps.
    first.get_by_role("link", name="Northmarch").click()
    page.wait_for_url("**/insights/places/XV-NO/**")
    assert page.get_by_role("heading", name="Dimensions").is_visible()
    assert page.get_by_role("heading", name="Gaps").is_visible()
    assert page.get_by_text("no shelter service listed").is_visible()

    # Export a table.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the months (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows[-1]["reports"] == "4"

    # No tip, no case.
    tip = Tip.objects.filter(region_code="XV-NO").first()
    for path in (f"/inbox/tips/{tip.pk}/", f"/cases/{case.pk}/", "/inbox/"):
        response = page.goto(base + path)
        assert response.status == 403, path
