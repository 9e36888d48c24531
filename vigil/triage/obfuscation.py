"""Undo the ways people disguise digits, keeping every position where it was.

Reporters copy numbers the way they saw them: spelled out ("zero seven seven"),
mixed ("five0five"), with the letter O for zero, with emoji or keycaps between
digits, or in another script (Arabic-Indic ٠١٢). `digit_view(text)` returns a
string of the SAME LENGTH as the text in which each of those is replaced by
ASCII digits (padded with spaces) and every symbol becomes a space. Because the
length never changes, a span found in the view is the same span in the
original text, so extractors can report `text[start:end]` as written.
"""

import re
import unicodedata
from functools import lru_cache

# Spelled digits in English, French, Spanish and Portuguese. Ordinary words
# among them ("un", "dos", "one") are harmless: a phone needs at least seven
# digits in a row, which prose never spells.
DIGIT_WORDS = {
    "zero": "0", "zéro": "0", "cero": "0", "nought": "0",
    "one": "1", "un": "1", "une": "1", "uno": "1", "una": "1", "um": "1", "uma": "1",
    "two": "2", "deux": "2", "dos": "2", "dois": "2", "duas": "2",
    "three": "3", "trois": "3", "tres": "3", "três": "3",
    "four": "4", "quatre": "4", "cuatro": "4", "quatro": "4",
    "five": "5", "cinq": "5", "cinco": "5",
    "six": "6", "seis": "6",
    "seven": "7", "sept": "7", "siete": "7", "sete": "7",
    "eight": "8", "huit": "8", "ocho": "8", "oito": "8",
    "nine": "9", "neuf": "9", "nueve": "9", "nove": "9",
}  # fmt: skip
# Numbers are also read in pairs ("zéro six, douze, trente-quatre"; "quince").
TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
    "diez": 10, "once": 11, "quince": 15, "doce": 12, "trece": 13, "catorce": 14,
    "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veintiuno": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "dez": 10, "doze": 12, "treze": 13, "catorze": 14, "dezesseis": 16, "dezasseis": 16,
    "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "quatre-vingt": 80, "quatre-vingts": 80,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "oitenta": 80,
}  # fmt: skip
_ZERO_LETTERS = {"o": "0", "oh": "0"}
_ONE_LETTERS = {"i": "1", "l": "1"}
_REPEAT = {"double": 2, "triple": 3}


def _alternation(words) -> str:
    return "|".join(
        sorted((re.escape(w).replace(r"\-", "[- ]") for w in words), key=len, reverse=True)
    )


_UNIT_RX = _alternation(DIGIT_WORDS)
_TEEN_RX = _alternation(TEEN_WORDS)
_TENS_RX = _alternation(TENS_WORDS)
# A spelled number from 0 to 99 in any of the four languages, or a repeated digit.
_PHRASE = re.compile(
    rf"""(?<![^\W\d_])(?:
        (?P<tens>{_TENS_RX})(?:(?:\s*-\s*|\s+|\s+(?:y|e|et|and)\s+|-et-)
            (?:(?P<tteen>{_TEEN_RX})|(?P<tunit>{_UNIT_RX})))?
      | (?P<teen>{_TEEN_RX})
      | (?P<repeat>double|triple)[ -](?P<runit>{_UNIT_RX})
      | (?P<unit>{_UNIT_RX}|oh|o)
    )(?![^\W\d_])""",
    re.VERBOSE,
)
_PIECE = "|".join(
    sorted(
        (re.escape(w) for w in [*DIGIT_WORDS, *_ZERO_LETTERS, *_ONE_LETTERS]),
        key=len,
        reverse=True,
    )
)
# A token mixing digits with digit words or look-alike letters: "five0five", "9OO", "O5I8".
_MIXED = re.compile(rf"(?<![^\W\d_])(?:{_PIECE}|\d)*\d(?:{_PIECE}|\d)*(?![^\W\d_])")
_SPLIT = re.compile(rf"({_PIECE}|\d)")
# How far apart (in separators) two number tokens may be and still belong together.
_GAP = re.compile(r"[\s\-.,;/()]{0,3}")


def _build_table() -> dict[int, str]:
    """Digits of every script to ASCII, symbols and emoji parts to a space."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x20000):
        ch = chr(code)
        cat = unicodedata.category(ch)
        if cat == "Nd" or (cat == "No" and unicodedata.digit(ch, None) is not None):
            table[code] = str(unicodedata.digit(ch))
        elif cat in ("So", "Sk"):
            table[code] = " "
    # Keycap and emoji presentation marks, zero-width joiners, no-break spaces.
    for code in _JOINERS:
        table[code] = " "
    return table


_JOINERS = frozenset(
    {0xFE0E, 0xFE0F, 0x20E3, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x00A0, 0x202F, 0x2060}
    | set(range(0x202A, 0x202F))
    | set(range(0x2066, 0x206A))
)
_TABLE = _build_table()
_TABLE_CHARS = frozenset(map(chr, _TABLE))
# The table holds no ASCII: only the few other characters of a text are looked
# up (translate() would look up every one).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


# Every finder looks at the lower-cased text and its words: extract_entities
# calls seven of them on the same text, so the last few results are kept
# rather than recomputed (str hashes are cached, so a hit costs little).
_SHARED_CACHE = 32


@lru_cache(maxsize=_SHARED_CACHE)
def lower_same_length(text: str) -> str:
    """text.lower(), but never longer ("İ" lower-cases to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _mixed_view(token: str) -> str:
    """Each digit written where its piece starts, the rest of the piece blank."""
    chars = [" "] * len(token)
    for m in _SPLIT.finditer(token):
        piece = m.group().lower()
        chars[m.start()] = (
            DIGIT_WORDS.get(piece) or _ZERO_LETTERS.get(piece) or _ONE_LETTERS.get(piece) or piece
        )
    return "".join(chars)


def _phrase_digits(m: re.Match) -> str | None:
    """The digits a spelled number stands for; None for a lone "o"/"oh"."""
    key = lambda g: re.sub(r"[\s-]+", "-", m.group(g))  # noqa: E731
    if m.group("tens"):
        tens = TENS_WORDS[key("tens")]
        if m.group("tteen"):
            teen = TEEN_WORDS[key("tteen")]
            if tens not in (60, 80) or teen > 19:  # only "soixante-douze", "quatre-vingt-dix"
                return str(tens)
            return str(tens + teen)
        if m.group("tunit"):
            unit = int(DIGIT_WORDS[key("tunit")])
            return str(tens + unit) if unit else str(tens)
        return str(tens)
    if m.group("teen"):
        return str(TEEN_WORDS[key("teen")])
    if m.group("repeat"):
        return DIGIT_WORDS[key("runit")] * _REPEAT[key("repeat")]
    unit = key("unit")
    return DIGIT_WORDS.get(unit)


def _spread(digits: str, length: int) -> str:
    """Digits at the start of a span of the given length, then filler.

    The filler (_) is a separator to the phone pattern, and tells end_of_token
    where a spelled number such as "treinta y ocho" really ends."""
    return digits.ljust(length, _FILLER)[:length]


_FILLER = "_"


_NUMBERISH = frozenset(
    [*DIGIT_WORDS, *TEEN_WORDS, *TENS_WORDS, *_ZERO_LETTERS, *_REPEAT, "y", "e", "et", "and"]
    + [part for word in [*TEEN_WORDS, *TENS_WORDS] for part in word.split("-")]
)
# A digit glued to a letter that can end or start a digit word ("five0five", "9OO").
# It opens with the digit, the class the search skips to in C; the letter
# before it is a look-behind (the position only has to fall in the same word).
_MIXED_HINT = re.compile(r"\d(?:[oOzZuUtTfFsScCqQhHnNdDeEiIlL]|(?<=[oOeErRxXsStTqQfFmMnNiIlL]\d))")


_PUNCT = b".,;:!?()[]{}\"'*_~|/-"
_PUNCT_TO_SPACE = bytes.maketrans(_PUNCT, b" " * len(_PUNCT))
# Number words that are not also everyday articles or conjunctions.
_SIGNIFICANT = _NUMBERISH - {
    "un",
    "une",
    "uno",
    "una",
    "um",
    "uma",
    "o",
    "oh",
    "y",
    "e",
    "et",
    "and",
}


@lru_cache(maxsize=_SHARED_CACHE)
def word_set(text: str) -> frozenset[str]:
    """The lower-case words of a text, punctuation removed: a cheap first look.

    Punctuation becomes spaces on the UTF-8 bytes (one C call; multi-byte
    characters are left as they were)."""
    return frozenset(_words(text))


def _words(text: str) -> list[str]:
    return text.lower().encode().translate(_PUNCT_TO_SPACE).decode().split()


def _spelled_run(view: str) -> bool:
    """Cheap test: four numbers in a row, two of them spelled ("oh two oh, seven")?"""
    # The (shared, cached) word set rules out nearly every text before the
    # word list is built.
    if len(_SIGNIFICANT.intersection(word_set(view))) < 2:
        return False
    words = _words(view)
    run = spelled = 0
    for word in words:
        if word in _NUMBERISH:
            run += 1
            spelled += 1
        elif word.isdigit():
            run += 1
        else:
            run = spelled = 0
            continue
        if run >= 4 and spelled >= 2:
            return True
    return False


@lru_cache(maxsize=_SHARED_CACHE)
def digit_view(text: str) -> str:
    """The text with disguised digits made plain; same length, same positions."""
    view = text
    if not text.isascii() and not _TABLE_CHARS.isdisjoint(_NON_ASCII.findall(text)):
        view = _NON_ASCII.sub(_replace_from_table, text)
    hints = [m.start() for m in _MIXED_HINT.finditer(view)]
    spelled = _spelled_run(view)
    if not hints and not spelled:
        return view
    # (start, end, digits or None for a lone "o", spelled?)
    low = lower_same_length(view)
    tokens = []
    for start, end in _around(low, hints):
        tokens += [(m.start(), m.end(), m.group(), False) for m in _MIXED.finditer(low, start, end)]
    if spelled:
        tokens += [(m.start(), m.end(), _phrase_digits(m), True) for m in _PHRASE.finditer(low)]
    if not tokens:
        return view
    tokens.sort()
    chars = list(view)
    for index, (start, end, digits, spelled) in enumerate(tokens):
        if digits is None:
            # "o" and "oh" are words too ("o" is "or" in Spanish, "the" in
            # Portuguese): a zero only between other numbers.
            if not _beside_number(view, tokens, index):
                continue
            digits = "0"
        if spelled:
            chars[start:end] = _spread(digits, end - start)
        elif not digits.isdigit():
            chars[start:end] = _mixed_view(digits)
        if spelled and index + 1 < len(tokens):
            # "zero one four one, four nine six": the comma is a pause, not an end.
            following = tokens[index + 1]
            gap = view[end : following[0]]
            if _COMMA_GAP.fullmatch(gap):
                chars[end : following[0]] = " " * len(gap)
    return "".join(chars)


def _replace_from_table(match: re.Match) -> str:
    return _TABLE.get(ord(match.group()), match.group())


def _around(low: str, positions: list[int]) -> list[tuple[int, int]]:
    """The whitespace-delimited stretches around each position, merged."""
    spans: list[tuple[int, int]] = []
    for at in positions:
        if spans and at < spans[-1][1]:
            continue
        start = max(low.rfind(" ", 0, at), low.rfind("\n", 0, at)) + 1
        end = min((i for i in (low.find(" ", at), low.find("\n", at)) if i >= 0), default=len(low))
        spans.append((start, end))
    return spans


_COMMA_GAP = re.compile(r"\s*[,;]\s*")


def _beside_number(view: str, tokens, index: int) -> bool:
    start, end, _, _ = tokens[index]
    for other in (index - 1, index + 1):
        if not 0 <= other < len(tokens):
            continue
        o_start, o_end, o_digits, _ = tokens[other]
        if o_digits is None:
            continue
        gap = view[o_end:start] if other < index else view[end:o_start]
        if _GAP.fullmatch(gap):
            return True
    return False


def end_of_token(text: str, view: str, end: int) -> int:
    """Extend a span that ends on a spelled digit to the end of the words."""
    n = len(text)
    while end < n and (
        (view[end] == _FILLER and text[end] != _FILLER)
        or (view[end] == " " and (text[end].isalpha() or ord(text[end]) in _JOINERS))
    ):
        end += 1
    return end
