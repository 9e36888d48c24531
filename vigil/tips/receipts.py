"""Receipt codes: the reporter's only key back to their report.

Only an argon2id hash is stored, under a deployment-wide salt so that a code
can be looked up by its hash. Nobody can recover a lost code. Every check
does the same slow work, whether or not the code is well formed or known.
"""

import secrets

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings

RECEIPT_DIGITS = 16
# OWASP's minimum for argon2id: 19 MiB, two passes. A few tens of ms per check.
TIME_COST = 2
MEMORY_COST_KIB = 19456


def new_receipt() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


def normalise(code: str) -> str:
    return "".join(ch for ch in str(code) if ch.isdigit() and ch.isascii())


def is_well_formed(code: str) -> bool:
    return len(normalise(code)) == RECEIPT_DIGITS


def receipt_hash(code: str) -> str:
    raw = hash_secret_raw(
        normalise(code).encode(),
        settings.VIGIL_RECEIPT_SALT,
        time_cost=TIME_COST,
        memory_cost=MEMORY_COST_KIB,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    return raw.hex()


def display(code: str) -> str:
    digits = normalise(code)
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
