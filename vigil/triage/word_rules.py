"""Word-window rules: "a word of one list within N words of a word of another".

Most red flags are two ideas close together ("a child" near "sold for sex",
"promised" near "a job abroad"). As a regular expression that is a long gap
(`.{0,240}`) tried at every position, slow and hard to read. As data it is

    near(minor|underage|child*|teen*; escort*|prostitut*|sold for sex; 8)

groups of terms separated by ";", then the largest number of words allowed
between them. A term is one word or several in a row; `word*` is any word
starting with "word", `#` is any number, `{10-17}` a number in that range, and
"$", "€", "£" are words of their own. Text and terms are folded the same way
(lower case, no accents) and split into words at anything that is not a letter
or a digit, so "d'identité" is the two words "d identite" and "14-year-old" is
"14 year old".

A tip's words are looked up once in a table of every term's first word; only
terms found there are checked, and only rules whose every group was found are
paired, so the cost hardly grows with the size of the catalogue.
"""

import re
from dataclasses import dataclass

from vigil.triage.negation import fold

WORD = re.compile(r"[^\W_]+|[$€£]")
_TERM_WORD = re.compile(r"[^\W_]+\*?|[$€£#]|\{\d+-\d+\}")
_RULE = re.compile(r"\s*(near|then)\s*\((.*)\)\s*", re.DOTALL)
MAX_DISTANCE = 40


@dataclass(frozen=True, slots=True)
class WordTest:
    kind: str  # "word", "prefix", "number", "range"
    text: str = ""
    low: int = 0
    high: int = 0

    def accepts(self, word: str) -> bool:
        if self.kind == "word":
            return word == self.text
        if self.kind == "prefix":
            return word.startswith(self.text)
        if not word.isdigit():
            return False
        return self.kind == "number" or self.low <= int(word) <= self.high


@dataclass(frozen=True, slots=True)
class WordRule:
    groups: tuple[tuple[tuple[WordTest, ...], ...], ...]  # groups of terms of word tests
    distance: int
    ordered: bool = False  # then(…): each group after the one before it


def is_word_rule(pattern: str) -> bool:
    start = pattern.lstrip()
    return start.startswith("near") or start.startswith("then")


def _word_test(piece: str) -> WordTest:
    if piece == "#":
        return WordTest("number")
    if piece.startswith("{"):
        low, high = (int(part) for part in piece[1:-1].split("-"))
        if low > high:
            raise ValueError(f"the range {piece} is backwards")
        return WordTest("range", low=low, high=high)
    if piece.endswith("*"):
        if len(piece) < 3:
            raise ValueError(f"“{piece}” is too short: a word* needs at least two letters")
        return WordTest("prefix", piece[:-1])
    return WordTest("word", piece)


def parse_word_rule(pattern: str) -> WordRule:
    """The rule a `near(…)` pattern describes; ValueError (in plain words) if it is wrong."""
    match = _RULE.fullmatch(pattern)
    if match is None:
        raise ValueError("A word rule looks like near(words; other words; 8).")
    parts = [part.strip() for part in match.group(2).split(";")]
    if len(parts) < 2:
        raise ValueError(
            "A word rule needs one or more groups of words and a distance: "
            "near(words; other words; 8)."
        )
    if not parts[-1].isdigit() or not 0 <= int(parts[-1]) <= MAX_DISTANCE:
        raise ValueError(f"The distance (the last part) must be a number from 0 to {MAX_DISTANCE}.")
    groups = []
    for number, part in enumerate(parts[:-1], start=1):
        terms = []
        for term in fold(part).split("|"):
            if not term.strip():
                raise ValueError(f"Group {number} has an empty term (two “|” in a row?).")
            pieces = _TERM_WORD.findall(term)
            leftover = _TERM_WORD.sub("", term).strip()
            if leftover or not pieces:
                raise ValueError(f"Group {number}: cannot read the term “{term.strip()}”.")
            terms.append(tuple(_word_test(piece) for piece in pieces))
        groups.append(tuple(terms))
    return WordRule(tuple(groups), int(parts[-1]), match.group(1) == "then")


def word_rule_problem(pattern: str) -> str | None:
    try:
        parse_word_rule(pattern)
    except ValueError as error:
        return str(error)
    return None


def words_of(folded: str) -> tuple[list[str], list[int], list[int]]:
    """The words of folded text with their start and end offsets."""
    matches = list(WORD.finditer(folded))
    return (
        list(map(re.Match.group, matches)),
        list(map(re.Match.start, matches)),
        list(map(re.Match.end, matches)),
    )


_UNSEEN = object()


class WordIndex:
    """Every term's first word, so a tip's words are looked up once.

    Each distinct term is found once per tip however many rules use it (the
    child words are in many rules); a rule is paired only when each of its
    groups has a term found.
    """

    __slots__ = (
        "exact",
        "prefixes",
        "prefix_lengths",
        "numeric",
        "_memo",
        "_term_ids",
        "_targets",
        "_rule_terms",
        "_all_groups",
    )

    def __init__(self):
        # Tips reuse the same few thousand words: each word's entries are looked up once.
        self._memo: dict[str, tuple | None] = {}  # None: the word starts no term
        self.exact: dict[str, dict] = {}  # first word: {term: term number}
        self.prefixes: dict[str, dict] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.numeric: dict = {}
        self._term_ids: dict[tuple, int] = {}
        # term number: (rule, 1 << group) pairs, so a rule's groups found add up to a bit mask
        self._targets: list[list[tuple[int, int]]] = []
        self._rule_terms: dict[int, tuple[tuple[int, ...], ...]] = {}  # rule: terms per group
        self._all_groups: dict[int, int] = {}  # rule: the mask of all its groups

    def add(self, rule_number: int, rule: WordRule) -> None:
        lengths = set(self.prefix_lengths)
        rule_terms = []
        for group_number, terms in enumerate(rule.groups):
            numbers = []
            for term in terms:
                term_id = self._term_ids.get(term)
                if term_id is None:
                    term_id = self._term_ids[term] = len(self._targets)
                    self._targets.append([])
                    first = term[0]
                    if first.kind == "word":
                        table = self.exact.setdefault(first.text, {})
                    elif first.kind == "prefix":
                        table = self.prefixes.setdefault(first.text, {})
                        lengths.add(len(first.text))
                    else:
                        table = self.numeric
                    table[term] = term_id
                self._targets[term_id].append((rule_number, 1 << group_number))
                numbers.append(term_id)
            rule_terms.append(tuple(numbers))
        self._rule_terms[rule_number] = tuple(rule_terms)
        self._all_groups[rule_number] = (1 << len(rule_terms)) - 1
        self.prefix_lengths = tuple(sorted(lengths))
        self._memo.clear()

    def _entries(self, word: str) -> tuple:
        """This word's terms: (single-word term numbers, longer terms by their second word,
        other longer terms as (rest, term number))."""
        entries = list(self.exact.get(word, {}).items())
        for length in self.prefix_lengths:
            if length > len(word):
                break
            entries.extend(self.prefixes.get(word[:length], {}).items())
        if word.isdigit():
            entries.extend(item for item in self.numeric.items() if item[0][0].accepts(word))
        single, by_second, other = [], {}, []
        for term, term_id in entries:
            if len(term) == 1:
                single.append(term_id)
            elif term[1].kind == "word":
                by_second.setdefault(term[1].text, []).append((term[2:], term_id))
            else:
                other.append((term[1:], term_id))
        if len(self._memo) > 100_000:
            self._memo.clear()
        if not (single or by_second or other):
            self._memo[word] = None  # most words start no term: skipped at once
            return None
        self._memo[word] = entries = (tuple(single), by_second, tuple(other))
        return entries

    def occurrences(self, words: list[str]) -> dict[int, dict[int, list[tuple[int, int]]]]:
        """{rule number: {group: [(first word, last word), …]}} for rules hit in every group."""
        hits: dict[int, list[tuple[int, int]]] = {}
        hits_get = hits.get
        memo_get = self._memo.get
        count = len(words)
        i = -1
        for word in words:
            i += 1
            entries = memo_get(word, _UNSEEN)
            if entries is None:
                continue  # most words start no term
            if entries is _UNSEEN:
                entries = self._entries(word)
                if entries is None:
                    continue
            single, by_second, other = entries
            for term_id in single:
                found = hits_get(term_id)
                if found is None:
                    hits[term_id] = [(i, i)]
                else:
                    found.append((i, i))
            if by_second and i + 1 < count:
                for rest, term_id in by_second.get(words[i + 1], ()):
                    last = i + 1 + len(rest)
                    if last < count and (not rest or _rest_fits(words, i + 2, rest)):
                        found = hits_get(term_id)
                        if found is None:
                            hits[term_id] = [(i, last)]
                        else:
                            found.append((i, last))
            for rest, term_id in other:
                last = i + len(rest)
                if last < count and _rest_fits(words, i + 1, rest):
                    found = hits_get(term_id)
                    if found is None:
                        hits[term_id] = [(i, last)]
                    else:
                        found.append((i, last))
        present: dict[int, int] = {}  # rule: mask of its groups found
        get = present.get
        targets = self._targets
        for term_id in hits:
            for rule_number, bit in targets[term_id]:
                present[rule_number] = get(rule_number, 0) | bit
        found = {}
        all_groups = self._all_groups
        # Rules share groups (the words for a child are in many): each list is built once
        # and shared, so callers must not change them.
        lists: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        for rule_number, groups in present.items():
            if groups != all_groups[rule_number]:
                continue
            per_group = found[rule_number] = {}
            for group, terms in enumerate(self._rule_terms[rule_number]):
                occurrences = lists.get(terms)
                if occurrences is None:
                    occurrences = lists[terms] = [
                        o for term_id in terms if term_id in hits for o in hits[term_id]
                    ]
                per_group[group] = occurrences
        return found


def _rest_fits(words: list[str], first: int, rest: tuple[WordTest, ...]) -> bool:
    """True when words[first:] begin with words these tests accept (length checked by caller)."""
    return all(test.accepts(words[k]) for k, test in enumerate(rest, start=first))


def pair_up(
    groups: list[list[tuple[int, int]]], distance: int, ordered: bool = False
) -> tuple[int, int] | None:
    """The first (first word, last word) span holding one occurrence of every group.

    With `ordered`, each group's occurrence follows the previous group's, within
    `distance` words of it ("takes … the money", not "the money. He takes").
    """
    first, *others = groups
    if not others:
        return min(first)
    if ordered:
        return _chain(sorted(first), others, distance)
    for start, end in sorted(first):
        low, high = start, end
        for occurrences in others:
            best = None
            for o_start, o_end in occurrences:
                if o_start <= end and o_end >= start:
                    continue  # the same words cannot count twice
                gap = o_start - end - 1 if o_start > end else start - o_end - 1
                if gap <= distance and (best is None or gap < best[0]):
                    best = (gap, o_start, o_end)
            if best is None:
                break
            low, high = min(low, best[1]), max(high, best[2])
        else:
            return low, high
    return None


def _chain(first, others, distance) -> tuple[int, int] | None:
    for start, end in first:
        last = end
        for occurrences in others:
            following = [o for o in occurrences if last < o[0] <= last + distance + 1]
            if not following:
                break
            last = min(following)[1]
        else:
            return start, last
    return None
