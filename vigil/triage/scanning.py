"""Finding a pattern's matches without trying it at every position of a text.

Python's regular expressions try an alternation of words ("fifteen|quinze|…")
at every character, which costs far more than the few places where one of the
words can begin. When every match must start with one of a few known strings,
str.find locates those places in C and the pattern is tried only there.
"""

import re
from collections.abc import Iterable


def matches_starting_with(pattern: re.Pattern, text: str, firsts: Iterable[str]) -> list[re.Match]:
    """The matches pattern.finditer(text) returns, when each begins with one of `firsts`."""
    starts = set()
    for word in firsts:
        at = text.find(word)
        while at >= 0:
            starts.add(at)
            at = text.find(word, at + 1)
    found = []
    last_end = 0
    for at in sorted(starts):
        if at < last_end:
            continue  # finditer never returns overlapping matches
        m = pattern.match(text, at)
        if m:
            found.append(m)
            last_end = m.end()
    return found
