"""The whole loop in a real browser: report, question, answer, read."""

import importlib
import re

import pytest

from vigil.accounts.tests.browser import current_code
from vigil.accounts.tests.factories import PASSWORD, totp_device
from vigil.tips.models import Tip

triggers = importlib.import_module("vigil.audit.migrations.0002_append_only_triggers")


pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_report_comes_back_with_the_hotlines_question_answered(
    live_server, browser_context, analyst
):
    device = totp_device(analyst)

    # A member of the public reports, and keeps the receipt code.
    reporter = browser_context().new_page()
    reporter.goto(f"{live_server.url}/report/")
    reporter.fill(
        "textarea[name=narrative]", "Three girls selling flowers late at night near the port"
    )
    reporter.fill("input[name=town]", "Port Ida")
    reporter.get_by_role("button", name="Send report").click()
    receipt = reporter.locator(".receipt").inner_text()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt.strip())
    reference = Tip.objects.get().reference

    # The analyst signs in with a password and a code, and finds the tip.
    staff = browser_context().new_page()
    staff.goto(f"{live_server.url}/accounts/login/")
    staff.fill("input[name=username]", analyst.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.wait_for_url("**/accounts/two-factor/**")
    staff.fill("input[name=token]", current_code(device))
    staff.get_by_role("button", name="Verify").click()
    staff.wait_for_url(f"{live_server.url}/inbox/")
    staff.get_by_role("link", name=reference).click()
    assert "Three girls selling flowers" in staff.locator("main").inner_text()

    # …and asks the reporter a question.
    staff.fill("textarea[name=body]", "Which day of the week do you see them?")
    staff.get_by_role("button", name="Send question").click()
    assert "Your question was sent to the reporter." in staff.locator("main").inner_text()

    # The reporter comes back with the receipt, reads the question and answers.
    reporter.goto(f"{live_server.url}/report/followup/")
    reporter.fill("input[name=receipt]", receipt)
    reporter.get_by_role("button", name="Open my report").click()
    assert "Which day of the week" in reporter.locator("ul.thread li.staff").inner_text()
    reporter.fill("textarea[name=body]", "Every Friday, after 10 in the evening.")
    reporter.get_by_role("button", name="Send", exact=True).click()
    reporter.locator("ul.thread li.reporter").wait_for()

    # The analyst reloads the tip and reads the answer.
    staff.reload()
    answer = staff.locator("ul.thread li.reporter")
    assert "Every Friday, after 10 in the evening." in answer.inner_text()
