"""An anonymous learner fails, retries, passes and gets a certificate; a trainer then edits the
course, and the certificate still verifies against the version it was earned on. In Chromium,
with JavaScript off for the learner: the learning pages must work without it.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from vigil.accounts.tests.browser import sign_in
from vigil.learn.models import Certificate, Course

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

SLUG = "know-the-tricks"


def answer_every_question(page, document, *, right):
    questions = {question["key"]: question for question in document["questions"]}
    shown = page.locator("fieldset.question input").evaluate_all(
        "inputs => [...new Set(inputs.map(i => i.name.slice(2)))]"
    )
    for key in shown:
        question = questions[key]
        if right:
            picks = [c["key"] for c in question["choices"] if c["correct"]]
        else:
            picks = [next(c["key"] for c in question["choices"] if not c["correct"])]
        for choice in picks:
            page.check(f"#q-{key}-{choice}")
    return shown


def test_learner_and_trainer(live_server, browser_context, trainer):
    call_command("load_courses")
    course = Course.objects.get(slug=SLUG)
    document = course.published.content
    base = live_server.url

    learner = browser_context(java_script_enabled=False).new_page()
    learner.goto(f"{base}/learn/")
    learner.get_by_role("link", name=document["title"]["en"]).click()
    learner.get_by_role("link", name=document["lessons"][0]["title"]["en"]).click()
    for lesson in document["lessons"][1:]:
        learner.get_by_role("link", name=f"{lesson['title']['en']} →").click()
        assert learner.get_by_role("heading", level=1).inner_text() == lesson["title"]["en"]
    learner.get_by_role("link", name="Take the quiz").click()

    first_order = answer_every_question(learner, document, right=False)
    learner.get_by_role("button", name="Submit my answers").click()
    assert learner.get_by_text("You scored 0%. You need 70% to pass.").is_visible()
    learner.get_by_role("link", name="Try again").click()

    second_order = answer_every_question(learner, document, right=True)
    assert sorted(second_order) == sorted(first_order) and second_order != first_order
    learner.get_by_role("button", name="Submit my answers").click()
    assert learner.get_by_text("You scored 100% and passed.").is_visible()

    learner.fill("#id_name", "Sam Okoro")
    learner.get_by_role("button", name="Make my certificate").click()
    code = Certificate.objects.get().code
    assert learner.get_by_text(code, exact=True).is_visible()
    with learner.expect_download() as download:
        learner.get_by_role("link", name="Download the certificate (PDF)").click()
    assert download.value.suggested_filename == f"certificate-{code}.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    learner.goto(f"{base}/learn/verify/")
    learner.fill("#id_code", code.lower())
    learner.get_by_role("button", name="Check").click()
    assert learner.get_by_text("This certificate is genuine.").is_visible()
    assert learner.get_by_text("version 1,", exact=False).is_visible()

    # The trainer rewords the first question and publishes version 2.
    staff = browser_context().new_page()
    sign_in(staff, base, trainer, f"/learn/trainer/{SLUG}/")
    first_question = document["questions"][0]["text"]["en"]
    staff.get_by_role("link", name=first_question).click()
    staff.fill("#id_text_en", "Reworded: " + first_question)
    staff.get_by_role("button", name="Save question").click()
    assert staff.get_by_text("unpublished changes").is_visible()
    staff.get_by_role("button", name="Publish").click()
    assert staff.get_by_text("Published as version 2.").is_visible()

    learner.goto(f"{base}/learn/verify/{code}/")
    assert learner.get_by_text("This certificate is genuine.").is_visible()
    assert learner.get_by_text("version 1,", exact=False).is_visible()
    assert learner.get_by_text("The course has been updated since").is_visible()
    learner.goto(f"{base}/learn/{SLUG}/quiz/")
    assert learner.get_by_text("Reworded: " + first_question).is_visible()
