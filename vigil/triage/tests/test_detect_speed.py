"""The shortcuts that keep indicator detection fast judge exactly as the full look does.

The speed itself is measured in benchmarks/triage.py, not asserted here.
"""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from vigil.triage.indicators import Catalogue, IndicatorSpec, _beginnings, detect_indicators
from vigil.triage.negation import ALL_LANGUAGES, CueScreen, cue_before_any, fold
from vigil.triage.word_rules import words_of

# Cue words, pseudo-negations, beliefs, apostrophes, underscores, currency and
# long words: what the screen must see through or send to the full look.
CUE_PIECES = [
    "no", "not", "not only", "no doubt", "nothing", "isn't", "don't", "n'a", "ne", "pas",
    "sin duda", "não", "nao so", "if", "in case", "in", "a lo mejor", "a", "e se", "e",
    "si", "se", "caso", "o caso", "por si", "could be", "could", "tal vez", "rumours",
    "I don't think", "think", "reason", "but", ",", ".", "(", "\n", "'", "_", "$", "€",
    "no_", "x'no", "l'", "d'une", "she", "her passport", "locked", "minor", "Sí", "İ",
    "verylongwordthatrunspastthefortycharacterlimitforsure", "the", "de", "elle",
]  # fmt: skip
cue_text = st.lists(
    st.one_of(st.sampled_from(CUE_PIECES), st.text(alphabet="ab '_,.", max_size=4)),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(cue_text, st.sampled_from([ALL_LANGUAGES, ("en",), ("fr",), ("es",), ("pt",)]))
# The look after a mention stops 40 characters on: "ouvert" cut to "ou" makes "au cas ou".
@example("au cas" + " " * 35 + "ouvert", ("fr",))
def test_it_rules_out_a_cue_only_where_the_full_look_finds_none(text, languages):
    folded = fold(text)
    screen = CueScreen(folded, text, words_of(folded))
    for start in range(len(folded) + 1):
        assert screen.cue_before(start, languages) == cue_before_any(folded, start, languages, text)


def test_it_tries_a_word_pattern_only_where_the_whole_word_is_there():
    beginnings, whole_words = _beginnings(r"\b(?:a|avait|ont) l'air jeune")
    assert beginnings == {"a", "avai", "ont"}
    assert whole_words == {"a", "ont"}
    catalogue = Catalogue(
        1, [IndicatorSpec("young", "Young", 3, True, (("fr", r"\b(?:a|ont) l'air jeune"),))]
    )
    assert [d.code for d in detect_indicators("elle a l'air jeune", catalogue)] == ["young"]
    assert detect_indicators("elle aa l'air jeune", catalogue) == []


def test_it_still_drops_a_negated_mention_when_the_words_have_apostrophes():
    catalogue = Catalogue.from_file()
    assert detect_indicators("I don't think they took her passport", catalogue) == []
    found = detect_indicators("They took her passport, that's what she said", catalogue)
    assert [d.code for d in found] == ["confiscated-documents"]
