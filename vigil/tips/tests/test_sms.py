"""SMS intake: signed gateway posts become tips, conversations, and replies by SMS."""

import base64
import hashlib
import hmac
import logging
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from vigil.audit.models import AuditEvent
from vigil.core.blind_index import keyed_hash
from vigil.tips import actions, sms, sms_backends
from vigil.tips.models import ProcessedSms, SmsConversation, Tip, TipMessage

URL = "/sms/inbound/"
FULL_URL = "http://testserver/sms/inbound/"
TOKEN = "test-sms-token"
PHONE = "+447700900123"
TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


@pytest.fixture(autouse=True)
def clean_slate():
    cache.clear()
    sms_backends.outbox.clear()
    yield
    sms_backends.outbox.clear()


def twilio_signature(url: str, params: dict, token: str = TOKEN) -> str:
    """Twilio's documented algorithm, written out here independently of the app's."""
    data = url + "".join(f"{name}{params[name]}" for name in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


_sid = iter(range(1, 10_000))


def message(body: str, phone: str = PHONE, **extra) -> dict:
    params = {
        "From": phone,
        "To": "+447700900999",
        "Body": body,
        "MessageSid": f"SM{next(_sid):032d}",
        "NumSegments": "1",
    }
    params.update(extra)
    return {k: v for k, v in params.items() if v is not None}


def send(client, params: dict, signature: str | None = "auto", url: str = FULL_URL):
    headers = {}
    if signature == "auto":
        signature = twilio_signature(url, params)
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    return client.post(URL, params, headers=headers)


def counts():
    return (
        Tip.objects.count(),
        TipMessage.objects.count(),
        SmsConversation.objects.count(),
        ProcessedSms.objects.count(),
        AuditEvent.objects.count(),
    )


def test_it_turns_a_signed_message_into_a_tip_and_acknowledges_it(
    client, hotline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, message("Girls kept in the back of the Blue Lotus bar."))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert response.content.decode() == TWIML
    tip = Tip.objects.get()
    assert (tip.channel, tip.hotline, tip.country_code) == ("sms", hotline, "XV")
    assert tip.narrative == "Girls kept in the back of the Blue Lotus bar."
    assert tip.receipt_hash is None  # SMS reporters follow up by replying, not with a code
    conversation = SmsConversation.objects.get()
    assert (conversation.tip, conversation.phone) == (tip, PHONE)
    assert AuditEvent.objects.get(object_id=str(tip.pk)).actor_label == "anonymous reporter (SMS)"
    assert sms_backends.outbox == [
        sms_backends.OutboundSms(
            PHONE,
            "Thank you. Your report has been received. Reply to this number to add information.",
        )
    ]


@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IHRoZSBzaWduYXR1cmU=", "other url", "other token", "tampered"],
)
def test_it_refuses_a_message_without_a_valid_signature(client, hotline, signature):
    params = message("Forged report")
    if signature == "other url":
        signature = twilio_signature("http://testserver/elsewhere/", params)
    elif signature == "other token":
        signature = twilio_signature(FULL_URL, params, token="guessed-token")
    elif signature == "tampered":
        signature = twilio_signature(FULL_URL, params)
        params["Body"] = "Changed on the way"

    response = send(client, params, signature=signature)

    assert response.status_code == 403
    assert counts() == (0, 0, 0, 0, 0)
    assert sms_backends.outbox == []


def test_its_signature_matches_twilios_documented_example():
    params = QueryDict(mutable=True)
    params.update(
        {
            "CallSid": "CA1234567890ABCDE",
            "Caller": "+12349013030",
            "Digits": "1234",
            "From": "+12349013030",
            "To": "+18005551212",
        }
    )
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"

    assert sms.signature("12345", url, params) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    assert sms.signature_is_valid("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    assert not sms.signature_is_valid("", url, params, sms.signature("", url, params))


def test_it_refuses_everything_when_no_token_is_configured(client, hotline, settings):
    settings.VIGIL_SMS_AUTH_TOKEN = ""
    params = message("Unsigned report")

    response = send(client, params, signature=twilio_signature(FULL_URL, params, token=""))

    assert response.status_code == 503
    assert counts() == (0, 0, 0, 0, 0)


def test_it_checks_the_signature_against_the_configured_public_url(client, hotline, settings):
    # Behind a proxy the gateway signs the public address, not the one Django sees.
    settings.VIGIL_SMS_WEBHOOK_URL = "https://vigil.example.org/sms/inbound/"
    params = message("A report through the proxy")

    wrong = send(client, params)
    right = send(client, params, url="https://vigil.example.org/sms/inbound/")

    assert (wrong.status_code, right.status_code) == (403, 200)
    assert Tip.objects.count() == 1


def test_it_gathers_a_conversation_into_one_tip(
    client, hotline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for body in ["Boys working at the quarry.", "About ten of them.", "Near Kestrel Hill."]:
            assert send(client, message(body)).status_code == 200

    tip = Tip.objects.get()
    assert tip.narrative == "Boys working at the quarry."
    assert [(m.author_kind, m.body) for m in tip.messages.all()] == [
        ("reporter", "About ten of them."),
        ("reporter", "Near Kestrel Hill."),
    ]
    assert tip.has_unread_reporter_message
    assert SmsConversation.objects.count() == 1
    assert len(sms_backends.outbox) == 1  # acknowledged once, not per message


def test_it_starts_a_new_tip_after_the_conversation_window(client, hotline, settings):
    send(client, message("First report"))
    SmsConversation.objects.update(
        last_message_at=timezone.now()
        - timedelta(minutes=settings.VIGIL_SMS_CONVERSATION_MINUTES + 1)
    )

    send(client, message("A new, separate report"))

    assert Tip.objects.count() == 2
    assert TipMessage.objects.count() == 0
    assert SmsConversation.objects.count() == 2


def test_each_message_keeps_the_conversation_open_for_another_window(client, hotline, settings):
    window = settings.VIGIL_SMS_CONVERSATION_MINUTES
    send(client, message("First report"))
    SmsConversation.objects.update(
        started_at=timezone.now() - timedelta(minutes=3 * window),
        last_message_at=timezone.now() - timedelta(minutes=window - 1),
    )

    send(client, message("Still the same report"))

    assert Tip.objects.count() == 1
    conversation = SmsConversation.objects.get()
    assert timezone.now() - conversation.last_message_at < timedelta(minutes=1)


def test_it_files_a_retried_message_once(client, hotline):
    first = message("Report")
    retry = message("More detail")
    send(client, first)

    responses = [send(client, retry), send(client, retry)]

    assert [r.status_code for r in responses] == [200, 200]
    assert TipMessage.objects.count() == 1
    assert ProcessedSms.objects.count() == 2
    assert retry["MessageSid"] not in ProcessedSms.objects.values_list(
        "message_sid_hash", flat=True
    )


def test_it_keeps_the_number_only_hashed_and_encrypted(client, hotline):
    send(client, message("Report from a phone", phone="+44 7700 900123"))
    send(client, message("Same phone, other format", phone="+447700900123"))

    conversation = SmsConversation.objects.get()
    assert conversation.phone_hash == keyed_hash("sms-phone", PHONE)
    assert conversation.tip.messages.count() == 1
    tables = ["tips_smsconversation", "tips_tip", "tips_tipmessage", "tips_processedsms"]
    tables.append("audit_auditevent")
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            dump = repr(cursor.fetchall())
            assert "7700900123" not in dump, table
            assert "7700 900123" not in dump, table


def test_it_texts_a_staff_question_to_the_reporters_number(
    client, hotline, analyst, django_capture_on_commit_callbacks
):
    send(client, message("Report from the first phone", phone="+447700900123"))
    send(client, message("Report from another phone", phone="+447700900456"))
    tip = SmsConversation.objects.get(phone_hash=keyed_hash("sms-phone", PHONE)).tip
    sms_backends.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        actions.ask_reporter(tip, analyst, "Which street is the bar on?")

    assert sms_backends.outbox == [sms_backends.OutboundSms(PHONE, "Which street is the bar on?")]
    tip.refresh_from_db()
    assert tip.status == "awaiting_reporter"


def test_the_reporters_reply_by_sms_answers_the_question(client, hotline, analyst):
    send(client, message("Report"))
    tip = Tip.objects.get()
    actions.ask_reporter(tip, analyst, "Which street?")

    send(client, message("Harbour Street"))

    tip.refresh_from_db()
    assert tip.status == "in_review"
    assert [m.author_kind for m in tip.messages.all()] == ["staff", "reporter"]


@pytest.mark.parametrize(
    "params",
    [
        message("No sender", phone=None),
        message(None),
        message("No id", MessageSid=None),
        message(""),
        message("   "),
        message("x" * 1601),
        message("Look at <script>alert(1)</script>"),
        message("A control\x07character"),
        message("Sender without digits", phone="SHORTCODE"),
    ],
    ids=[
        "missing From",
        "missing Body",
        "missing MessageSid",
        "empty",
        "blank",
        "over 1600",
        "markup",
        "control",
        "no number",
    ],
)
def test_it_refuses_bad_input_clearly_and_stores_nothing(client, hotline, params):
    response = send(client, params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode()
    assert counts() == (0, 0, 0, 0, 0)


def test_it_accepts_a_message_of_exactly_1600_characters(client, hotline):
    assert send(client, message("x" * 1600)).status_code == 200


def test_it_rate_limits_each_number(client, hotline):
    for n in range(30):
        assert send(client, message(f"Message {n}")).status_code == 200

    flood = send(client, message("One too many"))
    other = send(client, message("Another number", phone="+447700900456"))

    assert flood.status_code == 429
    assert other.status_code == 200
    assert TipMessage.objects.count() == 29


def test_it_stores_nothing_while_no_hotline_is_set_up(client, db):
    response = send(client, message("Too early"))

    assert response.status_code == 503
    assert counts() == (0, 0, 0, 0, 0)


def test_it_only_accepts_posts(client):
    assert client.get(URL).status_code == 405


def test_the_console_backend_never_shows_or_logs_the_full_number(
    client, hotline, settings, capsys, caplog, django_capture_on_commit_callbacks
):
    settings.VIGIL_SMS_BACKEND = "vigil.tips.sms_backends.ConsoleBackend"

    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        assert send(client, message("Report")).status_code == 200

    printed = capsys.readouterr().out
    assert "SMS to ••••••23: Thank you." in printed
    assert "7700900123" not in printed
    assert "7700900123" not in caplog.text


def test_a_question_reopens_the_window_so_a_late_answer_joins_the_tip(
    client, hotline, analyst, settings, django_capture_on_commit_callbacks
):
    send(client, message("Report"))
    tip = Tip.objects.get()
    SmsConversation.objects.update(
        last_message_at=timezone.now()
        - timedelta(minutes=settings.VIGIL_SMS_CONVERSATION_MINUTES + 30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.ask_reporter(tip, analyst, "Is she still there?")

    send(client, message("Yes, every night"))

    assert Tip.objects.count() == 1
    assert [m.body for m in tip.messages.filter(author_kind="reporter")] == ["Yes, every night"]
