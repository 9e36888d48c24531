"""The analyst's journey in a real browser: queue, reasons, linked tips, escalation.

Tips arrive through intake with the hooks running on commit, so what the
queue shows is the real analysis. Then the chosen police liaison reads the
referral, and a liaison of another force finds nothing.
"""

import re

import pytest

from vigil.accounts.tests.browser import sign_in
from vigil.tips import actions as tip_actions
from vigil.triage.models import Escalation

from .workflow_data import build_protocol, police

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

PHONE = "+44 7700 900123"


def submit(**fields):
    tip, _code = tip_actions.submit_tip(fields, channel="web", with_receipt=False)
    tip.refresh_from_db()
    return tip


def test_an_analyst_escalates_the_most_urgent_tip_to_one_police_force(
    live_server, browser_context, hotline, analyst
):
    build_protocol()
    national, liaison = police("National Police", username="national-liaison")
    _border, other_liaison = police("Border Police", username="border-liaison")
    mild = submit(
        narrative="Two boys sell flowers at the crossroads in the evening.",
        country_code="XV",
    )
    urgent = submit(
        narrative=(
            "A 14-year-old girl is sold for sex to men at the Harbour motel every night. "
            f"The man who brings her answers on {PHONE}."
        ),
        immediate_danger=True,
        country_code="XV",
        region_code="XV-NO",
        town="Kelbury",
    )
    linked = submit(
        narrative=f"A man on {PHONE} offers young girls as waitresses for a bar abroad.",
        country_code="XV",
    )
    priorities = {t.reference: t.analysis.priority for t in (mild, urgent, linked)}
    assert priorities[urgent.reference] == 5
    assert priorities[mild.reference] < priorities[linked.reference]

    # The analyst opens the queue: most urgent first.
    staff = browser_context().new_page()
    sign_in(staff, live_server.url, analyst, "/triage/")
    rows = staff.locator("table.queue tbody th[scope=row]").all_inner_texts()
    assert [r.strip() for r in rows] == [urgent.reference, linked.reference, mild.reference]

    # The urgent tip: why it is urgent, with each reason's contribution, and its linked tip.
    staff.get_by_role("link", name=urgent.reference).click()
    panel = staff.locator("section#triage")
    reasons = panel.locator("table.reasons tbody tr").all_inner_texts()
    assert len(reasons) >= 2
    assert all(re.search(r"[+-]\d+\.\d$", r.strip()) for r in reasons)
    assert "danger" in " ".join(reasons).lower()
    linked_list = panel.locator("ul.linked").inner_text()
    assert linked.reference in linked_list and "phone number" in linked_list
    assert panel.locator("svg.cluster-graph").count() == 1

    # It is escalated to the national police, with the phone number.
    panel.get_by_role("link", name="Escalate to law enforcement").click()
    summary = staff.locator("textarea[name=summary]").input_value()
    assert urgent.reference in summary and "Harbour motel" not in summary
    staff.get_by_label("Law-enforcement organisation").select_option(label="National Police")
    staff.get_by_label(re.compile(r"\+447700900123")).check()
    staff.get_by_role("button", name="Send the referral").click()
    assert "Escalated to National Police." in staff.locator("main").inner_text()
    escalation = Escalation.objects.get()
    assert escalation.organisation == national

    # The national police liaison finds it and reads what was sent.
    police_page = browser_context().new_page()
    sign_in(police_page, live_server.url, liaison, "/escalations/")
    police_page.get_by_role("link", name=urgent.reference).click()
    text = police_page.locator("main").inner_text()
    assert "+447700900123" in text and "Kelbury" in text
    assert "Harbour motel" not in text

    # A liaison of another force sees nothing, not even by the address.
    other = browser_context().new_page()
    sign_in(other, live_server.url, other_liaison, "/escalations/")
    assert "No referrals." in other.locator("table.escalations").inner_text()
    assert urgent.reference not in other.locator("main").inner_text()
    response = other.goto(f"{live_server.url}/escalations/{escalation.pk}/")
    assert response.status == 404
