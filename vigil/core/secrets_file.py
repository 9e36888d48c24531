"""Local secrets generated on first run when the environment does not provide them.

The file lives in the data directory (git-ignored), readable only by its owner.
"""

import base64
import json
import os
import secrets
from pathlib import Path


def new_data_key() -> dict:
    return {"id": secrets.token_hex(4), "key": base64.b64encode(secrets.token_bytes(32)).decode()}


def _fresh() -> dict:
    return {
        "secret_key": secrets.token_urlsafe(50),
        "data_keys": [new_data_key()],
        "index_key": base64.b64encode(secrets.token_bytes(32)).decode(),
        "receipt_salt": base64.b64encode(secrets.token_bytes(16)).decode(),
    }


def load_or_create(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text())
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _fresh()
    write(path, data)
    return data


def write(path: Path, data: dict) -> None:
    # Write then rename so a crash never leaves a truncated keyring behind.
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(data, fh, indent=2)
    os.replace(tmp, path)
