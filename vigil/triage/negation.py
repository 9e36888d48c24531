"""Is a mention negated or only supposed? Cue words near it, in the same clause.

"No sign of injuries", "she is not a minor", "I don't think they took her
passport", "if she were underage": a pattern matches, but the report does not
say it happened. A cue (negation or hypothetical) in the few words before the
mention, without a clause break ("but", a full stop, ", he …") in between,
drops it. Pseudo-negations ("not only", "no doubt", "sans doute", "sin duda",
"não só") do not.

Everything here works on folded text (lower case, accents removed, curly
apostrophes straightened) of the same length as the original, so offsets stay
valid; `fold` does it and is cheap on text that is folded already.
"""

import bisect
import re
import unicodedata
from collections.abc import Callable

WINDOW_TOKENS = 5  # how far back a cue reaches
LOOKBACK_CHARS = 160  # how much text before a mention is searched for its clause
AFTER_CHARS = 40  # how much text after a mention gives its first words context


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) > 1 and decomposed[0].isascii():
            table[code] = decomposed[0].lower()
    for quote in "\u2019\u2018\u02bc\u00b4\u0060":
        table[ord(quote)] = "'"
    return table


FOLD_TABLE = _fold_table()
_FOLDABLE = re.compile("[" + "".join(map(chr, sorted(FOLD_TABLE))) + "]")


def _fold_one(match: re.Match) -> str:
    return FOLD_TABLE[ord(match.group())]


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets are kept."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few characters lower-case to two ("İ"); keep those as they are.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if lowered.isascii():
        return lowered
    # Only the few accented characters are looked up (str.translate would look up every one).
    return _FOLDABLE.sub(_fold_one, lowered)


TOKEN = re.compile(r"\w+(?:'\w+)*")

# Where a clause ends: sentence punctuation, a contrast ("but" and its translations),
# or a new subject after a comma or "and" ("no passport, he keeps it").
_BREAK_CHARS = frozenset('.!?;:\n\r\u2026()[]"\u00ab\u00bb\u201c\u201d\u2013\u2014')
_CONTRASTS = frozenset(
    [
        "but",
        "however",
        "although",
        "though",
        "whereas",
        "mais",
        "cependant",
        "pourtant",
        "toutefois",
        "pero",
        "sino",
        "aunque",
        "mas",
        "porem",
        "contudo",
        "entretanto",
        "todavia",
    ]
)
_TWO_WORD_CONTRASTS = frozenset({("alors", "que"), ("sin", "embargo"), ("no", "entanto")})
_ANDS = frozenset(["and", "et", "y", "e"])
_SUBJECTS = frozenset(
    [
        "he",
        "she",
        "they",
        "i",
        "we",
        "you",
        "his",
        "her",
        "their",
        "the",
        "someone",
        "somebody",
        "il",
        "elle",
        "ils",
        "elles",
        "je",
        "on",
        "nous",
        "son",
        "sa",
        "ses",
        "leur",
        # French articles: ", la dame a son passeport" starts a new clause.
        "le",
        "la",
        "les",
        "leurs",
        "el",
        "ella",
        "ellos",
        "ellas",
        "yo",
        "los",
        "las",
        "su",
        "sus",
        "ele",
        "ela",
        "eles",
        "elas",
        "eu",
        "os",
        "seu",
        "sua",
        "seus",
        "suas",
    ]
)


def _is_break(gap: str) -> bool:
    return any(char in _BREAK_CHARS for char in gap) or " - " in gap


# A clause window holds at most WINDOW_TOKENS + 3 words: this much text before a
# mention nearly always has them, so the full LOOKBACK_CHARS is read only when not.
_NEAR_CHARS = 80


def _window(text: str, low: int, position: int, *, commas: bool = False) -> list[re.Match]:
    """The words of the clause that ends at `position`, at most a few, nearest last.

    `text` is folded. With `commas`, any comma also ends the clause (used inside a
    mention, where a negation does not reach past a comma).
    """
    near = position - _NEAR_CHARS
    if near > low:
        window = _clause(text, near, position, commas, whole=False)
        if window is not None:
            return window
    return _clause(text, low, position, commas, whole=True)


def _clause(text: str, low: int, position: int, commas: bool, whole: bool) -> list[re.Match] | None:
    """`_window` reading text[low:position]; when not `whole`, None if it reaches the
    first word read (which may be cut in half, or have more clause before it)."""
    tokens = list(TOKEN.finditer(text, low, position))
    if whole and low > 0 and tokens and tokens[0].start() == low and text[low - 1 : low].isalnum():
        tokens = tokens[1:]  # a word cut in half by the look-back limit
    following = TOKEN.match(text, position) or TOKEN.search(text, position, position + 20)
    next_word = following.group() if following else ""
    window: list[re.Match] = []
    for index in range(len(tokens) - 1, -1, -1):
        if index == 0 and not whole:
            return None
        token = tokens[index]
        gap = text[token.end() : window[0].start() if window else position]
        word = token.group()
        if _is_break(gap) or ("," in gap and (commas or next_word in _SUBJECTS)):
            break
        if word in _CONTRASTS or (word in _ANDS and next_word in _SUBJECTS):
            break
        if (word, next_word) in _TWO_WORD_CONTRASTS:
            window = window[1:]
            break
        window.insert(0, token)
        next_word = word
        if len(window) > WINDOW_TOKENS + 2:
            break
    else:
        if not whole:
            return None  # no word read at all: there may be some before
    return window


NEGATIONS = {
    "en": frozenset(
        [
            "no",
            "not",
            "never",
            "without",
            "none",
            "nobody",
            "noone",
            "nothing",
            "neither",
            "nor",
            "deny",
            "denies",
            "denied",
            "cannot",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "wasnt",
            "arent",
            "werent",
            "cant",
            "couldnt",
            "wont",
            "wouldnt",
            "hasnt",
            "havent",
            "hadnt",
        ]
    ),
    "fr": frozenset(
        ["ne", "pas", "aucun", "aucune", "jamais", "sans", "ni", "rien", "nul", "nulle", "non"]
    ),
    "es": frozenset(
        [
            "no",
            "nunca",
            "sin",
            "ningun",
            "ninguna",
            "ninguno",
            "tampoco",
            "nadie",
            "nada",
            "ni",
            "jamas",
            "niega",
            "nego",
        ]
    ),
    "pt": frozenset(
        [
            "nao",
            "nunca",
            "sem",
            "nenhum",
            "nenhuma",
            "ninguem",
            "nada",
            "nem",
            "jamais",
            "nega",
            "negou",
        ]
    ),
}

HYPOTHETICALS = {
    "en": (
        ("if",),
        ("whether",),
        ("might",),
        ("could", "be"),
        ("could", "have"),
        ("would",),
        ("in", "case"),
        ("suppose",),
        ("supposing",),
        ("imagine",),
        ("hypothetically",),
        ("unless",),
        ("perhaps",),
    ),
    "fr": (
        ("au", "cas", "ou"),
        ("en", "cas", "de"),
        ("pourrait",),
        ("pourraient",),
        ("peut", "etre"),
        ("supposons",),
        ("imaginons",),
    ),
    "es": (
        ("quizas",),
        ("quiza",),
        ("tal", "vez"),
        ("podria",),
        ("podrian",),
        ("en", "caso"),
        ("por", "si"),
        ("a", "lo", "mejor"),
        ("supongamos",),
    ),
    "pt": (
        ("talvez",),
        ("tal", "vez"),
        ("poderia",),
        ("poderiam",),
        ("pode", "ser"),
        ("sera", "que"),
        ("e", "se"),
        ("suponha",),
        ("imagine",),
    ),
}

# "si" / "se" are also "so" and the reflexive pronoun; "caso" is also "the case".
# They count as "if" only at the start of a clause or before a subject.
CONDITIONAL_WORDS = {"fr": "si", "es": "si", "pt": "se"}
_CONDITIONAL_NEXT = frozenset(
    [
        "elle",
        "il",
        "ils",
        "elles",
        "on",
        "je",
        "tu",
        "nous",
        "vous",
        "c'est",
        "ella",
        "el",
        "ellos",
        "ellas",
        "yo",
        "tu",
        "es",
        "era",
        "fuera",
        "fuese",
        "ela",
        "ele",
        "eles",
        "elas",
        "eu",
        "voce",
        "a",
        "o",
        "for",
        "fosse",
        "tiver",
        "tivesse",
        "estiver",
        "estivesse",
        "la",
        "le",
        "les",
        "un",
        "una",
        "une",
        "um",
        "uma",
    ]
)
# The words before "si"/"se" that make it "if" ("et si", "y si", "e se"), per language:
# Spanish "y se queda con" is not Portuguese "e se".
_CONDITIONAL_PREVIOUS = {
    "fr": frozenset(["et", "mais", "ou", "meme", "sais", "savoir", "demande", "demandait"]),
    "es": frozenset(["y", "pero", "o", "aun", "sabe", "saber", "pregunto", "preguntaron"]),
    "pt": frozenset(["e", "ou", "mas", "sei", "saber", "perguntou", "pergunto"]),
}
_CASE_DETERMINERS = frozenset(
    [
        "o",
        "um",
        "do",
        "no",
        "esse",
        "este",
        "neste",
        "nesse",
        "deste",
        "desse",
        "num",
        "pelo",
        "ao",
        "seu",
    ]
)

PSEUDO_NEGATIONS = {
    "en": (
        ("not", "only"),
        ("not", "just"),
        ("not", "to", "mention"),
        ("no", "doubt"),
        ("no", "wonder"),
        ("no", "matter"),
        ("nothing", "but"),
        ("never", "mind"),
        ("without", "a", "doubt"),
        ("without", "doubt"),
        ("if", "only"),
    ),
    "fr": (
        ("sans", "doute"),
        ("sans", "aucun", "doute"),
        ("non", "seulement"),
        ("pas", "seulement"),
        ("pas", "mal"),
        ("pas", "que"),
    ),
    "es": (
        ("sin", "duda"),
        ("sin", "ninguna", "duda"),
        ("no", "solo"),
        ("no", "solamente"),
        ("no", "cabe", "duda"),
        ("no", "hay", "duda"),
        ("nada", "mas"),
    ),
    "pt": (
        ("nao", "so"),
        ("nao", "apenas"),
        ("nao", "somente"),
        ("sem", "duvida"),
        ("sem", "nenhuma", "duvida"),
        ("nao", "ha", "duvida"),
        ("nao", "tem", "duvida"),
    ),
}


def _starts(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def _by_first_word(phrases: dict) -> dict:
    index: dict = {}
    for language, items in phrases.items():
        for phrase in items:
            index.setdefault(language, {}).setdefault(phrase[0], []).append(phrase)
    return index


_PSEUDO_BY_WORD = _by_first_word(PSEUDO_NEGATIONS)
_HYPOTHETICAL_BY_WORD = _by_first_word(HYPOTHETICALS)
_NOTHING: dict = {}


def cue_at(words: list[str], i: int, language: str, original: str = "") -> str | None:
    """The kind of cue ("negation", "hypothetical") word i starts, or None.

    `words` are folded tokens with their context on both sides; `original` is
    word i as written (to tell Spanish "sí", yes, from "si", if).
    """
    word = words[i]
    for phrase in _PSEUDO_BY_WORD.get(language, _NOTHING).get(word, ()):
        if _starts(words, i, phrase):
            return None
    if word in NEGATIONS.get(language, ()):
        return "negation"
    if language == "en" and word.endswith("n't"):
        return "negation"
    if language == "fr" and word.startswith("n'"):
        return "negation"
    for phrase in _HYPOTHETICAL_BY_WORD.get(language, _NOTHING).get(word, ()):
        if _starts(words, i, phrase):
            return "hypothetical"
    if word == CONDITIONAL_WORDS.get(language) and original.lower() != "sí":
        previous = words[i - 1] if i > 0 else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            not previous
            or previous in _CONDITIONAL_PREVIOUS[language]
            or following in _CONDITIONAL_NEXT
        ):
            return "hypothetical"
    if language == "pt" and word == "caso":
        previous = words[i - 1] if i > 0 else ""
        if previous not in _CASE_DETERMINERS:
            return "hypothetical"
    return None


def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` begins, as far back as a cue could reach."""
    folded = fold(text)
    window = _window(folded, max(0, position - LOOKBACK_CHARS), position)
    return window[0].start() if window else position


def cue_before(text: str, start: int, language: str, original: str = "") -> str | None:
    """The cue word that negates or supposes a mention beginning at `start`, if any."""
    original = original or text
    text = fold(text)
    # The whole clause window gives each word its neighbours; cues count in the last few.
    before = _window(text, max(0, start - LOOKBACK_CHARS), start)
    after = list(TOKEN.finditer(text, start, min(len(text), start + 40)))[:3]
    tokens = before + after
    words = [m.group() for m in tokens]
    for i in range(max(0, len(before) - WINDOW_TOKENS), len(before)):
        written = original[tokens[i].start() : tokens[i].end()]
        if cue_at(words, i, language, written):
            return words[i]
    return None


# Every word that can start a cue in some language: a span without one needs no closer look.
CUE_WORDS = frozenset(
    [word for words in NEGATIONS.values() for word in words]
    + [phrase[0] for phrases in HYPOTHETICALS.values() for phrase in phrases]
    + list(CONDITIONAL_WORDS.values())
    + ["caso"]
)


def may_hold_cue(folded: str, start: int, end: int) -> bool:
    for token in TOKEN.finditer(folded, start, end):
        word = token.group()
        if word in CUE_WORDS or word.endswith("n't") or word.startswith("n'"):
            return True
    return False


def cue_before_any(
    folded: str, start: int, languages: tuple[str, ...], original: str = ""
) -> str | None:
    """Like `cue_before` on folded text, for several languages at once (one clause window)."""
    original = original or folded
    before = _window(folded, max(0, start - LOOKBACK_CHARS), start)
    if not before:
        return None
    after = list(TOKEN.finditer(folded, start, min(len(folded), start + AFTER_CHARS)))[:3]
    tokens = before + after
    words = [m.group() for m in tokens]
    for i in range(max(0, len(before) - WINDOW_TOKENS), len(before)):
        if not _may_cue(words[i]):
            continue  # most words cannot start a cue: skip the per-language look
        written = original[tokens[i].start() : tokens[i].end()]
        for language in languages:
            if cue_at(words, i, language, written):
                return words[i]
    if _FRAMES.isdisjoint(words):
        return None
    return _negated_belief(words, len(before), languages, original, tokens)


def _may_cue(word: str) -> bool:
    return word in CUE_WORDS or word.endswith("n't") or word.startswith("n'")


_JOINS_OR_SIGNS = re.compile("['$\u20ac\u00a3]")
_SIGNS = frozenset("$\u20ac\u00a3")


def _join_apostrophes(folded: str, words: list[str], starts: list[int], ends: list[int]):
    """TOKEN's words from word_rules.words_of's, for text without underscores."""
    if not _HAS_SIGN.search(folded):
        return _join_at_apostrophes(folded, words, starts, ends)
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    for word, start, end in zip(words, starts, ends, strict=True):
        if word in _SIGNS:
            continue
        if out_ends and out_ends[-1] == start - 1 and folded[start - 1] == "'":
            out_ends[-1] = end
            out_words[-1] = folded[out_starts[-1] : end]
        else:
            out_words.append(word)
            out_starts.append(start)
            out_ends.append(end)
    return out_words, out_starts, out_ends


_HAS_SIGN = re.compile("[$\u20ac\u00a3]")


def _join_at_apostrophes(folded: str, words: list[str], starts: list[int], ends: list[int]):
    """`_join_apostrophes` for text without currency signs, looking only at its apostrophes."""
    joined = []  # words that continue the one before across an apostrophe ("n" + "a" in "n'a")
    position = folded.find("'")
    while position >= 0:
        k = bisect.bisect_left(starts, position + 1)
        if k and k < len(starts) and starts[k] == position + 1 and ends[k - 1] == position:
            joined.append(k)
        position = folded.find("'", position + 1)
    if not joined:
        return words, starts, ends
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    previous = 0
    for k in joined:
        out_words += words[previous:k]
        out_starts += starts[previous:k]
        out_ends += ends[previous:k]
        out_ends[-1] = ends[k]
        out_words[-1] = folded[out_starts[-1] : ends[k]]
        previous = k + 1
    out_words += words[previous:]
    out_starts += starts[previous:]
    out_ends += ends[previous:]
    return out_words, out_starts, out_ends


class CueScreen:
    """`cue_before_any` for many mentions of one folded text, most ruled out at a glance.

    The text's words are read once and each marked when it could be a cue in
    some language (a superset of what `cue_at` finds). A mention with no such
    word among the last words before it, no belief or rumour word in its
    window, and no word cut by the window's limits has no cue: `cue_before_any`
    would say None. Otherwise it is asked, so the answer is always the same.
    Most mentions are ruled out; a tip's words are not tokenised once per mention.
    """

    __slots__ = ("folded", "original", "_starts", "_ends", "_cue", "_frame", "_seen")

    def __init__(self, folded: str, original: str = "", words_of_text=None):
        """`words_of_text`: word_rules.words_of(folded), when the caller has it already."""
        self.folded = folded
        self.original = original or folded
        if words_of_text is not None and "_" not in folded:
            # Without underscores, TOKEN's words are these, less the currency signs,
            # joined across single apostrophes ("don't", "n'a").
            words, self._starts, self._ends = words_of_text
            if _JOINS_OR_SIGNS.search(folded):
                words, self._starts, self._ends = _join_apostrophes(folded, *words_of_text)
        else:
            tokens = list(TOKEN.finditer(folded))
            words = list(map(re.Match.group, tokens))
            self._starts = list(map(re.Match.start, tokens))
            self._ends = list(map(re.Match.end, tokens))
        count = len(words)
        self._cue = cue = [False] * count
        self._frame = frame = [False] * count
        # Few words are cues or frames: find them by set, then mark only those.
        special = _SPECIAL_WORDS.intersection(words)
        if "'" in folded:
            marked = [i for i, word in enumerate(words) if word in special or "'" in word]
        elif special:
            marked = [i for i, word in enumerate(words) if word in special]
        else:
            marked = ()
        for i in marked:
            word = words[i]
            cue[i] = (
                word in _ALWAYS_POSSIBLE
                or (word in _PHRASE_STARTS and _phrase_follows(words, i))
                or ("'" in word and (word.endswith("n't") or word.startswith("n'")))
            )
            frame[i] = word in _FRAMES
        self._seen: dict[tuple[int, frozenset], str | None] = {}

    def clear(self, start: int) -> bool:
        """True when no cue can precede a mention at `start` (in any language)."""
        starts, ends = self._starts, self._ends
        k = bisect.bisect_left(starts, start)  # the first word at or after the mention
        if k and ends[k - 1] > start:
            return False  # the mention starts inside a word
        first = max(0, k - (WINDOW_TOKENS + 3))  # a window holds at most this many words
        if first < k and starts[first] < start - LOOKBACK_CHARS:
            return False  # the look-back limit may cut a word
        limit = start + AFTER_CHARS
        for j in range(k, min(k + 3, len(starts))):
            if ends[j] > limit:
                return False  # the words after the mention are cut short
        if any(self._cue[max(first, k - WINDOW_TOKENS) : k]):
            return False  # a possible cue among the last words before the mention
        return not any(self._frame[first:k])  # a belief or rumour frames the whole clause

    def cue_before(self, start: int, languages: tuple[str, ...]) -> str | None:
        """`cue_before_any(folded, start, languages, original)`, remembered per mention."""
        if self.clear(start):
            return None
        key = (start, frozenset(languages))
        if key not in self._seen:
            self._seen[key] = cue_before_any(self.folded, start, languages, self.original)
        return self._seen[key]


# Words that may be a cue whatever surrounds them (a superset of what `cue_at`
# finds: pseudo-negations such as "not only" are not told apart, which only
# sends a few more mentions to the full look), and the first words of longer
# hypotheticals ("in case", "a lo mejor"), a cue only when the rest follows.
_ALWAYS_POSSIBLE = frozenset(
    [word for words in NEGATIONS.values() for word in words]
    + [phrase[0] for phrases in HYPOTHETICALS.values() for phrase in phrases if len(phrase) == 1]
    + list(CONDITIONAL_WORDS.values())
    + ["caso"]
)
_PHRASE_STARTS: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrases in HYPOTHETICALS.values():
    for _phrase in _phrases:
        if len(_phrase) > 1 and _phrase[0] not in _ALWAYS_POSSIBLE:
            _PHRASE_STARTS[_phrase[0]] = (*_PHRASE_STARTS.get(_phrase[0], ()), _phrase[1:])


def _phrase_follows(words: list[str], i: int) -> bool:
    return any(tuple(words[i + 1 : i + 1 + len(rest)]) == rest for rest in _PHRASE_STARTS[words[i]])


# "I have no reason to think they are locked in": a negated belief covers the
# clause it introduces, however long the way to the mention.
BELIEFS = frozenset(
    [
        "think",
        "believe",
        "suspect",
        "reason",
        "penser",
        "pense",
        "crois",
        "croire",
        "raison",
        "creo",
        "cree",
        "creer",
        "pienso",
        "piensa",
        "pensar",
        "razon",
        "motivo",
        "acho",
        "acha",
        "achar",
        "creio",
        "penso",
        "pensar",
        "razao",
    ]
)


# "Rumours that she was going to be married": hearsay, reported as unconfirmed.
RUMOURS = frozenset(
    ["rumour", "rumours", "rumor", "rumors", "rumeur", "rumeurs", "rumores", "boato", "boatos"]
)


_FRAMES = BELIEFS | RUMOURS
# The words CueScreen marks (besides those with an apostrophe).
_SPECIAL_WORDS = _ALWAYS_POSSIBLE | frozenset(_PHRASE_STARTS) | _FRAMES


def _negated_belief(words, count, languages, original, tokens) -> str | None:
    for i in range(count):
        if words[i] in RUMOURS:
            return words[i]
        if words[i] not in BELIEFS:
            continue
        for j in range(max(0, i - 4), i):
            if not _may_cue(words[j]):
                continue
            written = original[tokens[j].start() : tokens[j].end()]
            if any(cue_at(words, j, language, written) == "negation" for language in languages):
                return words[j]
    return None


def cue_inside(
    text: str,
    start: int,
    end: int,
    language: str,
    still_matches: Callable[[str], bool] | None = None,
    *,
    match_start: int | None = None,
    match_end: int | None = None,
    original: str = "",
) -> str | None:
    """A cue inside the evidence [start, end) that negates its end ("escort, not a minor").

    Patterns may contain negations of their own ("not allowed to leave",
    "no days off"); a cue counts only if the pattern still matches without it
    (`still_matches` gets the match's text with the cue word removed), and only
    when it reaches the end of the evidence with no comma or clause break between.
    """
    original = original or text
    text = fold(text)
    match_start = start if match_start is None else match_start
    match_end = end if match_end is None else match_end
    inside = _window(text, start, end, commas=True)
    after = list(TOKEN.finditer(text, end, min(len(text), end + 40)))[:3]
    words = [m.group() for m in inside + after]
    for i in range(max(0, len(inside) - WINDOW_TOKENS), len(inside)):
        token = inside[i]
        written = original[token.start() : token.end()]
        if not cue_at(words, i, language, written):
            continue
        cut_end = token.end() + (1 if text[token.end() : token.end() + 1] == " " else 0)
        without = text[match_start : token.start()] + text[cut_end:match_end]
        if still_matches is None or still_matches(without):
            return words[i]
    return None


def is_negated(
    text: str,
    start: int,
    end: int,
    language: str,
    still_matches: Callable[[str], bool] | None = None,
    *,
    match_start: int | None = None,
    match_end: int | None = None,
    original: str = "",
) -> bool:
    """True when the mention text[start:end] is negated or hypothetical."""
    if cue_before(text, start, language, original):
        return True
    return bool(
        cue_inside(
            text,
            start,
            end,
            language,
            still_matches,
            match_start=match_start,
            match_end=match_end,
            original=original,
        )
    )


# ---- Owner's possession -------------------------------------------------------------------------
# "She keeps her passport", "elle garde son argent elle-même", "tiene su celular":
# the person holds their own things, the opposite of someone else holding them.
# Only indicators about who holds a thing (documents, money, phone) ask this.
_OWN_WORDS = frozenset(
    [
        "own",
        "herself",
        "himself",
        "themselves",
        "propre",
        "propres",
        "propia",
        "propias",
        "propio",
        "propios",
        "propria",
        "proprias",
        "proprio",
        "proprios",
    ]
)
# "même", "mesma", "misma" mean "-self" only after a pronoun ("elle-même"), else "same".
_SELF_AFTER_PRONOUN = frozenset(
    ["meme", "memes", "mesma", "mesmas", "mesmo", "mesmos", "misma", "mismas", "mismo", "mismos"]
)
_PRONOUNS = frozenset(
    [
        "elle",
        "lui",
        "eux",
        "elles",
        "si",
        "ela",
        "ele",
        "elas",
        "eles",
        "ella",
        "el",
        "ellas",
        "ellos",
    ]
)
_POSSESSIVES = frozenset(
    [
        "her",
        "his",
        "their",
        "my",
        "our",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "mon",
        "ma",
        "mes",
        "su",
        "sus",
        "seu",
        "sua",
        "seus",
        "suas",
    ]
)
_PRO_DROP_POSSESSIVES = frozenset(["su", "sus", "seu", "sua", "seus", "suas"])
# English subject and the possessive that shows the subject is the owner.
_SAME_OWNER = frozenset(
    [("she", "her"), ("he", "his"), ("they", "their"), ("i", "my"), ("we", "our")]
)
_SELF_SUBJECTS = frozenset(["elle", "elles", "je", "ella", "ellas", "yo", "ela", "elas", "eu"])
_ADVERBS = frozenset(
    [
        "still",
        "always",
        "also",
        "just",
        "now",
        "toujours",
        "encore",
        "aussi",
        "bien",
        "siempre",
        "todavia",
        "aun",
        "tambien",
        "ya",
        "sempre",
        "ainda",
        "tambem",
        "ja",
    ]
)
_CONJUNCTIONS = frozenset(["and", "et", "y", "e"])


def held_by_owner(folded: str, start: int, end: int) -> bool:
    """True when the holding in folded[start:end] is the person's own ("she has her phone").

    A negation in the clause ("she has no phone of her own", "ne garde pas son
    argent") means the opposite, so it never counts as the owner's.
    """
    before = _window(folded, max(0, start - LOOKBACK_CHARS), start)
    clause_begins = len(before) <= WINDOW_TOKENS + 2  # the window reached the clause start
    inside = list(TOKEN.finditer(folded, start, end))
    after = _window_after(folded, end)
    tokens = [m.group() for m in before + inside + after]
    for i in range(len(tokens)):
        if not _may_cue(tokens[i]):
            continue  # cue_at would find nothing in any language
        if cue_at(tokens, i, "en") or any(
            cue_at(tokens, i, language) == "negation" for language in ("fr", "es", "pt")
        ):
            return False
    for i, word in enumerate(tokens):
        if word in _OWN_WORDS or (word in _SELF_AFTER_PRONOUN and i and tokens[i - 1] in _PRONOUNS):
            return True
    for i, word in enumerate(tokens):
        if word not in _POSSESSIVES or i == 0:
            continue
        k = i - 2  # tokens[i - 1] is the verb
        while k >= 0 and tokens[k] in _ADVERBS:
            k -= 1
        subject = tokens[k] if k >= 0 else None
        if subject in _CONJUNCTIONS and before:
            subject = tokens[0] if clause_begins else None
        if subject is None:
            if clause_begins and word in _PRO_DROP_POSSESSIVES:
                return True  # "…: tiene su celular" (Spanish and Portuguese drop the subject)
            continue
        if (subject, word) in _SAME_OWNER or subject in _SELF_SUBJECTS:
            return True
    return False


def _window_after(folded: str, end: int) -> list[re.Match]:
    """Up to three words after `end`, in the same clause."""
    out: list[re.Match] = []
    position = end
    for token in TOKEN.finditer(folded, end, min(len(folded), end + 40)):
        gap = folded[position : token.start()]
        if _is_break(gap) or "," in gap or token.group() in _CONJUNCTIONS:
            break
        out.append(token)
        position = token.end()
        if len(out) == 3:
            break
    return out


# "She will marry him after she turns 18": what is reported happens to an adult.
_ADULT_LATER = re.compile(
    r"[^.!?\n]{0,80}?(?:\b(?:after|once|when|until) (?:she|he|they) (?:turns?|is|are|becomes?) "
    r"(?:18|eighteen|an adult|adults?|of age)|\b(?:after|until) (?:her|his|their) 18th"
    r"|\b(?:apres|avant) (?:sa|leur) majorite|\bquand (?:elle|il|ils|elles) (?:sera|seront|aura"
    r"|auront) (?:majeure?s?|18 ans|dix-huit ans)|\b(?:despues de|hasta) (?:su mayoria de edad"
    r"|que cumpla (?:los )?18|cumplir (?:los )?18)"
    r"|\bcuando (?:sea|cumpla) (?:mayor de edad|(?:los )?18)"
    r"|\b(?:depois|antes) (?:da (?:sua )?maioridade|de (?:fazer|completar) 18|dos 18)"
    r"|\bquando (?:for maior|fizer 18|completar 18))"
)


def deferred_to_adulthood(folded: str, end: int) -> bool:
    """True when the sentence after a mention puts it after the child turns 18."""
    return _ADULT_LATER.match(folded, end) is not None


# ---- Which language a tip is written in -------------------------------------------------------
# Cue words differ by language and collide across them: Portuguese "no" is "in the",
# Spanish and English "no" is "no". A tip's short function words say which it is.
_FUNCTION_WORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "was",
            "she",
            "he",
            "they",
            "with",
            "of",
            "to",
            "her",
            "his",
            "it",
            "are",
            "this",
            "that",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "et",
            "est",
            "des",
            "du",
            "elle",
            "il",
            "dans",
            "pour",
            "pas",
            "qui",
            "une",
            "au",
            "sur",
            "ce",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "y",
            "del",
            "con",
            "ella",
            "pero",
            "muy",
            "las",
            "es",
            "su",
            "lo",
            "una",
            "esta",
            "tiene",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "e",
            "do",
            "da",
            "dos",
            "das",
            "com",
            "nao",
            "ela",
            "ele",
            "em",
            "um",
            "uma",
            "seu",
            "sua",
            "tem",
        ]
    ),
}
ALL_LANGUAGES = ("en", "fr", "es", "pt")
# Each function word's languages, so a tip's words are looked up once each.
_FUNCTION_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _vocabulary in _FUNCTION_WORDS.items():
    for _word in _vocabulary:
        if len(_word) <= 5:
            _FUNCTION_WORD_LANGUAGES[_word] = (*_FUNCTION_WORD_LANGUAGES.get(_word, ()), _language)


def tip_languages(words: list[str]) -> tuple[str, ...]:
    """The language(s) whose negation cues apply to these folded words.

    One language when it clearly leads (twice the function words of the next),
    otherwise all four: a mixed or very short tip is judged as before.
    """
    counts = {language: 0 for language in ALL_LANGUAGES}
    get = _FUNCTION_WORD_LANGUAGES.get
    for word in words:
        for language in get(word, ()):
            counts[language] += 1
    ranked = sorted(counts, key=counts.get, reverse=True)
    first, second = counts[ranked[0]], counts[ranked[1]]
    if first >= 2 and first >= 2 * second:
        return (ranked[0],)
    return ALL_LANGUAGES
