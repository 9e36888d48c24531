"""Known place names (regions, towns) in free text, ignoring case and accents.

"sao paulo", "SÃO PAULO" and "São Paulo" are one place. Matching runs on a
folded copy of the text of the same length, so spans index the original.
"""

import re
import unicodedata
from collections.abc import Sequence


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# One character for one character: accents off, lower case (str.lower() can
# lengthen a string, "İ" becomes two characters, so it is not used on the text).
_FOLD = {
    code: _fold_char(chr(code)) for code in range(0x41, 0x250) if _fold_char(chr(code)) != chr(code)
}
_FOLD.update({0x2019: "'", 0x2010: "-", 0x2011: "-", 0x2013: "-"})


def fold(text: str) -> str:
    return text.translate(_FOLD)


class PlaceMatcher:
    """Compiled once for a list of (code, name) pairs; finds every mention."""

    def __init__(self, places: Sequence[tuple[str, str]]):
        self.codes: dict[str, list[str]] = {}
        for code, name in places:
            key = _key(name)
            if key and code not in self.codes.setdefault(key, []):
                self.codes[key].append(code)
        # Longest names first, so "Nova Lisboa" wins over "Lisboa".
        names = sorted(self.codes, key=len, reverse=True)
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"[\s\-]+") for n in names)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if names else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        folded = fold(text)
        found = []
        for m in self.pattern.finditer(folded):
            for code in self.codes.get(_key(m.group()), ()):
                found.append((m.start(), m.end(), code))
        return found


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


_CACHE: dict[tuple[tuple[str, str], ...], PlaceMatcher] = {}
_LAST: list = [None, None]


def matcher_for(places: Sequence[tuple[str, str]]) -> PlaceMatcher:
    """The compiled matcher for these places; the same list is compiled only once."""
    if isinstance(places, tuple) and _LAST[0] is places:
        return _LAST[1]
    key = tuple((str(code), str(name)) for code, name in places)
    matcher = _CACHE.get(key)
    if matcher is None:
        if len(_CACHE) > 32:
            _CACHE.clear()
        matcher = _CACHE[key] = PlaceMatcher(key)
    _LAST[0], _LAST[1] = places, matcher
    return matcher


def find_places(text: str, places: Sequence[tuple[str, str]]) -> list[tuple[int, int, str]]:
    if not places:
        return []
    return matcher_for(places).find(text)
