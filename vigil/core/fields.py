"""Model fields whose values are encrypted at rest (see core.crypto)."""

from django.db import models

from vigil.core import crypto


class EncryptedTextField(models.TextField):
    """Text stored as AES-GCM ciphertext; empty text is stored as empty."""

    encrypted = True

    def from_db_value(self, value, expression, connection):
        if not value:
            return value if value is None else ""
        return crypto.decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return crypto.encrypt_text(value)


class EncryptedBinaryField(models.TextField):
    """Bytes (an attachment) stored as AES-GCM ciphertext in a text column."""

    encrypted = True

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return crypto.decrypt_bytes(value)

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        return crypto.encrypt_bytes(bytes(value))


def encrypted_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if getattr(f, "encrypted", False)]
