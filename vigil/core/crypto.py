"""Encryption at rest: AES-256-GCM under a keyring from settings.

A ciphertext is ``v1:<key id>:<base64(nonce + ciphertext + tag)>`` so that
several keys can coexist while `vigil rotate_keys` re-encrypts.
"""

import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "v1"


class DecryptionError(Exception):
    """A value could not be decrypted: unknown key, or tampered ciphertext."""


def _keyring() -> dict[str, bytes]:
    return {item["id"]: base64.b64decode(item["key"]) for item in settings.VIGIL_DATA_KEYS}


def current_key_id() -> str:
    return settings.VIGIL_DATA_KEYS[0]["id"]


def encrypt_bytes(plain: bytes, associated: bytes = b"") -> str:
    key_id = current_key_id()
    nonce = os.urandom(12)
    sealed = AESGCM(_keyring()[key_id]).encrypt(nonce, plain, associated or None)
    return f"{PREFIX}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt_bytes(token: str, associated: bytes = b"") -> bytes:
    try:
        prefix, key_id, body = token.split(":", 2)
        if prefix != PREFIX:
            raise DecryptionError(f"unknown ciphertext version {prefix!r}")
        key = _keyring()[key_id]
        raw = base64.b64decode(body)
        return AESGCM(key).decrypt(raw[:12], raw[12:], associated or None)
    except DecryptionError:
        raise
    except KeyError as exc:
        raise DecryptionError(f"no key {exc} in the keyring") from exc
    except Exception as exc:  # InvalidTag, bad base64, malformed token
        raise DecryptionError(f"cannot decrypt: {type(exc).__name__}") from exc


def encrypt_text(plain: str) -> str:
    return encrypt_bytes(plain.encode())


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token).decode()


def key_id_of(token: str) -> str:
    return token.split(":", 2)[1]
