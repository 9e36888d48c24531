"""Idempotent API submissions: a retried request returns the first result.

Mobile networks drop responses; the partner's app retries with the same
Idempotency-Key and must get the same receipt, not a second tip. The receipt
is sealed with AES-GCM under a key derived (HKDF-SHA256) from the client's
idempotency key, which is never stored, so an operator reading the database
cannot recover receipt codes; only the client that holds the key can.
"""

import base64
import json
import os
from datetime import timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from vigil.core.blind_index import keyed_hash
from vigil.tips import actions
from vigil.tips.models import Channel, IdempotencyRecord, Tip

RETENTION = timedelta(hours=24)


class IdempotencyConflict(Exception):
    """The key was already used for a different request."""


def key_hash(organisation, key: str) -> str:
    # Scoped by organisation: two partners may well pick the same key.
    return keyed_hash("idempotency", f"{organisation.pk}:{key}")


def request_hash(organisation, key: str, payload: dict) -> str:
    """A keyed fingerprint of the request, so a retry can be told from a different body."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return keyed_hash("idempotency-request", f"{organisation.pk}:{key}\x00{canonical}")


def _sealing_key(organisation, key: str) -> bytes:
    # The index key as salt: the database and a guessed idempotency key are not enough.
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=settings.VIGIL_INDEX_KEY,
        info=f"vigil idempotency receipt:{organisation.pk}".encode(),
    ).derive(key.encode())


def seal(organisation, key: str, receipt: str) -> str:
    nonce = os.urandom(12)
    associated = key_hash(organisation, key).encode()
    sealed = AESGCM(_sealing_key(organisation, key)).encrypt(nonce, receipt.encode(), associated)
    return base64.b64encode(nonce + sealed).decode()


def unseal(organisation, key: str, sealed: str) -> str:
    raw = base64.b64decode(sealed)
    associated = key_hash(organisation, key).encode()
    return AESGCM(_sealing_key(organisation, key)).decrypt(raw[:12], raw[12:], associated).decode()


def replay(organisation, key: str, payload: dict) -> tuple[Tip, str] | None:
    """The tip and receipt of an earlier identical request, None if the key is new.

    Raises IdempotencyConflict when the key was used with a different body.
    """
    record = (
        IdempotencyRecord.objects.select_related("tip")
        .filter(key_hash=key_hash(organisation, key), organisation=organisation)
        .first()
    )
    if record is None:
        return None
    if record.request_hash != request_hash(organisation, key, payload):
        raise IdempotencyConflict
    try:
        return record.tip, unseal(organisation, key, record.sealed_receipt)
    except (InvalidTag, ValueError):
        # Only the same key can open it; anything else is the same as a conflict.
        raise IdempotencyConflict from None


def submit_tip_once(
    fields: dict, *, key: str, payload: dict, organisation, photos=(), language: str = ""
) -> tuple[Tip, str]:
    """submit_tip, and the idempotency record in the same transaction.

    Two identical requests racing past `replay` both try to insert the record;
    the unique key hash lets one win, the other rolls back its tip and returns
    the winner's result.
    """
    try:
        with transaction.atomic():
            tip, code = actions.submit_tip(
                fields,
                channel=Channel.API,
                photos=photos,
                language=language,
                source_organisation=organisation,
            )
            IdempotencyRecord.objects.create(
                key_hash=key_hash(organisation, key),
                organisation=organisation,
                request_hash=request_hash(organisation, key, payload),
                tip=tip,
                sealed_receipt=seal(organisation, key, code),
            )
    except IntegrityError:
        earlier = replay(organisation, key, payload)
        if earlier is None:  # not a duplicate key after all: a real error
            raise
        return earlier
    return tip, code


def purge_idempotency_records(now=None) -> int:
    """Forget submissions older than the retention window; returns how many."""
    cutoff = (now or timezone.now()) - RETENTION
    deleted, _by_model = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
