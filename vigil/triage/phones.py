"""Phone numbers in free text, however they were disguised, as E.164.

Candidates are runs of digits in the digit view (see obfuscation.py), so
spelled-out, emoji-separated and Arabic-Indic numbers are found like plain
ones. Each run is checked with libphonenumber (parse + is_valid_number, the
same test as PhoneNumberMatcher's VALID leniency, at a fraction of its cost),
and split into several numbers when two were written side by side.
"""

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import phonenumbers
from django.conf import settings

from vigil.triage.obfuscation import digit_view, end_of_token

# Separators people put between digit groups; emoji are spaces in the digit view.
# A spelled digit leaves up to five blanks after it, hence the generous gap.
# Written plainly, "(?<![\w+])(?:\+\s?)?\(?\d(?:SEP{0,16}\d)+" is tried at every
# position; opening with the class of its first character lets the search skip
# to those in C, and the look-behinds then check what stood before it.
_CANDIDATE = re.compile(
    r"[+(\d](?<![\w+].)(?:(?<=\+)\s?\(?\d|(?<=\()\d|(?<![+(]))"
    r"(?:[ \t\-–—./()\\_*~·•|]{0,16}\d)+"
)
_GROUP = re.compile(r"\d\d*")  # not "\d+", which has no class to skip to
# Things made of digits that are not phones; masked before looking for phones.
_NOT_PHONES = re.compile(
    r"""
    (?<!\d)(?:
        (?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}            # 2024-03-12
      | \d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d            # 12/03/2024
      | \d{1,2}/\d{1,2}/\d\d                             # 12/03/24
      | \d{1,2}\s?[:hH]\s?\d\d                           # 21:30, 9h30
    )(?!\d)
    | (?:[$€£¥₹₦]|r\$|usd|eur|gbp)\s?\d[\d,.\s]*         # $1,200 / € 300
    | \d[\d,.]*\s?(?:[$€£¥₹₦]|(?:usd|eur|gbp|euros?|dollars?|pounds?|reais|pesos|quid|k)\b)
    """,
    re.VERBOSE,
)
# Words that introduce reference numbers rather than phones.
_REFERENCE = re.compile(
    r"""\b(?:ref|reference|référence|referencia|referência|case|order|invoice|receipt|ticket|
    tracking|parcel|account|acct|iban|bic|swift|sort\s?code|passport|passeport|pasaporte|
    passaporte|id|dni|nif|nie|cpf|rg|siret|serial|imei|code|código|codigo|pedido|commande|
    dossier|factura|fatura|protocolo|vin|flight|vol|vuelo|voo|booking|réservation|reserva)
    \s*(?:n[°º]|no\.?|num(?:ber|éro|ero)?\.?|\#)?\s*[:\#]?\s*(?:is\s*)?$""",
    re.VERBOSE,
)
# Brazilian "(0xx19)": the xx stands for a carrier code the caller picks.
_CARRIER_PLACEHOLDER = re.compile(r"(?<=\()0xx(?=\d)|(?<![\w])0xx(?=\d)", re.IGNORECASE)
_MIN_DIGITS = 7
_MAX_DIGITS = 17

# Ranges reserved for fiction (Ofcom's drama numbers are not "valid" in
# libphonenumber, yet they are what trainings and test reports use).
_FICTION = re.compile(r"^\+447700900\d{3}$")


def default_region(country: str) -> str | None:
    """The tip's country if libphonenumber knows it, else the deployment's setting."""
    country = (country or "").upper()
    if country in phonenumbers.SUPPORTED_REGIONS:
        return country
    fallback = (getattr(settings, "VIGIL_PHONE_REGION", "") or "").upper()
    return fallback if fallback in phonenumbers.SUPPORTED_REGIONS else None


@lru_cache(maxsize=8192)
def to_e164(digits: str, region: str | None) -> str | None:
    """E.164 form of a digit string (optionally starting with +), if it is a real number."""
    if not digits.startswith("+") and region is None:
        return None
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number) or _FICTION.match(e164):
        return e164
    return None


def is_acceptable(e164: str) -> bool:
    """What every phone the extractor returns satisfies (used by tests and analysts' edits)."""
    return to_e164(e164, None) == e164


def find_phones(
    text: str,
    country: str = "",
    masked: Iterable[tuple[int, int]] | Callable[[], Iterable[tuple[int, int]]] = (),
) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of each phone in the text; spans index the original text.

    `masked` spans (other identifiers) are never read as phones; given as a
    function, it is called only when the text has a run of digits long enough
    for a phone, so that finding those identifiers costs nothing otherwise."""
    view = digit_view(text)
    # Most texts hold fewer digits than the shortest phone: a count in C
    # spares them the candidate pattern, which is slow to try everywhere.
    if _digit_count(view) < _MIN_DIGITS:
        return []
    candidates = _candidates(view)
    if not candidates:
        return []
    region = default_region(country)
    # Mask what is not a phone (other identifiers, dates, times, prices) only
    # around the runs of digits, the only places it matters.
    spans = list(masked() if callable(masked) else masked)
    lowered = view.lower()
    low = lowered if len(lowered) == len(view) else view
    for m in candidates:
        window = (max(0, m.start() - 8), min(len(view), m.end() + 12))
        spans.extend(d.span() for d in _NOT_PHONES.finditer(low, *window))
    # The carrier placeholder below is looked for in the masked view: mask then too.
    if spans and ("xx" in lowered or _near_digits(view, spans)):
        view = _mask(view, spans)
        candidates = _candidates(view)
        lowered = view.lower()
    if "xx" in lowered:
        view = _CARRIER_PLACEHOLDER.sub(lambda m: "0" + " " * (len(m.group()) - 1), view)
        candidates = list(_CANDIDATE.finditer(view))
    found = []
    for match in candidates:
        found.extend(_numbers_in(text, view, match, region))
    return found


_ASCII_DIGITS = b"0123456789"
# Bytes that cannot start a candidate ("+", "(" or a digit start one).
_NOT_STARTS = bytes(b for b in range(256) if b not in b"+(0123456789")
_NOT_DIGITS = bytes(b for b in range(256) if b not in _ASCII_DIGITS)


def _candidates(view: str) -> list[re.Match]:
    """Runs of digits long enough to be a phone, as _CANDIDATE finds them.

    The search runs only from the first place a candidate can start to the
    last digit (found in C on the bytes); the view's digits are all ASCII and
    "ascii"/"replace" keeps one byte per character, so positions agree."""
    encoded = view.encode("ascii", "replace")
    first = len(encoded) - len(encoded.lstrip(_NOT_STARTS))
    last = len(encoded.rstrip(_NOT_DIGITS))
    return [
        m for m in _CANDIDATE.finditer(view, first, last) if _digit_count(m.group()) >= _MIN_DIGITS
    ]


# A masked character changes what is found only if a digit is near: at most
# 17 characters before it (a separator run is at most 16 long; end_of_token
# also walks over the rest of a spelled number, "quatre-vingt-dix-neuf", hence
# the margin) or 4 after it (the look-behind before "+ (", "+", space, bracket).
_REACH_BEFORE = 40
_REACH_AFTER = 4


def _near_digits(view: str, spans) -> bool:
    """Whether masking these spans can change the candidates (else no new search)."""
    return any(
        _digit_count(view[max(0, start - _REACH_BEFORE) : end + _REACH_AFTER])
        for start, end in spans
        if start < end
    )


def _digit_count(run: str) -> int:
    """Digits in a run of the digit view (whose digits are all ASCII)."""
    encoded = run.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, _ASCII_DIGITS))


def _mask(view: str, spans) -> str:
    chars = list(view)
    for start, end in spans:
        chars[start:end] = "#" * (end - start)
    return "".join(chars)


def _numbers_in(text: str, view: str, match: re.Match, region: str | None):
    start = match.start()
    plus = view[start] == "+"
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(view, start, match.end())]
    if _is_reference(text, start, plus):
        return []
    # Try the longest run of groups first, from each group on: two numbers
    # written side by side come apart, and a date glued to a number is left out.
    results = []
    i = 0
    while i < len(groups):
        found = None
        count = 0
        sizes = [0]
        for g_start, g_end in groups[i:]:
            count += g_end - g_start
            sizes.append(count)
        for j in range(len(groups), i, -1):
            size = sizes[j - i]
            if size < _MIN_DIGITS or size > _MAX_DIGITS:
                continue
            digits = "".join(view[a:b] for a, b in groups[i:j])
            if (i == 0 and plus) or _international_prefix(view, groups[i][0]):
                digits = "+" + digits
            elif digits.startswith("00"):
                # 00 is the international prefix nearly everywhere outside North America.
                digits = "+" + digits[2:]
            e164 = to_e164(digits, region)
            if e164:
                found = (j, e164)
                break
        if found is None:
            i += 1
            continue
        j, e164 = found
        span_start = start if (i == 0 and plus) else groups[i][0]
        span_end = end_of_token(text, view, groups[j - 1][1])
        span_start, span_end = _balance(text, span_start, span_end)
        results.append((span_start, span_end, e164))
        i = j
    return results


def _international_prefix(view: str, at: int) -> bool:
    return at > 0 and view[at - 1] == "+"


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the bracket of "(555) 555-0199" or "+44 (0) 7700", never a stray one."""
    inside = text[start:end]
    opened = inside.count("(") - inside.count(")")
    if opened < 0 and start > 0 and text[start - 1] == "(":
        start -= 1
    elif opened > 0 and end < len(text) and text[end] == ")":
        end += 1
    elif inside.endswith("(") or inside.endswith(")") and opened < 0:
        end -= 1
    return start, end


def _is_reference(text: str, start: int, plus: bool) -> bool:
    if plus:
        return False
    before = text[max(0, start - 30) : start].lower()
    return bool(_REFERENCE.search(before)) and not _PHONE_WORDS.search(before)


_PHONE_WORDS = re.compile(
    r"\b(?:phone|tel|tél|telf?|number|call|calls|ring|text|mobile|cell|whats\s?app|wa|"
    r"num[eé]ro|n[uú]mero|t[eé]l[eé]phone|tel[eé]fono|telefone|portable|celular|m[oó]vil|"
    r"telem[oó]vel|contact|contato|contacto|appel|llamar|ligar|gsm)\b"
)
