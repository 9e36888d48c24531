"""Following up a report with its receipt code: status, questions, answers, closing."""

import html

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from vigil.audit.models import AuditEvent
from vigil.tips import actions
from vigil.tips.models import REPORTER_STATUS, Author, Status, TipAttachment, TipMessage
from vigil.tips.tests.factories import TipFactory, photo_bytes

RECEIPT = "1234567890123456"
NOT_FOUND = "We could not find a report with this code"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # Follow-up attempts are limited per client, and every test client looks alike.
    cache.clear()


@pytest.fixture
def tip(hotline):
    return TipFactory(hotline=hotline, receipt=RECEIPT)


def open_report(client, code=RECEIPT):
    return client.post("/report/followup/", {"receipt": code})


@pytest.mark.parametrize("typed", [RECEIPT, "1234 5678 9012 3456", "1234-5678-9012-3456 "])
def test_it_opens_the_report_with_spaces_or_dashes_in_the_code(client, tip, typed):
    response = open_report(client, typed)

    assert response.status_code == 302
    assert response["Location"] == "/report/followup/thread/"
    assert client.session["reporter_tip_id"] == str(tip.pk)
    assert client.session.get_expiry_age() <= 1800


@pytest.mark.parametrize(
    "code", ["1234567890123457", "12345", "not a code", "", "1" * 200, "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦"]
)
def test_wrong_and_malformed_codes_get_the_same_message(client, tip, code):
    response = open_report(client, code)

    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert NOT_FOUND in page
    assert 'aria-invalid="true"' in page
    assert "reporter_tip_id" not in client.session


def test_opening_a_report_starts_a_new_session(client, tip):
    open_report(client)
    first = client.cookies["sessionid"].value

    open_report(client)

    assert client.cookies["sessionid"].value != first
    assert client.session["reporter_tip_id"] == str(tip.pk)


def test_the_thread_needs_an_opened_report(client, tip):
    response = client.get("/report/followup/thread/")

    assert response.status_code == 302
    assert response["Location"] == "/report/followup/"


def test_the_reporter_sees_the_status(client, tip):
    open_report(client)

    page = html.unescape(client.get("/report/followup/thread/").content.decode())

    assert str(REPORTER_STATUS[Status.NEW]) in page
    assert '<ul class="thread">' not in page


def test_the_reporter_reads_a_question_and_answers_it(client, tip, analyst):
    actions.ask_reporter(tip, analyst, "Which street was the van parked in?")
    open_report(client)

    page = html.unescape(client.get("/report/followup/thread/").content.decode())
    assert "Which street was the van parked in?" in page
    assert str(REPORTER_STATUS[Status.AWAITING_REPORTER]) in page
    assert '<li class="staff">' in page
    assert analyst.display_name not in page
    assert analyst.username not in page
    assert "Hotline" in page

    photo = SimpleUploadedFile("van.jpg", photo_bytes(), "image/jpeg")
    response = client.post(
        "/report/followup/thread/", {"body": "Rue des Tanneurs, by the bakery.", "photos": photo}
    )

    assert response.status_code == 302
    answer = TipMessage.objects.get(tip=tip, author_kind=Author.REPORTER)
    assert answer.body == "Rue des Tanneurs, by the bakery."
    assert TipAttachment.objects.get(message=answer).content_type == "image/jpeg"
    tip.refresh_from_db()
    assert (tip.status, tip.has_unread_reporter_message) == (Status.IN_REVIEW, True)
    assert AuditEvent.objects.filter(
        object_id=str(tip.pk), summary__startswith="reporter added a message"
    ).exists()
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert page.index("Which street") < page.index("Rue des Tanneurs")
    assert '<li class="reporter">' in page
    assert "1 photo sent." in page
    assert "<img" not in page


def test_a_bad_answer_is_refused_and_nothing_is_stored(client, tip):
    open_report(client)
    before = TipMessage.objects.count(), AuditEvent.objects.count()

    response = client.post("/report/followup/thread/", {"body": "<script>x</script>"})

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert (TipMessage.objects.count(), AuditEvent.objects.count()) == before


def test_closing_clears_the_session(client, tip):
    open_report(client)

    response = client.post("/report/followup/close/")

    assert response.status_code == 302
    assert "reporter_tip_id" not in client.session
    assert client.get("/report/followup/thread/")["Location"] == "/report/followup/"
    assert "closed on this device" in client.get(response["Location"]).content.decode()


def test_another_reports_messages_are_never_shown(client, tip, hotline, analyst):
    other = TipFactory(hotline=hotline, receipt="9999888877776666")
    actions.ask_reporter(other, analyst, "A question about the other report")
    actions.add_reporter_message(other, "A message in the other report")
    actions.ask_reporter(tip, analyst, "A question about this report")
    open_report(client)

    page = client.get("/report/followup/thread/").content.decode()

    assert "A question about this report" in page
    assert "other report" not in page


def test_guessing_codes_is_limited(client, tip):
    for n in range(10):
        assert open_report(client, f"00000000000000{n:02d}").status_code == 400

    response = open_report(client)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "reporter_tip_id" not in client.session
