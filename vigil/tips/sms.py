"""SMS intake: messages from one number within a time window become one tip.

SMS reporters get no receipt code. They follow up by replying to the same
number, and the hotline's questions reach them by SMS; a 16-digit code sent
by text would sit in the phone's inbox, where anyone holding the phone could
read it and open the report on the web.

The number is kept only as a keyed hash (to find the conversation) and an
encrypted copy (to send replies); it never reaches a log line.
"""

import base64
import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from vigil.core.blind_index import keyed_hash
from vigil.core.text import validate_plain_text
from vigil.tips import actions
from vigil.tips.forms import TipForm
from vigil.tips.models import Channel, ProcessedSms, SmsConversation, Tip
from vigil.tips.sms_backends import get_backend

logger = logging.getLogger(__name__)

ACKNOWLEDGEMENT = gettext_lazy(
    "Thank you. Your report has been received. Reply to this number to add information."
)
# Ten concatenated SMS segments: more than any gateway delivers as one message.
MAX_BODY = 1600
# Per number and rate window: a person typing is far below it, a flood is not.
MESSAGES_PER_WINDOW = 30
SID_FIELDS = ("MessageSid", "SmsMessageSid", "SmsSid")


class SmsRejected(ValueError):
    """An inbound message we cannot accept; the message says why (for the gateway's logs)."""


@dataclass(frozen=True)
class InboundSms:
    phone: str  # E.164 when parseable
    body: str
    message_sid: str


def signature(token: str, url: str, params) -> str:
    """Twilio's request signature: HMAC-SHA1 over the URL and the sorted POST parameters."""
    payload = url
    for name in sorted(set(params.keys())):
        for value in sorted(set(params.getlist(name))):
            payload += name + value
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature_is_valid(token: str, url: str, params, given: str) -> bool:
    if not token or not given:
        return False
    return hmac.compare_digest(signature(token, url, params).encode(), given.encode())


def normalise_phone(raw: str) -> str:
    """E.164 when the number parses (national numbers read in our own country), else digits."""
    raw = raw.strip()
    try:
        number = phonenumbers.parse(raw, settings.VIGIL_COUNTRY)
        if phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    digits = "".join(ch for ch in raw if ch.isascii() and ch.isdigit())
    return "+" + digits if raw.startswith("+") and digits else digits


def phone_hash(phone: str) -> str:
    return keyed_hash("sms-phone", phone)


def parse_inbound(params) -> InboundSms:
    """The number, text and id of a gateway's POST; SmsRejected if one is missing or unfit."""
    sid = next((params[name] for name in SID_FIELDS if params.get(name)), "")
    if "From" not in params or "Body" not in params or not sid:
        raise SmsRejected("From, Body and MessageSid are required.")
    phone = normalise_phone(params["From"])
    if not phone.lstrip("+"):
        raise SmsRejected("From is not a phone number.")
    body = params["Body"].strip()
    if not body:
        raise SmsRejected("The message is empty.")
    if len(body) > MAX_BODY:
        raise SmsRejected(f"The message is longer than {MAX_BODY} characters.")
    try:
        validate_plain_text(body)
    except ValidationError as exc:
        raise SmsRejected(" ".join(exc.messages)) from None
    return InboundSms(phone=phone, body=body, message_sid=sid[:200])


def _send(phone: str, body: str) -> None:
    # Runs after commit: a gateway failure must not undo the report, nor log the number.
    try:
        get_backend().send(phone, body)
    except Exception as exc:
        logger.error("outbound SMS failed: %s", type(exc).__name__)


def receive(message: InboundSms) -> SmsConversation | None:
    """File the message: a new tip, or an addition to the number's open conversation.

    Returns the conversation, or None for a message id already handled
    (gateways retry when our answer is slow).
    """
    digest = phone_hash(message.phone)
    now = timezone.now()
    window_start = now - timedelta(minutes=settings.VIGIL_SMS_CONVERSATION_MINUTES)
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProcessedSms.objects.create(
                    message_sid_hash=keyed_hash("sms-sid", message.message_sid)
                )
        except IntegrityError:
            return None
        conversation = (
            SmsConversation.objects.select_related("tip")
            .filter(phone_hash=digest, last_message_at__gte=window_start)
            .order_by("-last_message_at")
            .first()
        )
        if conversation is None:
            # The first message is the narrative: judged by the same form as the web's.
            form = TipForm(data={"narrative": message.body, "country": settings.VIGIL_COUNTRY})
            if not form.is_valid():
                problems = [str(m) for messages in form.errors.values() for m in messages]
                raise SmsRejected(" ".join(problems))
            tip, _code = actions.submit_tip(
                form.tip_fields(), channel=Channel.SMS, with_receipt=False
            )
            conversation = SmsConversation.objects.create(
                phone_hash=digest, phone=message.phone, tip=tip, last_message_at=now
            )
            phone = message.phone
            transaction.on_commit(lambda: _send(phone, str(ACKNOWLEDGEMENT)))
        else:
            actions.add_reporter_message(conversation.tip, message.body)
            # Each message keeps the conversation open for another window.
            conversation.last_message_at = now
            conversation.save(update_fields=["last_message_at"])
    return conversation


def send_to_reporter(tip: Tip, body: str) -> None:
    """Text the hotline's message to the number that sent the tip (latest conversation)."""
    conversation = tip.sms_conversations.order_by("-last_message_at").first()
    if conversation is None:
        logger.warning("tip %s has no SMS conversation to answer", tip.reference)
        return
    # A question reopens the window, so the reporter's answer joins this tip.
    conversation.last_message_at = timezone.now()
    conversation.save(update_fields=["last_message_at"])
    _send(conversation.phone, body)
