"""Signed requests from partner deployments (HMAC-SHA256), checked in constant time.

The partner sends three headers:

- ``X-Vigil-Key-Id``: the token's public key id;
- ``X-Vigil-Timestamp``: the time of the request, in whole seconds since 1970 (UTC);
- ``X-Vigil-Signature``: hex HMAC-SHA256, keyed with the token's secret, of
  ``METHOD + "\\n" + PATH (with its query string) + "\\n" + TIMESTAMP``.

A request more than MAX_SKEW seconds from our clock is refused (a captured request
cannot be replayed later), as are unknown, revoked and expired keys, keys whose
agreement is no longer active, and bad signatures: all with the same answer.
"""

import hashlib
import hmac
import time

from django.utils import timezone

from vigil.exchange.models import PartnerToken

MAX_SKEW = 5 * 60
# Checked when the key id is unknown, so that the answer takes as long as for a known one.
_DUMMY_SECRET = "vigil-exchange-no-such-key"  # noqa: S105 (not a secret: never matches)


def message(method: str, path: str, timestamp: str) -> bytes:
    return f"{method.upper()}\n{path}\n{timestamp}".encode()


def sign(secret: str, method: str, path: str, timestamp: str) -> str:
    return hmac.new(secret.encode(), message(method, path, timestamp), hashlib.sha256).hexdigest()


def headers(key_id: str, secret: str, method: str, path: str, now: float | None = None) -> dict:
    """The headers a partner sends (used by partners' clients and by our tests)."""
    timestamp = str(int(time.time() if now is None else now))
    return {
        "X-Vigil-Key-Id": key_id,
        "X-Vigil-Timestamp": timestamp,
        "X-Vigil-Signature": sign(secret, method, path, timestamp),
    }


def verify(request, scope: str) -> PartnerToken | None:
    """The token that signed this request for `scope`, or None."""
    key_id = request.headers.get("X-Vigil-Key-Id", "")
    timestamp = request.headers.get("X-Vigil-Timestamp", "")
    signature = request.headers.get("X-Vigil-Signature", "")
    token = (
        PartnerToken.objects.select_related("agreement").filter(key_id=key_id).first()
        if key_id
        else None
    )
    expected = sign(
        token.secret if token else _DUMMY_SECRET,
        request.method,
        request.get_full_path(),
        timestamp,
    )
    signed = hmac.compare_digest(expected.encode(), signature.encode())
    try:
        fresh = abs(time.time() - int(timestamp)) <= MAX_SKEW
    except ValueError:
        fresh = False
    if token is None or not (signed and fresh):
        return None
    if not token.is_usable(timezone.now()) or not token.allows(scope):
        return None
    return token
