"""Near-duplicate narratives: MinHash over word 3-shingles, banded for LSH.

Two reports of the same events (the same reporter twice, a story copied between
partners) share most of their three-word phrases. MinHash estimates the Jaccard
similarity of those phrase sets from a short signature; cutting the signature
into bands and storing one hash per band (NarrativeBand) lets one indexed query
find the tips that agree on at least one whole band, i.e. the likely near-copies,
without comparing against every stored narrative.

With 16 bands of 4 rows, a pair at Jaccard similarity s shares a band with
probability 1 - (1 - s**4) ** 16: about 0.89 at s = 0.6, 0.99 at s = 0.7 and
0.12 at s = 0.3, so candidates are mostly true near-copies and the exact check
that follows (see linking.py) only has a handful to confirm.

Everything here is stable across processes and machines (no use of Python's
randomised `hash()`): band hashes stored today must match those computed later.
"""

import hashlib
import random
import re
import unicodedata

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 3
# Below this many shingles (about eight words) a narrative says too little for
# similarity to mean the same events rather than the same stock phrase.
MIN_SHINGLES = 6

_PRIME = (1 << 61) - 1
_rng = random.Random(20240603)  # fixed: band hashes must never change between releases
_COEFFICIENTS = tuple(
    (_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMUTATIONS)
)
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower-case with accents stripped, so "Está" and "esta" are one word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def shingles(text: str) -> frozenset[str]:
    """The set of word 3-grams of the normalised text (empty when too short)."""
    words = _WORD.findall(normalise(text))
    found = frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )
    return found if len(found) >= MIN_SHINGLES else frozenset()


def _shingle_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest()) % _PRIME


def signature(shingle_set: frozenset[str]) -> tuple[int, ...]:
    """The MinHash signature: per permutation, the least hash over the shingles."""
    if not shingle_set:
        return ()
    xs = [_shingle_hash(s) for s in shingle_set]
    return tuple(min((a * x + b) % _PRIME for x in xs) for a, b in _COEFFICIENTS)


def band_hashes(sig: tuple[int, ...]) -> list[tuple[int, str]]:
    """(band number, 32-hex-digit hash of that band's rows) for each band."""
    if not sig:
        return []
    out = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(
            ",".join(map(str, rows)).encode(), digest_size=16, person=b"vigil-lsh-band"
        )
        out.append((band, digest.hexdigest()))
    return out


def narrative_bands(text: str) -> list[tuple[int, str]]:
    return band_hashes(signature(shingles(text)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def estimated_similarity(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    """Share of permutations on which the two signatures agree (estimates Jaccard)."""
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    return sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)
