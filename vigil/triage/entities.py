"""Every identifier in a tip's text, with its span: the public entry point of extraction.

    extract_entities(text, country, places) -> [Entity(kind, value, normalized, start, end)]
    extract_entities(text, country, kinds={"phone", "email"}) -> only those kinds


`value` is always `text[start:end]`, as the reporter wrote it; `normalized` is
the form tips are linked on (E.164 phones, lower-case emails, "instagram:x"…).
Pure functions: no database, safe to call from the web request, the API, the
SMS webhook and `vigil analyze` alike.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

from vigil.triage.ages import find_ages
from vigil.triage.identifiers import (
    find_emails,
    find_handles,
    find_payments,
    find_plates,
    find_urls,
    overlaps,
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


KINDS = ("payment", "email", "handle", "url", "plate", "phone", "age", "place")


def extract_entities(
    text: str,
    country: str = "",
    places: Sequence[tuple[str, str]] = (),
    kinds: Collection[str] = KINDS,
) -> list[Entity]:
    """The identifiers in the text, sorted by position, each (kind, normalized, span) once.

    `kinds` limits what is returned: a kind is found exactly as it would be
    among all of them, but what no asked-for kind needs is never looked for."""
    if not text:
        return []
    finds = _Finds(text, country, places)
    length = len(text)
    # Keyed in the order entities are sorted in: each found once, and sorting
    # the plain tuples needs no key function.
    keys: set[tuple[int, int, str, str]] = set()
    for kind in kinds:
        for start, end, normalized in getattr(finds, kind):
            if 0 <= start < end <= length:
                keys.add((start, end, kind, normalized))
    return [
        Entity(kind, text[start:end], normalized, start, end)
        for start, end, kind, normalized in sorted(keys)
    ]


class _Finds:
    """Each kind's (start, end, normalized) finds, looked for on first use.

    Order matters: payment addresses and e-mails claim their characters first,
    so that the digits of an IBAN never become a phone and an address's domain
    never a link; accounts come before links ("snap: academie.danse.pro" is an
    account, not a site); phones come last."""

    def __init__(self, text: str, country: str, places: Sequence[tuple[str, str]]):
        self.text, self.country, self.places = text, country, places

    @cached_property
    def payment(self):
        return find_payments(self.text)

    @cached_property
    def email(self):
        return find_emails(self.text)

    @cached_property
    def taken(self) -> list[tuple[int, int]]:
        return _spans(self.payment) + _spans(self.email)

    @cached_property
    def handle(self):
        return find_handles(self.text, self.taken)

    @cached_property
    def url(self):
        # What the others claim only removes links, so the others are looked
        # for only when there is a link to remove.
        urls = find_urls(self.text)
        if urls:
            claimed = self.taken + _spans(self.handle)
            urls = [u for u in urls if not overlaps(u[0], u[1], claimed)]
        return urls

    @cached_property
    def plate(self):
        return find_plates(self.text, self.taken)

    @cached_property
    def phone(self):
        # Called back only if the text holds a run of digits long enough for a phone.
        return find_phones(
            self.text,
            self.country,
            lambda: self.taken + _spans(self.plate) + _spans(self.url),
        )

    @cached_property
    def age(self):
        return find_ages(self.text)

    @cached_property
    def place(self):
        return find_places(self.text, self.places)


def _spans(found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in found]
