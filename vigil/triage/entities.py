"""Every identifier in a tip's text, with its span: the public entry point of extraction.

    extract_entities(text, country, places) -> [Entity(kind, value, normalized, start, end)]

`value` is always `text[start:end]`, as the reporter wrote it; `normalized` is
the form tips are linked on (E.164 phones, lower-case emails, "instagram:x"…).
Pure functions: no database, safe to call from the web request, the API, the
SMS webhook and `vigil analyze` alike.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from vigil.triage.ages import find_ages
from vigil.triage.identifiers import (
    find_emails,
    find_handles,
    find_payments,
    find_plates,
    find_urls,
)
from vigil.triage.phones import find_phones
from vigil.triage.place_names import find_places


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str
    value: str
    normalized: str
    start: int
    end: int


def extract_entities(
    text: str, country: str = "", places: Sequence[tuple[str, str]] = ()
) -> list[Entity]:
    """All identifiers in the text, sorted by position, each (kind, normalized, span) once."""
    if not text:
        return []
    # Order matters: payment addresses and e-mails are taken first so that the
    # digits of an IBAN never become a phone and an address's domain never a link.
    payments = find_payments(text)
    emails = find_emails(text)
    taken = _spans(payments) + _spans(emails)
    # Accounts before links: "snap: academie.danse.pro" is an account, not a site.
    handles = find_handles(text, taken)
    urls = find_urls(text, taken + _spans(handles))
    plates = find_plates(text, taken)
    phones = find_phones(text, country, taken + _spans(plates) + _spans(urls))
    found = (
        ("payment", payments),
        ("email", emails),
        ("handle", handles),
        ("url", urls),
        ("plate", plates),
        ("phone", phones),
        ("age", find_ages(text)),
        ("place", find_places(text, places)),
    )
    length = len(text)
    # Keyed in the order entities are sorted in: each found once, and sorting
    # the plain tuples needs no key function.
    keys: set[tuple[int, int, str, str]] = set()
    for kind, spans in found:
        for start, end, normalized in spans:
            if 0 <= start < end <= length:
                keys.add((start, end, kind, normalized))
    return [
        Entity(kind, text[start:end], normalized, start, end)
        for start, end, kind, normalized in sorted(keys)
    ]


def _spans(found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in found]
