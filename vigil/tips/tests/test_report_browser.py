"""A reporter's journey in a real browser, with JavaScript switched off."""

import importlib

import pytest
from playwright.sync_api import expect

from vigil.tips.models import REPORTER_STATUS, Status, Tip
from vigil.tips.tests.factories import photo_bytes

triggers = importlib.import_module("vigil.audit.migrations.0002_append_only_triggers")


pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_reporter_without_javascript_reports_and_follows_up(
    live_server, browser_context, hotline
):
    page = browser_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/report/")

    page.get_by_role("link", name="No, I want to report what I saw").click()
    page.get_by_label("What happened?").fill("A boy of about 10 begging for a man at the station.")
    page.get_by_label("Region", exact=True).select_option("XV-NO")
    page.get_by_label("Photos (optional)").set_input_files(
        [{"name": "station.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}]
    )
    page.get_by_role("button", name="Send report").click()

    code = page.locator(".receipt").inner_text()
    tip = Tip.objects.get()
    assert (tip.region_code, tip.attachments.count()) == ("XV-NO", 1)

    page.get_by_role("link", name="Follow up your report").click()
    page.get_by_label("Receipt code").fill(code)
    page.get_by_role("button", name="Open my report").click()

    expect(page.locator(".status")).to_have_text(str(REPORTER_STATUS[Status.NEW]))


def test_a_reporter_without_javascript_in_danger_gets_the_numbers_first(
    live_server, browser_context, hotline
):
    phone = {"width": 360, "height": 740}
    page = browser_context(java_script_enabled=False, viewport=phone).new_page()
    page.goto(f"{live_server.url}/report/")

    page.get_by_role("link", name="Yes, a child is in danger now").click()

    first_link = page.locator("main a").first
    expect(first_link).to_have_attribute("href", "tel:116111")
    expect(page.get_by_label("A child is in danger right now")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= phone["width"]
