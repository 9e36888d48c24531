"""Data-key rotation: a new key first in the keyring, every encrypted value re-encrypted.

Old keys leave the keyring only once no stored value needs them, so a failure
at any point leaves every value readable. Web and worker processes hold the
keyring in memory: stop them while rotating and start them again after, or
a value they write under an old key would outlive that key.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from vigil.core import crypto, secrets_file
from vigil.core.fields import encrypted_fields

BATCH_SIZE = 500


class KeysFromEnvironment(Exception):
    """The keyring comes from VIGIL_DATA_KEYS: the operator changes it there, not us."""


class RotationFailed(Exception):
    """A model could not be re-encrypted; its rows are unchanged and every key is kept."""


@dataclass
class Rotation:
    key_id: str
    counts: dict[str, int] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    leftover: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def encrypted_models() -> list[tuple[type, list[str]]]:
    found = []
    for model in apps.get_models():
        names = encrypted_fields(model)
        if names and not model._meta.proxy:
            found.append((model, names))
    return found


def _raw(names: list[str]) -> dict:
    # Cast to a plain text column: the stored ciphertext, without the field's decryption.
    return {f"raw_{name}": Cast(name, output_field=TextField()) for name in names}


def reencrypt_model(model, names: list[str], batch_size: int = BATCH_SIZE) -> int:
    """Re-encrypt every row of one model under the current first key, all or nothing."""
    fields = [model._meta.get_field(name) for name in names]
    manager = model._base_manager
    count = 0
    last_pk = None
    with transaction.atomic():
        while True:
            # Keyset pages rather than one open cursor: SQLite gives no isolation
            # between a cursor and writes to the same table on one connection.
            page = manager.order_by("pk").annotate(**_raw(names))
            if last_pk is not None:
                page = page.filter(pk__gt=last_pk)
            rows = list(page.values_list("pk", *_raw(names))[:batch_size])
            if not rows:
                break
            batch = []
            for pk, *raws in rows:
                values = {}
                for model_field, raw in zip(fields, raws, strict=True):
                    try:
                        values[model_field.attname] = model_field.from_db_value(raw, None, None)
                    except crypto.DecryptionError as exc:
                        raise RotationFailed(
                            f"{model._meta.label}.{model_field.name} of row {pk}: {exc}"
                        ) from exc
                batch.append(model(pk=pk, **values))
            manager.bulk_update(batch, names)
            count += len(batch)
            last_pk = rows[-1][0]
    return count


def reencrypt_all(batch_size: int = BATCH_SIZE) -> dict[str, int]:
    """Re-encrypt every encrypted field of every model, one transaction per model."""
    counts = {}
    for model, names in encrypted_models():
        counts[model._meta.label] = reencrypt_model(model, names, batch_size)
    return counts


def values_not_under(key_id: str) -> dict[str, int]:
    """How many stored values per model are still under another key than `key_id`."""
    prefix = f"{crypto.PREFIX}:{key_id}:"
    leftover = {}
    for model, names in encrypted_models():
        stale = Q()
        for name in names:
            stale |= Q(**{f"raw_{name}__gt": ""}) & ~Q(**{f"raw_{name}__startswith": prefix})
        count = model._base_manager.annotate(**_raw(names)).filter(stale).count()
        if count:
            leftover[model._meta.label] = count
    return leftover


def _unique(keys: list[dict]) -> list[dict]:
    seen, result = set(), []
    for key in keys:
        if key["id"] not in seen:
            seen.add(key["id"])
            result.append(key)
    return result


def rotate(batch_size: int = BATCH_SIZE) -> Rotation:
    """New key first in the secrets file and in memory, re-encrypt all, drop the old keys."""
    if settings.VIGIL_DATA_KEYS_FROM_ENV:
        raise KeysFromEnvironment(
            "The data keys come from the VIGIL_DATA_KEYS environment variable, so this "
            "command will not edit the secrets file. Put a new key first in VIGIL_DATA_KEYS "
            "(keep the old ones after it), restart, run `vigil rotate_keys --reencrypt-only`, "
            "then remove the old keys from VIGIL_DATA_KEYS and restart again."
        )
    path = Path(settings.SECRETS_FILE)
    stored = json.loads(path.read_text())
    old_keys = _unique(list(settings.VIGIL_DATA_KEYS) + stored["data_keys"])
    new_key = secrets_file.new_data_key()

    # Written before any value is re-encrypted: a crash midway leaves a keyring
    # that still reads both the old and the new values.
    stored["data_keys"] = [new_key, *old_keys]
    secrets_file.write(path, stored)
    settings.VIGIL_DATA_KEYS = [new_key, *old_keys]

    rotation = Rotation(key_id=new_key["id"])
    for model, names in encrypted_models():
        rotation.counts[model._meta.label] = reencrypt_model(model, names, batch_size)

    rotation.leftover = values_not_under(new_key["id"])
    if not rotation.leftover:
        stored["data_keys"] = [new_key]
        secrets_file.write(path, stored)
        settings.VIGIL_DATA_KEYS = [new_key]
        rotation.removed = [key["id"] for key in old_keys]
    return rotation


def reencrypt_only(batch_size: int = BATCH_SIZE) -> Rotation:
    """Re-encrypt under the keyring's current first key; no file is touched."""
    rotation = Rotation(key_id=crypto.current_key_id())
    rotation.counts = reencrypt_all(batch_size)
    rotation.leftover = values_not_under(rotation.key_id)
    return rotation
