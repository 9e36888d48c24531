"""Keyed hashes (blind indexes) for exact-match lookups without clear text."""

import hashlib
import hmac

from django.conf import settings


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of a normalised value, separated by purpose."""
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(settings.VIGIL_INDEX_KEY, message, hashlib.sha256).hexdigest()
