"""argon2 at its lowest cost, for tests that sign in many times.

The algorithm and code path are the real ones; only the work factors shrink,
so a lockout test does not spend its time hashing.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

from vigil.accounts.tests.factories import PASSWORD


class QuickArgon2Hasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 64
    parallelism = 1


QUICK_HASHERS = [f"{__name__}.QuickArgon2Hasher"]


def rehash(person) -> None:
    person.password = make_password(PASSWORD)
    person.save(update_fields=["password"])
