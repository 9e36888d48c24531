"""Languages a service works in: short lists of ISO 639-1 codes, stored as "en,fr"."""

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LANGUAGES = 12
SEPARATORS = str.maketrans({";": ",", " ": ",", "/": ","})


def language_name(code: str) -> str:
    language = pycountry.languages.get(alpha_2=code)
    return language.name if language else code


def all_languages() -> list[tuple[str, str]]:
    """Every ISO 639-1 language as (code, English name), by name."""
    languages = [
        (lang.alpha_2, lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2")
    ]
    return sorted(languages, key=lambda pair: pair[1])


def split_codes(value: str) -> list[str]:
    """The codes in a list typed by a person ("EN, fr; ar"), lower-cased, each once, in order."""
    codes = []
    for part in (value or "").translate(SEPARATORS).split(","):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def unknown_codes(codes: list[str]) -> list[str]:
    return [code for code in codes if pycountry.languages.get(alpha_2=code) is None]


def validate_language_codes(value: str) -> None:
    """A stored list: distinct lower-case ISO 639-1 codes joined by commas, e.g. "en,fr"."""
    codes = value.split(",") if value else []
    if len(codes) > MAX_LANGUAGES:
        raise ValidationError(
            _("List at most %(limit)d languages."), params={"limit": MAX_LANGUAGES}
        )
    bad = [code for code in codes if code != code.strip().lower()] + unknown_codes(codes)
    if bad or len(set(codes)) != len(codes):
        raise ValidationError(
            _("Write distinct two-letter ISO 639-1 codes separated by commas, e.g. “en,fr”."),
        )
