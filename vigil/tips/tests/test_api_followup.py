"""Reporter follow-up through the API: a receipt code opens the thread, and nothing else does."""

import base64
import json

import pytest
from django.core.cache import cache

from vigil.accounts.models import ApiKey, OrganisationKind
from vigil.accounts.tests.factories import OrganisationFactory
from vigil.audit.models import AuditEvent
from vigil.tips import actions
from vigil.tips.models import Status, Tip, TipAttachment, TipMessage
from vigil.tips.tests.factories import TipFactory, photo_bytes

NARRATIVE = "A boy of about 10 carrying bricks at the kiln on the river road every day."
RECEIPT = "4417093325186620"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def submitted(client, hotline):
    """A tip sent by a partner app; returns its receipt code."""
    partner = OrganisationFactory(name="Kiln Watch", kind=OrganisationKind.NGO)
    raw_key = ApiKey.issue(partner, "app")[1]
    response = client.post(
        "/api/v1/tips",
        data=json.dumps({"narrative": NARRATIVE, "country": "XV"}),
        content_type="application/json",
        headers={"X-API-Key": raw_key},
    )
    assert response.status_code == 201
    return response.json()["receipt_code"]


def post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_it_opens_the_thread_with_the_receipt_of_an_api_submission(client, submitted, analyst):
    tip = Tip.objects.get()
    actions.ask_reporter(tip, analyst, "Which river road: north or south of the bridge?")

    response = post(client, "/api/v1/followup", {"receipt_code": submitted})

    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == tip.reference
    assert body["status"] == "awaiting_reporter"
    assert body["status_text"] == str(tip.reporter_status)
    [message] = body["messages"]
    assert message["author"] == "hotline"
    assert message["body"] == "Which river road: north or south of the bridge?"
    assert message["created_at"]


def test_it_accepts_the_receipt_with_spaces_as_it_was_displayed(client, submitted):
    spaced = " ".join(submitted[i : i + 4] for i in range(0, 16, 4))

    response = post(client, "/api/v1/followup", {"receipt_code": spaced})

    assert response.status_code == 200
    assert response.json()["messages"] == []


def test_it_stores_the_reporters_answer_with_a_photo(client, hotline, analyst):
    tip = TipFactory(hotline=hotline, receipt=RECEIPT)
    actions.ask_reporter(tip, analyst, "Which side of the bridge?")
    photo = base64.b64encode(photo_bytes()).decode()

    response = post(
        client,
        "/api/v1/followup/messages",
        {"receipt_code": RECEIPT, "body": "South side, next to the mill.", "photos": [photo]},
    )

    assert response.status_code == 201
    assert [m["author"] for m in response.json()["messages"]] == ["hotline", "reporter"]
    tip.refresh_from_db()
    message = TipMessage.objects.get(author_kind="reporter")
    assert (message.tip, message.body) == (tip, "South side, next to the mill.")
    assert TipAttachment.objects.get().message == message
    assert tip.status == Status.IN_REVIEW
    assert tip.has_unread_reporter_message
    event = AuditEvent.objects.filter(object_id=str(tip.pk)).order_by("-at").first()
    assert event.summary == "reporter added a message with 1 photo(s)"


@pytest.mark.parametrize(
    "code", ["9999888877776666", "12345", "not a code", "", "٤٤١٧٠٩٣٣٢٥١٨٦٦٢٠"]
)
def test_it_answers_unknown_and_malformed_codes_alike(client, hotline, code):
    TipFactory(hotline=hotline, receipt=RECEIPT)
    known_bad = post(client, "/api/v1/followup", {"receipt_code": "0000111122223333"})

    opened = post(client, "/api/v1/followup", {"receipt_code": code})
    answered = post(client, "/api/v1/followup/messages", {"receipt_code": code, "body": "Hello"})

    assert opened.status_code == answered.status_code == 404
    assert opened.content == answered.content == known_bad.content
    assert opened.json() == {"detail": "No report matches this receipt code."}
    assert TipMessage.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    ["", "   ", "x" * 10_001, "see <b>this</b>", "bell\x07"],
    ids=["empty", "blank", "too long", "markup", "control"],
)
def test_it_refuses_an_unfit_message_and_stores_nothing(client, hotline, body):
    tip = TipFactory(hotline=hotline, receipt=RECEIPT)
    events = AuditEvent.objects.count()

    response = post(client, "/api/v1/followup/messages", {"receipt_code": RECEIPT, "body": body})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["body"]
    assert TipMessage.objects.count() == 0
    assert AuditEvent.objects.count() == events
    tip.refresh_from_db()
    assert not tip.has_unread_reporter_message


def test_it_refuses_a_message_with_a_bad_photo(client, hotline):
    TipFactory(hotline=hotline, receipt=RECEIPT)

    response = post(
        client,
        "/api/v1/followup/messages",
        {"receipt_code": RECEIPT, "body": "Here", "photos": ["bm90IGFuIGltYWdl"]},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "photos": ["Photo 1: This file is not a photo we can read."]
    }
    assert (TipMessage.objects.count(), TipAttachment.objects.count()) == (0, 0)


def test_it_refuses_unknown_fields_and_non_json(client, hotline):
    TipFactory(hotline=hotline, receipt=RECEIPT)

    extra = post(client, "/api/v1/followup", {"receipt_code": RECEIPT, "reference": "T-X"})
    form = client.post("/api/v1/followup", {"receipt_code": RECEIPT})

    assert extra.status_code == 422
    assert form.status_code == 415
    assert form.json()["detail"].startswith("Send the body as JSON")


def test_it_rate_limits_attempts_to_open_reports(client, hotline):
    TipFactory(hotline=hotline, receipt=RECEIPT)
    for attempt in range(10):
        guess = f"{attempt:016d}"
        assert post(client, "/api/v1/followup", {"receipt_code": guess}).status_code == 404

    # Even the right code is refused once the budget is spent, on both endpoints.
    opened = post(client, "/api/v1/followup", {"receipt_code": RECEIPT})
    answered = post(client, "/api/v1/followup/messages", {"receipt_code": RECEIPT, "body": "Hi"})

    assert opened.status_code == answered.status_code == 429
    assert opened.json()["detail"].startswith("Too many requests")
    assert TipMessage.objects.count() == 0


def test_it_refuses_an_anonymous_request_over_the_size_limit(client, hotline, settings):
    TipFactory(hotline=hotline, receipt=RECEIPT)
    photo = "A" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = post(
        client,
        "/api/v1/followup/messages",
        {"receipt_code": RECEIPT, "body": "Big", "photos": [photo]},
    )

    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert TipMessage.objects.count() == 0
