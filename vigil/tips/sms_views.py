"""The SMS gateway's webhook (Twilio-compatible form posts)."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from vigil.core.privacy import allow
from vigil.tips import sms
from vigil.tips.routing import NoHotline

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _plain(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt  # the gateway signs its requests instead; see the signature check
@require_POST
def inbound(request):
    token = settings.VIGIL_SMS_AUTH_TOKEN
    if not token:
        # Without a token nothing can be verified: refuse rather than accept forgeries.
        return _plain("SMS intake is not configured.", 503)
    url = settings.VIGIL_SMS_WEBHOOK_URL or request.build_absolute_uri()
    given = request.headers.get("X-Twilio-Signature", "")
    if not sms.signature_is_valid(token, url, request.POST, given):
        return _plain("Invalid signature.", 403)
    try:
        message = sms.parse_inbound(request.POST)
        if not allow(request, f"sms:{sms.phone_hash(message.phone)}", sms.MESSAGES_PER_WINDOW):
            return _plain("Too many messages from this number; try again later.", 429)
        sms.receive(message)
    except sms.SmsRejected as exc:
        return _plain(str(exc), 400)
    except NoHotline:
        # A deployment not yet set up: nothing is stored, and the gateway's log says why.
        return _plain("No hotline is set up to receive reports yet.", 503)
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
