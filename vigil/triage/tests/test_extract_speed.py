"""The shortcuts that keep extraction fast find exactly what a full search finds.

The speed itself is measured in benchmarks/triage.py, not asserted here.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.triage import ages, identifiers, phones
from vigil.triage.obfuscation import digit_view
from vigil.triage.phones import find_phones
from vigil.triage.scanning import matches_starting_with


def test_it_still_finds_a_phone_beside_a_masked_address_far_from_the_digits():
    # The candidate search is skipped after masking when no digit is near a
    # masked span; a number next to one must still be masked correctly.
    text = "mail jane.doe@example.com about the job, then call 07700 900123"
    assert [e for _, _, e in find_phones(text, "GB", [(5, 25)])] == ["+447700900123"]
    glued = "write to 07700900123@example.com"
    assert find_phones(glued, "GB", [(9, 32)]) == []


# The shortcuts must find exactly what the full searches find: random text
# built from the characters and pieces the patterns care about.
SHORTCUT_PIECES = [
    "AB12 CDE", "AB-123-CD", "AB 123 CD", "1234 BCD", "12-AB-34", "ABC1D23", "1-ABC-234",
    "GB82 WEST 1234 5698 7654 32", "٠٧٧", "١٢٣", "\u00a0", "\u2009", "–", "+44", "(0)",
    "07700 900123", "fifteen", "quinze", "dix-sept", "vinte e um", "tik tok", "insta", "reg",
    "plate", "immatriculée", "number plate", "@x", "Sé", "İ", "#", "AB ١٢٣ CD", "AB١٢\u00a0CDE",
]  # fmt: skip
shortcut_text = st.lists(
    st.one_of(
        st.text(alphabet="ABCD12 -x٢٣\u00a0+(#é", max_size=8), st.sampled_from(SHORTCUT_PIECES)
    ),
    max_size=20,
).map(lambda parts: "".join(parts))


@settings(max_examples=400, deadline=None)
@given(shortcut_text)
def test_its_byte_shape_never_rules_out_a_plate_or_an_iban(text):
    shape = identifiers.text_shape(text)
    if identifiers._PLATE_PATTERNS.search(text):
        assert identifiers._PLATE_SHAPE.search(shape)
    if identifiers._IBAN.search(text):
        assert identifiers._IBAN_SHAPE.search(shape)


@settings(max_examples=400, deadline=None)
@given(shortcut_text)
def test_its_candidate_search_finds_what_the_full_search_finds(text):
    view = digit_view(text)
    expected = [
        m.span() for m in phones._CANDIDATE.finditer(view) if phones._digit_count(m.group()) >= 7
    ]
    assert [m.span() for m in phones._candidates(view)] == expected


@settings(max_examples=400, deadline=None)
@given(shortcut_text)
def test_its_word_start_search_finds_what_finditer_finds(text):
    low = text.lower()
    keywords = identifiers._PLATE_KEYWORD
    firsts = list(identifiers._PLATE_HINTS) + identifiers._PLATE_FIRST_WORDS
    assert [m.span() for m in matches_starting_with(keywords, low, firsts)] == [
        m.span() for m in keywords.finditer(low)
    ]
    numbers = ages._words_pattern(tuple(sorted(ages._FIRST_WORDS)))
    assert [m.span() for m in matches_starting_with(numbers, low, ages._FIRST_WORDS)] == [
        m.span() for m in numbers.finditer(low)
    ]
