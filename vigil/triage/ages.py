"""Stated ages of people in English, French, Spanish and Portuguese.

"14 yo", "she is fifteen", "aged 13", "elle a 14 ans", "tiene 13 años",
"de 15 anos". Durations ("for 3 years", "depuis 2 ans", "hace 5 años") are not
ages. Each age is returned with the span of the number as written.
"""

import re
from functools import lru_cache

from vigil.triage.obfuscation import DIGIT_WORDS, lower_same_length, word_set
from vigil.triage.scanning import matches_starting_with


def _wordlist(words: str) -> list[str]:
    return words.split()


_UNITS_EN = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip
_UNITS_FR = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    "vingt",
]  # fmt: skip
_UNITS_ES = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
    "diecinueve", "veinte",
]  # fmt: skip
_UNITS_PT = [
    "zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
    "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete", "dezoito",
    "dezenove", "vinte",
]  # fmt: skip


def _number_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for units in (_UNITS_EN, _UNITS_FR, _UNITS_ES, _UNITS_PT):
        for value, word in enumerate(units):
            words.setdefault(word, value)
    extra = {
        "une": 1, "una": 1, "uma": 1, "duas": 2, "tres": 3, "dieciseis": 16, "quatorze": 14,
        "dezasseis": 16, "dezassete": 17, "dezanove": 19, "dix sept": 17, "dix huit": 18,
        "dix neuf": 19,
    }  # fmt: skip
    words.update(extra)
    for i, unit in enumerate(_UNITS_EN[1:6], start=1):
        words[f"twenty-{unit}"] = words[f"twenty {unit}"] = 20 + i
    for i, unit in enumerate(_UNITS_FR[1:6], start=1):
        words[f"vingt-{unit}"] = words[f"vingt {unit}"] = 20 + i
    words["vingt-et-un"] = words["vingt et un"] = words["vingt et une"] = 21
    for i, word in enumerate(
        ["veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco"], start=1
    ):
        words[word] = 20 + i
    words["veintidos"], words["veintitres"], words["veintiún"] = 22, 23, 21
    for i, unit in enumerate(_UNITS_PT[1:6], start=1):
        words[f"vinte e {unit}"] = 20 + i
    words["vinte e uma"], words["vinte e duas"] = 21, 22
    return words


NUMBER_WORDS = _number_words()
_PHRASES: dict[str, list[str]] = {}
for _phrase in NUMBER_WORDS:
    _PHRASES.setdefault(re.split(r"[\s-]", _phrase)[0], []).append(_phrase)
_FIRST_WORDS = frozenset(_PHRASES)

# "14 yo", "fifteen-year-old", "13 years of age", "quinze ans", "13 años", "15 anos".
_UNIT = (
    r"(?:y\.?\s?o\b\.?|y/o|yrs?\.?\s*old|years?\s*old|years?[\s-]old|year-old|yr-old|"
    r"years?\s+of\s+age|ans\b|años|añitos|anos\b|aninhos)"
)
_PEOPLE = frozenset(
    _wordlist("""girl girls boy boys kid kids child children son sons daughter daughters grandson
    grandsons granddaughter granddaughters niece nieces nephew nephews sister sisters brother
    brothers cousin cousins friend friends girlfriend gf boyfriend bf lad lads lass teen teens
    teenager teenagers student students victim victims woman man guy bloke fella housemaid maid
    twins minor minors one some both they them mate""")
)
_SUBJECTS = _PEOPLE | {"she", "he", "i", "who"}
_BE = frozenset({"is", "was", "are", "were", "am", "'m", "’m"})
_VERBS = frozenset(
    _wordlist("""
    i'm i’m im she's she’s shes he's he’s hes looks look looked looking seems seem seemed
    appears appear appeared turned turning aged age age: aged:""")
)
_THIRD_PERSON = frozenset({"elle", "il", "ella", "él", "ela", "ele"})
_HAS = frozenset({"a", "tiene", "tem"})
_AGE_WORDS = frozenset(_wordlist("âgé âgée âgés âgées agé agée edad idade"))
_ABOUT_WORDS = frozenset(
    _wordlist("""
    about around maybe only just like barely probably roughly approx approx. approximately
    actually really now still already perhaps environ peut-être maximum max unos unas apenas
    quizás como uns umas talvez""")
)
_ABOUT_PAIRS = frozenset(
    _wordlist("""i+think i'd+say i+swear at+most at+least not+even à+peine cerca+de más+de mais+de
    menos+de""")
)
_APPROX = frozenset({"about", "maybe", "around", "roughly", "perhaps", "approximately"})
_CHILD_DE = frozenset(
    _wordlist("""
    niña niño niñas niños chica chico chicas chicos hija hijo hijas hijos muchacha muchacho
    menina menino meninas meninos garota garoto filha filho fille filles garçon garçons gamin
    gamine enfant enfants ado adolescente adolescentes""")
)
_CONNECTORS = frozenset({",", "and", "or", "to", "y", "e", "et", "ou", "o", "a", "à", "-", "/"})
_UNIT_AFTER = re.compile(rf"\s*(?:-\s*)?{_UNIT}")
_BAD_AFTER = re.compile(
    r"\s*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|am|pm|a\.m|p\.m|h\b|"
    r"kg|km|kms|miles?|m\b|metres?|meters?|cm|feet|ft|foot|yards?|blocks?|streets?|doors?|"
    r"houses?|floors?|o'?clock|euros?|dollars?|pounds?|quid|times|people|men|women|girls|boys|"
    r"kids|children|others|of\s+them|€|\$|£|/|:|\.\d|,\d|-\s*something|\d|-\d)"
)
_APPOSITION_END = re.compile(r"\s*(?:[,.)]|and\b|or\b|$)")
_DE_BLOCKERS = re.compile(r"\s*(?:de|del|da|do|des|du|ans|años|anos|\d)\b")
_PAREN = re.compile(
    r"\((?:about|maybe|approx\.?|around|aged?)?\s*(?P<p>\d{1,2})\s*(?:\?|i\s+think|or\s+so|ish|"
    r"-ish|y/?o|yrs?|ans|años|anos)?\s*\)(?!\s*[\d(])"
)
# Numbers of one or two digits, not after ".,/:_" (decimals, dates, times,
# identifiers). The pattern opens with a character class, which the search
# skips to in C; opening with the look-behind, it would be tried everywhere.
_DIGITS = re.compile(r"\d(?<![\d.,/:_].)\d?(?!\d)")
# Number words that are also articles ("un homme", "um dos"): ages only before "ans"/"anos".
_ARTICLES = frozenset({"un", "une", "uno", "una", "um", "uma", "dos", "one", "duas"})
_STRIP = ",.;:!?()[]\"'«»“”"


@lru_cache(maxsize=512)
def _words_pattern(first_words: tuple[str, ...]) -> re.Pattern:
    """The number phrases starting with these words (those a text contains)."""
    phrases = {p for w in first_words for p in _PHRASES[w]}
    numbers = "|".join(
        re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{numbers})(?!\w)")


# Durations and sentences: "for 3 years", "depuis 2 ans", "hace 5 años", "há 3 anos".
_DURATION_BEFORE = re.compile(
    r"(?:\b(?:for|during|over|since|past|last|next|in|within|after|ago|depuis|pendant|durant|"
    r"il\s+y\s+a|y\s+a|dans|après|en|hace|durante|por|después\s+de|desde|há|ha|faz|após|"
    r"depois\s+de|em|dès|tous\s+les|todos\s+los|todos\s+os|cada|every|each)\s+"
    r"(?:(?:about|around|almost|nearly|over|more\s+than|plus\s+de|unos|unas|uns|umas|casi|"
    r"quase|presque|environ|cerca\s+de|más\s+de|mais\s+de|the)\s+)*)$"
)
# "desde los 8 años", "from the age of 8": an age after all.
_FROM_AGE = re.compile(r"(?:desde|a\s+partir\s+de)\s+(?:los|las|os|as)\s+$|age\s+of\s+$")
_DURATION_AFTER = re.compile(
    r"\s*(?:ago|later|de\s+prison|de\s+cárcel|de\s+prisión|de\s+prisão|de\s+cadeia|"
    r"d'expérience|de\s+experiencia|de\s+experiência|plus\s+tard|después|más\s+tarde|"
    r"depois|mais\s+tarde|atrás|atras|of\s+(?:prison|jail|experience)|min\b|minimum|mínimo)"
)
_MAX_AGE = 99


def find_ages(text: str) -> list[tuple[int, int, str]]:
    low = lower_same_length(text)  # same positions; the patterns are lower-case
    anchors = _numbers(low, word_set(text))
    found: dict[tuple[int, int], int] = {}
    for index, (start, end, years) in enumerate(anchors):
        kind = _age_context(low, start, end, years)
        if kind is None:
            continue
        found[(start, end)] = years
        # "entre 14 y 16 años", "9 and 11": a number joined to an age is one too.
        if kind == "unit" and index > 0:
            _join(low, anchors[index - 1], (start, end), found, anchors[index - 1])
        if kind != "unit" and index + 1 < len(anchors):
            nxt = anchors[index + 1]
            if not _BAD_AFTER.match(low, nxt[1]) and low[nxt[0] : nxt[1]] not in _ARTICLES:
                _join(low, (start, end), nxt, found, nxt)
    for m in _PAREN.finditer(low) if "(" in low else ():
        years = int(m.group("p"))
        if 0 < years <= _MAX_AGE and not _spelled_digits_follow(low, m.end()):
            found[m.span("p")] = years
    return [(start, end, str(years)) for (start, end), years in sorted(found.items())]


def _numbers(low: str, words: frozenset[str]) -> list[tuple[int, int, int]]:
    """(start, end, value) of each 1–2 digit number and spelled number 1–25."""
    anchors = []
    for m in _DIGITS.finditer(low):
        start, end = m.span()
        glued = (start > 0 and low[start - 1].isalpha()) or (end < len(low) and low[end].isalpha())
        if glued and not _UNIT_AFTER.match(low, end):  # "14yo" is fine, "ab12" is not
            continue
        value = int(m.group())
        if 0 < value <= _MAX_AGE:
            anchors.append((start, end, value))
    present = _FIRST_WORDS.intersection(words)
    if present:
        pattern = _words_pattern(tuple(sorted(present)))
        for m in matches_starting_with(pattern, low, present):
            value = _years(m.group())
            if value is not None and value <= 25:
                anchors.append((m.start(), m.end(), value))
        anchors.sort()
    return anchors


def _age_context(low: str, start: int, end: int, years: int) -> str | None:
    """Why the number at start:end is a person's age ("unit", "context"), or None."""
    unit = _UNIT_AFTER.match(low, end)
    if unit:
        return None if _is_duration(low, start, unit.end()) else "unit"
    if _BAD_AFTER.match(low, end) or low[start:end] in _ARTICLES:
        return None
    raw = low[max(0, start - 70) : start]
    tokens = raw.split()[-10:]
    words = [t.strip(_STRIP) for t in tokens]
    approx = 0
    while words:
        if "+".join(words[-2:]) in _ABOUT_PAIRS:
            words = words[:-2]
        elif words[-1] in _ABOUT_WORDS:
            words = words[:-1]
        else:
            break
        approx += 1
    w1 = words[-1] if words else ""
    w2 = words[-2] if len(words) > 1 else ""
    w3 = words[-3] if len(words) > 2 else ""
    if w1 in _VERBS or (w1 in _BE and (w2 in _SUBJECTS or approx)):
        return "context"
    if w1.endswith(("'s", "’s")) and w1[:-2] in _SUBJECTS:
        return "context"
    if w1 in _HAS and (w2 in _THIRD_PERSON or (w2 == "en" and w3 in _THIRD_PERSON)):
        return "context"
    if w1 in _AGE_WORDS or (w1 == "de" and w2 in _AGE_WORDS):
        return "context"
    if w1 == "than" and w2 in ("more", "older") and w3 == "be":
        return "context"
    if w1 == "of" and w2 in _PEOPLE:
        return "context"
    if approx and _said_approximately(tokens, approx) and any(w in _PEOPLE for w in words[-8:]):
        return "context"
    if (w1 == "de" and w2 in _CHILD_DE) or (
        w2 == "de" and w1 in ("unos", "unas", "uns", "umas") and w3 in _CHILD_DE
    ):
        return None if _DE_BLOCKERS.match(low, end) or years > 25 else "context"
    appositive = raw.rstrip().endswith(",") and _APPOSITION_END.match(low, end)
    if appositive and any(w in _PEOPLE for w in words[-8:]):
        return "context"
    return None


def _said_approximately(tokens: list[str], approx: int) -> bool:
    """ "two boys about 12", "kid, maybe 10": a person, then an estimate."""
    tail = tokens[-approx - 2 :]
    return any(t.strip(_STRIP) in _APPROX or t in ("think", "say") for t in tail)


def _join(low: str, first, second, found: dict, anchor) -> None:
    gap = low[first[1] : second[0]].strip()
    if (gap in _CONNECTORS or gap == "") and 0 < second[0] - first[1] <= 6:
        found[(anchor[0], anchor[1])] = anchor[2]


def _spelled_digits_follow(low: str, end: int) -> bool:
    """ "(21) nove oito sete…": an area code, not an age."""
    following = low[end : end + 12].split()
    return bool(following) and following[0].strip(",.-") in DIGIT_WORDS


def _years(number: str) -> int | None:
    if number.isdigit():
        years = int(number)
    else:
        years = NUMBER_WORDS.get(_SEPARATORS.sub(" ", number))
        if years is None:
            years = NUMBER_WORDS.get(_SPACES.sub("-", number.strip()))
        if years is None:
            return None
    return years if 0 < years <= _MAX_AGE else None


_SEPARATORS = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")


def _is_duration(low: str, start: int, end: int) -> bool:
    if _DURATION_AFTER.match(low, end):
        return True
    before = low[max(0, start - 30) : start]
    if _FROM_AGE.search(before):
        return False
    return bool(_DURATION_BEFORE.search(before))
