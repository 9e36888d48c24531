"""The versioned API; OpenAPI document at /api/v1/openapi.json.

Every error is JSON with a 4xx status: a partner's app or a reporter's phone
must always learn what to change, and a stranger must never see a traceback.
"""

import json
from io import BytesIO

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import UnreadablePostError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.parser import Parser
from ninja.security import APIKeyHeader
from ninja.throttling import BaseThrottle

from vigil.accounts.models import ApiKey
from vigil.core.privacy import allow
from vigil.tips.photos import MAX_PHOTO_BYTES, MAX_PHOTOS
from vigil.tips.routing import NoHotline

# A partner may send three photos of 5 MB each, base64-encoded (4/3 larger),
# plus the text fields; far beyond Django's limit for anonymous form posts.
PARTNER_BODY_LIMIT = MAX_PHOTOS * (MAX_PHOTO_BYTES * 4 // 3 + 4) + 512 * 1024


class BodyError(ValueError):
    """A request body we will not parse; carries the status and message to return."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class JsonOnlyParser(Parser):
    """JSON bodies only: a form post or plain text is refused, not guessed at."""

    def parse_body(self, request):
        content_type = request.content_type or ""
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise BodyError(415, "Send the body as JSON with Content-Type: application/json.")
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise BodyError(400, "The request body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise BodyError(400, "The request body must be a JSON object.")
        try:
            # JSON escapes can spell lone surrogates, which no UTF-8 column can store.
            json.dumps(data, ensure_ascii=False).encode()
        except UnicodeEncodeError:
            raise BodyError(400, "The request body contains invalid Unicode.") from None
        return data


def read_partner_body(request) -> None:
    """Buffer the body under the partner limit, before Django's smaller one applies.

    Called only once the API key is known, so strangers cannot make the server
    hold 20 MB per request.
    """
    if hasattr(request, "_body"):
        return
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError):
        declared = 0
    if declared > PARTNER_BODY_LIMIT:
        raise RequestDataTooBig("partner body over the limit")
    try:
        data = request.read(PARTNER_BODY_LIMIT + 1)
    except OSError as exc:
        raise UnreadablePostError(*exc.args) from exc
    if len(data) > PARTNER_BODY_LIMIT:
        raise RequestDataTooBig("partner body over the limit")
    request._body = data
    request._stream = BytesIO(data)


class PartnerKey(APIKeyHeader):
    """A partner organisation's API key in the X-API-Key header."""

    param_name = "X-API-Key"

    def authenticate(self, request, key):
        api_key = ApiKey.authenticate(key or "")
        if api_key is not None:
            read_partner_body(request)
        return api_key


class PublicThrottle(BaseThrottle):
    """Requests per client and window (core.privacy.allow), counted before the body is read."""

    def __init__(self, scope: str, limit: int):
        self.scope = scope
        self.limit = limit

    def allow_request(self, request) -> bool:
        return allow(request, self.scope, limit=self.limit)


class PartnerThrottle(BaseThrottle):
    """Requests per API key: a partner's app serves many reporters, so the budget is larger."""

    def allow_request(self, request) -> bool:
        key = request.auth
        return allow(request, f"api:{key.pk}", limit=settings.VIGIL_RATE_LIMIT * 50)


api = NinjaAPI(
    title="Vigil API",
    version="1",
    description="Anonymous reporting for partner hotlines and mobile apps.",
    urls_namespace="api",
    docs_url=None,
    parser=JsonOnlyParser(),
)


def field_errors(errors: list[dict]) -> dict[str, list[str]]:
    """Pydantic's error list as {field: [message, ...]}, the shape TipForm errors have."""
    result: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        if loc and loc[0] == "body":
            # ("body", <parameter name>, <field>, ...) → the field the client sent.
            field = loc[2] if len(loc) > 2 else "body"
        else:
            field = loc[-1] if loc else "__all__"
        result.setdefault(field, []).append(str(error.get("msg", "Invalid value.")))
    return result


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return api.create_response(request, {"errors": field_errors(exc.errors)}, status=422)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return api.create_response(
        request, {"detail": "A valid X-API-Key header is required."}, status=401
    )


@api.exception_handler(Throttled)
def on_throttled(request, exc):
    return api.create_response(
        request,
        {"detail": "Too many requests. Please wait a few minutes and try again."},
        status=429,
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    # Ninja wraps every parser failure in a 400; ours carry a more useful status.
    cause = exc.__cause__
    if isinstance(cause, BodyError):
        return api.create_response(request, {"detail": cause.message}, status=cause.status)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc):
    return api.create_response(
        request,
        {"detail": "The request is too large. Send fewer or smaller photos."},
        status=413,
    )


@api.exception_handler(UnreadablePostError)
def on_unreadable(request, exc):
    return api.create_response(
        request, {"detail": "The request body could not be read."}, status=400
    )


@api.exception_handler(NoHotline)
def on_no_hotline(request, exc):
    return api.create_response(
        request,
        {"detail": "No hotline is set up to receive reports yet. Please call a helpline."},
        status=503,
    )
