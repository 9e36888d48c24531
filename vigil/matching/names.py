"""Names as matching reads them: one script, one spelling per name, a sound key.

A child's name reaches Vigil written by different people in different scripts:
an officer at a border writes "Мухаммед", a shelter "Mohamed", a school
"Muhammad". Matching compares what is left once those differences are gone.
"""

import re
import unicodedata
from functools import cache
from importlib import resources

from anyascii import anyascii

_NOT_LETTER = re.compile(r"[^a-z]+")
# anyascii writes a word-initial hamza or ayn as ' or `, where Latin spellings
# write a vowel: "أحمد" is "'hmd", "Ahmed" in Latin.
_INITIAL_GLOTTAL = re.compile(r"(?<![a-z])['`]+(?=[a-z])")
_SPACES = re.compile(r"[^a-z0-9]+")
# Spellings that several transliteration systems write differently for one sound.
_SOUNDS = (
    ("dzh", "j"),
    ("tch", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "s"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("dj", "j"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("v", "f"),
)
_VOWELS = set("aeiou")
# Written in Latin only where a vowel is: Arabic and Cyrillic transliterations
# use them for long vowels that other spellings leave out.
_SEMIVOWELS = set("wy")


def plain(text: str | None) -> str:
    """Lower-case Latin letters, digits and single spaces, whatever the script."""
    if not text:
        return ""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    ascii_text = _INITIAL_GLOTTAL.sub("a", ascii_text)
    # Inside a word an apostrophe marks a soft sign or a glottal stop, not a break.
    ascii_text = ascii_text.replace("'", "").replace("`", "")
    return _SPACES.sub(" ", ascii_text).strip()


def tokens(text: str | None) -> list[str]:
    """The words of a name, each in plain letters (digits and marks dropped)."""
    words = (_NOT_LETTER.sub("", word) for word in plain(text).split())
    return [word for word in words if word]


@cache
def _variants() -> dict[str, str]:
    spelling_to_name: dict[str, str] = {}
    text = resources.files("vigil.matching").joinpath("data/name_variants.txt").read_text()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        group = [_NOT_LETTER.sub("", plain(word)) for word in line.split(",")]
        for spelling in group:
            # A spelling listed in two groups keeps the first: lines are in
            # order of how often the project meets them.
            spelling_to_name.setdefault(spelling, group[0])
    return spelling_to_name


@cache
def canonical(word: str) -> str:
    """The form a spelling or short form of a given name is read as."""
    return _variants().get(word, word)


@cache
def sound_key(word: str) -> str:
    """Consonant skeleton of a name, so that spellings from any script meet.

    "Muhammad", "Mohamed", "Mukhammed" and the Arabic-script "mhmd" all give
    "mhmd": vowels after the first letter (which Arabic leaves unwritten) are
    dropped, sounds that transliteration systems spell differently are
    folded, doubles collapse.
    """
    word = canonical(word)
    for spelling, sound in _SOUNDS:
        word = word.replace(spelling, sound)
    if len(word) > 2 and word.endswith("h"):
        # The Arabic ta marbuta: "Fatimah" and "Fatima" are one name.
        word = word[:-1]
    kept = []
    for position, letter in enumerate(word):
        if position and (letter in _VOWELS or letter in _SEMIVOWELS):
            continue
        if kept and kept[-1] == letter:
            continue
        kept.append(letter)
    return "".join(kept) or word[:1]


def name_words(text: str | None) -> list[str]:
    """The canonical words of a name as it was written."""
    return [canonical(word) for word in tokens(text)]
