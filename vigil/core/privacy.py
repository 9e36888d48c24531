"""Keep the reporter anonymous: no address or user agent past the front door.

The client's address is used once, to derive a rate-limiting key that is a
keyed hash changing every window, and then removed from the request, so no
view, log line, error report or library (lockout included) can record it.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache

# Headers that identify a client or its device, whatever proxy set them.
IDENTIFYING_HEADERS = (
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_X_CLIENT_IP",
    "HTTP_CLIENT_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_FASTLY_CLIENT_IP",
    "HTTP_VIA",
    "HTTP_REFERER",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_MOBILE",
    "REMOTE_HOST",
)
PLACEHOLDER_ADDRESS = "0.0.0.0"  # noqa: S104 - a stand-in value, nothing binds to it


def _window() -> int:
    return int(time.time()) // settings.VIGIL_RATE_WINDOW_SECONDS


def client_key(address: str, window: int) -> str:
    # The window is inside the hash: keys cannot be linked from one window to the next.
    message = f"rate\x00{window}\x00{address}".encode()
    return hmac.new(settings.VIGIL_INDEX_KEY, message, hashlib.sha256).hexdigest()[:32]


class AnonymiseRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        header = settings.VIGIL_CLIENT_ADDRESS_HEADER
        address = meta.get(header, "") if header else ""
        address = address.split(",")[0].strip() or meta.get("REMOTE_ADDR", "")
        request.rate_window = _window()
        request.client_key = client_key(address, request.rate_window)
        for name in IDENTIFYING_HEADERS:
            meta.pop(name, None)
        meta["REMOTE_ADDR"] = PLACEHOLDER_ADDRESS
        return self.get_response(request)


def allow(request, scope: str, limit: int | None = None) -> bool:
    """Count one request against the client's budget; False when it is spent."""
    limit = settings.VIGIL_RATE_LIMIT if limit is None else limit
    key = f"rl:{scope}:{request.rate_window}:{request.client_key}"
    cache.add(key, 0, timeout=settings.VIGIL_RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=settings.VIGIL_RATE_WINDOW_SECONDS)
        count = 1
    return count <= limit


class DropRequestFilter(logging.Filter):
    """Django attaches the request to some log records; handlers never need it."""

    def filter(self, record):
        if hasattr(record, "request"):
            record.request = None
        return True
