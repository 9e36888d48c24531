"""Property tests: any text at all, extraction never fails and its spans hold."""

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.triage.entities import extract_entities

PLACES = (("XV-NO", "Norte"), ("BR-SP", "São Paulo"))
# Pieces that steer random text towards the extractors' hard cases.
PIECES = [
    "07700 900123", "+44 (0) 7700 900123", "zero seven seven", "oh", "five0five", "9OO",
    "٠٧٧٠٠", "۰۹۱۴", "0️⃣", "📞", "@lily_x", "IG:", "snap", "jane at example dot com",
    "x@example.com", "www.example.org/", "reg KX19 HBN", "$cash", "14 yo", "she is fifteen",
    "quinze ans", "13 años", "de 15 anos", "12/03/2024", "21:30", "€300", "e\u0301", "İ",
    "\u200f", "\n", "(", ")", "Norte", "SAO PAULO", "bc1q", "0x", "GB82 WEST",
]  # fmt: skip
text_strategy = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(PIECES)), max_size=25).map(
    " ".join
)
countries = st.sampled_from(["", "GB", "US", "FR", "ES", "PT", "BR", "XV", "ZZ", "ma"])


def fictional_or_valid(e164: str) -> bool:
    number = phonenumbers.parse(e164, None)
    is_drama = e164.startswith("+447700900") and len(e164) == 13  # Ofcom's range for fiction
    return phonenumbers.is_valid_number(number) or is_drama


@settings(max_examples=300, deadline=None)
@given(text=text_strategy, country=countries)
def test_extraction_never_fails_and_every_span_is_the_value(text, country):
    entities = extract_entities(text, country, PLACES)
    for entity in entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.value
        if entity.kind == "phone":
            assert entity.normalized.startswith("+")
            assert fictional_or_valid(entity.normalized)
        if entity.kind == "age":
            assert entity.normalized.isdigit()
    assert len(set(entities)) == len(entities)
    assert [e.start for e in entities] == sorted(e.start for e in entities)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_unicode_text_at_all_is_accepted(text):
    for entity in extract_entities(text, "GB"):
        assert text[entity.start : entity.end] == entity.value
