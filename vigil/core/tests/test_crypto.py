import pytest
from hypothesis import given
from hypothesis import strategies as st

from vigil.core import crypto


@given(st.text())
def test_text_round_trips(text):
    assert crypto.decrypt_text(crypto.encrypt_text(text)) == text


def test_each_encryption_uses_a_fresh_nonce():
    assert crypto.encrypt_text("same") != crypto.encrypt_text("same")


def test_tampered_ciphertext_is_refused():
    token = crypto.encrypt_text("secret")
    prefix, key_id, body = token.split(":", 2)
    flipped = body[:-4] + ("AAAA" if body[-4:] != "AAAA" else "BBBB")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(f"{prefix}:{key_id}:{flipped}")


def test_unknown_key_is_refused():
    token = crypto.encrypt_text("secret")
    _prefix, _key_id, body = token.split(":", 2)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(f"v1:nokey:{body}")
