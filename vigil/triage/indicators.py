"""Red flags of trafficking found in a tip's text, each with the words that show it.

The catalogue (codes, weights, patterns in English, French, Spanish and
Portuguese) is data: shipped in data/indicators.json, loaded into the database,
edited by admins. A `Catalogue` is its compiled, immutable form: one regular
expression per indicator (all its patterns, all languages, as one alternation),
run over the folded text, so a tip costs about as many regex scans as there
are indicators.

A pattern may mark its evidence with a group named `ev` when the words that
show the indicator are not the words that find it: in "she has no passport,
he keeps it" the pattern starts at "passport" but the evidence, and the place
where negation is judged, is "he keeps it".
"""

import json
import re
import re._constants as _c
import re._parser as _sre_parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vigil.triage.negation import (
    FOLD_TABLE,
    CueScreen,
    cue_before_any,
    cue_inside,
    deferred_to_adulthood,
    fold,
    held_by_owner,
    may_hold_cue,
    tip_languages,
)
from vigil.triage.word_rules import (
    WordIndex,
    is_word_rule,
    pair_up,
    parse_word_rule,
    word_rule_problem,
    words_of,
)

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "indicators.json"
LANGUAGES = ("en", "fr", "es", "pt")

_EVIDENCE_GROUP = "(?P<ev>"
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_NUMBERED_BACKREFERENCE = re.compile(r"(?<!\\)\\[1-9]")
# Indicators about who holds a thing: "she keeps her passport" is the opposite.
HOLDING_CODES = frozenset(["confiscated-documents", "third-party-control"])
_UNSEEN = object()


@dataclass(frozen=True, slots=True)
class Detection:
    code: str
    title: str
    weight: int
    implies_minor: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """One catalogue entry as data, before compiling."""

    code: str
    title: str
    weight: int
    implies_minor: bool
    patterns: tuple[tuple[str, str], ...]  # (language, pattern)
    description: str = ""
    source: str = ""


def prepare_pattern(pattern: str) -> str:
    """The pattern as it runs: on folded text, so accents and capitals are optional.

    Letters are lower-cased except after a backslash (\\W, \\S, \\B keep their
    meaning); accented letters lose their accents, like the text.
    """
    out = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            out.append(char.lower())
    # Group syntax is case-sensitive: keep "(?P<" and "(?P=" as written.
    prepared = "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return prepared.translate(FOLD_TABLE)


def pattern_problem(pattern: str) -> str | None:
    """Why a pattern cannot be used (in plain words), or None when it is fine."""
    if not pattern.strip():
        return "The pattern is empty."
    if is_word_rule(pattern):
        return word_rule_problem(pattern)
    for name in _NAMED_GROUP.findall(pattern):
        if name != "ev":
            return (
                f"Named group “{name}” is not allowed: use (?:…) for groups; "
                "the only named group is (?P<ev>…), marking the evidence."
            )
    if pattern.count(_EVIDENCE_GROUP) > 1:
        return "Only one (?P<ev>…) group is allowed."
    if _NUMBERED_BACKREFERENCE.search(pattern) or "(?P=" in pattern:
        return "Back-references (\\1, (?P=name)) are not supported."
    try:
        compiled = re.compile(prepare_pattern(pattern))
    except re.error as error:
        return f"This is not a valid regular expression: {error}."
    if compiled.search("") is not None or compiled.search(" ") is not None:
        return "The pattern matches empty text, so it would match every report."
    return None


# ---- Word triggers ------------------------------------------------------------------------------
# Python's re tries every alternative at every position, so scanning a 300-character
# tip with a few hundred patterns would take milliseconds. Instead each pattern gets
# its "triggers": the first letters (up to TRIGGER_LENGTH) any match must begin with.
# A tip's words are looked up once; a pattern is tried (re.match, one attempt) only
# where a word begins with one of its triggers. Patterns whose start cannot be
# pinned down (they begin with punctuation or \w) are searched the slow way.
TRIGGER_LENGTH = 4
_MAX_TRIGGERS = 400
_MAX_CLASS = 12


class _Untriggerable(Exception):
    pass


def _class_chars(items) -> list[str]:
    chars = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            raise _Untriggerable
    if len(chars) > _MAX_CLASS:
        raise _Untriggerable
    return chars


def _walk(stack, prefix: str, out: set, loose: set | None = None) -> None:
    """Add to `out` every beginning; to `loose` those a longer word may also start with.

    A beginning that is not in `loose` is followed by a character that ends a
    word ("a " in "a patroa"): it can only match where the whole word is it.
    """
    if len(out) > _MAX_TRIGGERS:
        raise _Untriggerable
    if len(prefix) >= TRIGGER_LENGTH:
        out.add(prefix[:TRIGGER_LENGTH])
        if loose is not None:
            loose.add(prefix[:TRIGGER_LENGTH])
        return
    while stack and stack[-1][1] >= len(stack[-1][0]):
        stack = stack[:-1]
    if not stack:
        _finish(prefix, out, loose)
        return
    items, index = stack[-1]
    rest = stack[:-1] + ((items, index + 1),)
    op, av = items[index]
    if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
        _walk(rest, prefix, out, loose)
    elif op is _c.LITERAL:
        char = chr(av)
        if char.isalnum() or char == "_":
            _walk(rest, prefix + char, out, loose)
        else:
            _finish(prefix, out, loose, whole_word=True)
    elif op is _c.IN:
        try:
            chars = _class_chars(av)
        except _Untriggerable:
            _finish(prefix, out, loose)  # a wide class (\w, \s, [^.]): the beginning ends here
            return
        for char in chars:
            if char.isalnum() or char == "_":
                _walk(rest, prefix + char, out, loose)
            else:
                _finish(prefix, out, loose, whole_word=True)
    elif op is _c.SUBPATTERN:
        _walk(rest + ((list(av[-1]), 0),), prefix, out, loose)
    elif op is _c.BRANCH:
        for branch in av[1]:
            _walk(rest + ((list(branch), 0),), prefix, out, loose)
    elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, high, body = av
        if low == 0:
            _walk(rest, prefix, out, loose)
        if high == 1:
            _walk(rest + ((list(body), 0),), prefix, out, loose)
        elif high != 0:
            # After one round the next character may come from the body again: stop there.
            _walk(((list(body), 0),), prefix, out, loose)
    else:
        _finish(prefix, out, loose)


def _finish(prefix: str, out: set, loose: set | None = None, whole_word: bool = False) -> None:
    if not prefix:
        raise _Untriggerable
    out.add(prefix)
    if loose is not None and not whole_word:
        loose.add(prefix)


def triggers(source: str) -> frozenset[str] | None:
    """The word beginnings a match of this (prepared) pattern must start with, or None."""
    found = _beginnings(source)
    return None if found is None else found[0]


def _beginnings(source: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(every beginning, those that must be a whole word), or None when not pinned down."""
    try:
        parsed = _sre_parse.parse(source)
        out: set[str] = set()
        loose: set[str] = set()
        _walk(((list(parsed.data), 0),), "", out, loose)
    except (_Untriggerable, RecursionError, re.error, AttributeError, TypeError, ValueError):
        return None
    return frozenset(out), frozenset(out - loose)


@dataclass(frozen=True, slots=True)
class _Pattern:
    code: str
    language: str
    regex: re.Pattern
    has_evidence_group: bool
    implies_minor: bool = False


@dataclass(frozen=True, slots=True)
class _Indicator:
    code: str
    title: str
    weight: int
    implies_minor: bool


class Catalogue:
    """The compiled indicator catalogue of one version; immutable once built."""

    __slots__ = (
        "version",
        "specs",
        "_indicators",
        "_patterns",
        "_triggers",
        "_whole",
        "_unpinned",
        "_rules",
        "_words",
        "_memo",
        "_filters",
    )

    def __init__(self, version: int, specs):
        set_ = object.__setattr__
        set_(self, "version", version)
        set_(self, "specs", tuple(specs))
        indicators, patterns, by_trigger, unpinned, rules = {}, [], {}, [], []
        whole = set()  # (beginning, pattern number): only where the word is the beginning
        words = WordIndex()
        for spec in self.specs:
            indicators[spec.code] = _Indicator(
                spec.code, spec.title, spec.weight, spec.implies_minor
            )
            for language, pattern in spec.patterns:
                if pattern_problem(pattern):
                    continue  # the admin form refuses these; never let one break detection
                if is_word_rule(pattern):
                    rule = parse_word_rule(pattern)
                    words.add(len(rules), rule)
                    rules.append((spec.code, language, rule))
                    continue
                source = prepare_pattern(pattern)
                number = len(patterns)
                patterns.append(
                    _Pattern(
                        spec.code,
                        language,
                        re.compile(source),
                        _EVIDENCE_GROUP in source,
                        spec.implies_minor,
                    )
                )
                beginnings = _beginnings(source)
                if beginnings is None:
                    unpinned.append(number)
                    continue
                starts, whole_words = beginnings
                for start in starts:
                    by_trigger.setdefault(start, []).append(number)
                whole.update((start, number) for start in whole_words)
        set_(self, "_indicators", indicators)
        set_(self, "_patterns", tuple(patterns))
        set_(self, "_triggers", {key: tuple(value) for key, value in by_trigger.items()})
        set_(self, "_whole", frozenset(whole))
        set_(self, "_unpinned", tuple(unpinned))
        set_(self, "_rules", tuple(rules))
        set_(self, "_words", words)
        set_(self, "_memo", {})  # word: the regex patterns worth trying where it starts
        set_(self, "_filters", {})  # pattern numbers: their one-alternation screen (or None)

    def __setattr__(self, name, value):
        raise AttributeError("a Catalogue is immutable")

    def __len__(self):
        return len(self.specs)

    def __repr__(self):
        return f"<Catalogue v{self.version}: {len(self.specs)} indicators>"

    @property
    def codes(self) -> list[str]:
        return [spec.code for spec in self.specs]

    @classmethod
    def from_data(cls, data: dict) -> "Catalogue":
        return cls(int(data.get("version", 0)), specs_from_data(data))

    @classmethod
    def from_file(cls, path=DEFAULT_FILE) -> "Catalogue":
        return cls.from_data(read_catalogue_file(path))

    @classmethod
    def current(cls) -> "Catalogue":
        """The active catalogue in the database, rebuilt only when its version changed."""
        from vigil.triage.catalogue import current_catalogue

        return current_catalogue()


def read_catalogue_file(path=DEFAULT_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def specs_from_data(data: dict) -> list[IndicatorSpec]:
    return [
        IndicatorSpec(
            code=entry["code"],
            title=entry["title"],
            weight=int(entry["weight"]),
            implies_minor=bool(entry.get("implies_minor", False)),
            patterns=tuple(
                (language, pattern)
                for language in LANGUAGES
                for pattern in entry.get("patterns", {}).get(language, ())
            ),
            description=entry.get("description", ""),
            source=entry.get("source", ""),
        )
        for entry in data["indicators"]
        if entry.get("is_active", True)
    ]


def _patterns_at(
    word: str, catalogue: Catalogue
) -> tuple[Callable | None, tuple[tuple[_Pattern, str, Callable], ...]] | None:
    """The regex patterns worth trying where this word starts, in catalogue order (memoised):
    (their screen (see `_screen`), ((pattern, its code, its regex's match method), …)),
    or None when there are none."""
    get = catalogue._triggers.get
    whole = catalogue._whole
    found = set()
    for length in range(1, min(len(word), TRIGGER_LENGTH) + 1):
        beginning = word[:length]
        for number in get(beginning, ()):
            if length == len(word) or (beginning, number) not in whole:
                found.add(number)
    memo = catalogue._memo
    if len(memo) > 100_000:
        memo.clear()
    patterns = catalogue._patterns
    numbers = tuple(sorted(found))
    tried = tuple(
        (patterns[number], patterns[number].code, patterns[number].regex.match)
        for number in numbers
    )
    # Most words start no pattern: None lets the scan skip them at once.
    memo[word] = tried = (_screen(numbers, catalogue), tried) if tried else None
    return tried


def _screen(numbers: tuple[int, ...], catalogue: Catalogue) -> Callable | None:
    """One regex matching where any of these patterns matches (its match method), or None.

    Most words that start a pattern start no match ("de", "a"): one attempt of the
    alternation rules them all out, instead of one attempt per pattern. It only
    screens: where it matches, each pattern is still tried on its own, in order.
    """
    if len(numbers) < 2:
        return None
    filters = catalogue._filters
    if numbers in filters:
        return filters[numbers]
    patterns = catalogue._patterns
    sources = [patterns[number].regex.pattern.replace(_EVIDENCE_GROUP, "(?:") for number in numbers]
    try:
        screen = re.compile("|".join(f"(?:{source})" for source in sources)).match
    except (re.error, RecursionError, OverflowError):
        screen = None  # e.g. a pattern's global flag cannot sit inside an alternation
    if len(filters) > 10_000:
        filters.clear()
    filters[numbers] = screen
    return screen


def detect_indicators(text: str, catalogue: Catalogue) -> list[Detection]:
    """One Detection per indicator present, its first evidence not negated, in text order."""
    if not text:
        return []
    folded = fold(text)
    words, starts, ends = words_of(folded)
    languages = tip_languages(words)
    best: dict[str, tuple[int, int]] = {}  # code: first evidence (start, end)
    screens: list[CueScreen] = []  # built on the first mention that needs judging

    def cue_before(start: int, judged: tuple[str, ...]) -> str | None:
        if not screens:
            screens.append(CueScreen(folded, text, (words, starts, ends)))
        return screens[0].cue_before(start, judged)

    def keep(code: str, start: int, end: int) -> None:
        if code not in best or start < best[code][0]:
            best[code] = (start, end)

    memo = catalogue._memo
    for word, position in zip(words, starts, strict=True):
        entry = memo.get(word, _UNSEEN)
        if entry is None:
            continue
        if entry is _UNSEEN:
            entry = _patterns_at(word, catalogue)
            if entry is None:
                continue
        screen, tried = entry
        if screen is not None and screen(folded, position) is None:
            continue  # none of its patterns matches here
        for pattern, code, match_at in tried:
            if code in best and best[code][0] <= position:
                continue  # a later match cannot come first
            match = match_at(folded, position)
            if match is not None:
                _judge(text, folded, pattern, match, keep, languages, cue_before)
    patterns = catalogue._patterns
    for number in catalogue._unpinned:
        pattern = patterns[number]
        for match in pattern.regex.finditer(folded):
            if _judge(text, folded, pattern, match, keep, languages, cue_before):
                break

    negated: dict[int, bool] = {}

    def free(occurrence: tuple[int, int]) -> bool:
        first = occurrence[0]
        if first not in negated:
            negated[first] = cue_before(starts[first], languages) is not None
        return not negated[first]

    rules = catalogue._rules
    for rule_number, groups in catalogue._words.occurrences(words).items():
        code, _, rule = rules[rule_number]
        if len(groups) < len(rule.groups):
            continue
        every = [groups[g] for g in range(len(rule.groups))]
        if pair_up(every, rule.distance, rule.ordered) is None:
            continue  # no pairing even before negation: no cue needs looking up
        kept = [[o for o in occurrences if free(o)] for occurrences in every]
        if all(kept):
            span = pair_up(kept, rule.distance, rule.ordered)
            if span is not None and not (
                code in HOLDING_CODES and held_by_owner(folded, starts[span[0]], ends[span[1]])
            ):
                if catalogue._indicators[code].implies_minor and deferred_to_adulthood(
                    folded, ends[span[1]]
                ):
                    continue
                keep(code, starts[span[0]], ends[span[1]])

    indicators = catalogue._indicators
    found = [
        Detection(
            code,
            indicators[code].title,
            indicators[code].weight,
            indicators[code].implies_minor,
            start,
            end,
        )
        for code, (start, end) in best.items()
    ]
    return sorted(found, key=lambda detection: (detection.start, detection.code))


def _judge(
    text: str,
    folded: str,
    pattern: _Pattern,
    match: re.Match,
    keep,
    languages: tuple[str, ...] = LANGUAGES,
    cue_before=None,
) -> bool:
    """Keep a regular-expression match unless it is negated; True when kept.

    `languages` are the tip's (see negation.tip_languages); the pattern's own
    language is judged first. `cue_before(start, languages)` answers like
    negation.cue_before_any on this text (detect_indicators passes a remembering one).
    """
    start, end = match.span()
    if pattern.has_evidence_group and match.start("ev") >= 0:
        start, end = match.span("ev")
    judged = (
        pattern.language,
        *(language for language in languages if language != pattern.language),
    )
    if cue_before is None:
        negated = cue_before_any(folded, start, judged, text) is not None
    else:
        negated = cue_before(start, judged) is not None
    if negated:
        return False
    if may_hold_cue(folded, start, end):
        regex = pattern.regex
        # Judged in the pattern's language first, then the others: a Spanish
        # "hematomas" pattern also matches a Portuguese "não há hematomas".
        for language in judged:
            if cue_inside(
                folded,
                start,
                end,
                language,
                lambda without, regex=regex: regex.search(without) is not None,
                match_start=match.start(),
                match_end=match.end(),
                original=text,
            ):
                return False
    if pattern.code in HOLDING_CODES and held_by_owner(folded, match.start(), end):
        return False
    if pattern.implies_minor and deferred_to_adulthood(folded, end):
        return False
    keep(pattern.code, start, end)
    return True
