"""Score the extractors and indicator detection against the labelled evaluation set.

Pure functions over plain data, shared by the test suite and benchmarks/triage.py:
the caller runs the extractors and hands in what they found, keyed by example id.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# The entity types the evaluation set labels; places depend on a deployment's
# gazetteer, so they are not labelled and not scored.
LABELLED_TYPES = ("phone", "email", "url", "handle", "plate", "payment", "age")

REQUIRED_FIELDS = ("id", "lang", "country", "text", "entities", "indicators", "negated")


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled tip text."""

    id: str
    lang: str
    country: str
    text: str
    entities: frozenset[tuple[str, str]]
    indicators: frozenset[str]
    negated: frozenset[str]


@dataclass(frozen=True, slots=True)
class Miss:
    """An example where prediction and label differ, for failure messages."""

    id: str
    missing: tuple[str, ...]
    extra: tuple[str, ...]
    text: str

    def describe(self) -> str:
        return (
            f"{self.id}: expected but not found {list(self.missing)}, "
            f"found but not expected {list(self.extra)}\n    {self.text[:160]!r}"
        )


@dataclass
class Score:
    """Micro-averaged counts over the whole set, with the examples that went wrong."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def worst(self, limit: int = 15) -> list[Miss]:
        """The examples with the most errors first."""
        return sorted(self.misses, key=lambda m: (-(len(m.missing) + len(m.extra)), m.id))[:limit]

    def report(self, name: str, limit: int = 15) -> str:
        lines = [
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives})"
        ]
        lines += [m.describe() for m in self.worst(limit)]
        return "\n".join(lines)


@dataclass
class IndicatorScore:
    """Micro scores over all codes, per code, and negated codes that were reported anyway."""

    overall: Score
    per_code: dict[str, Score]
    negated_detected: list[tuple[str, str]]  # (example id, code)


def load_eval_set(paths: Iterable[str | Path]) -> list[Example]:
    """Read JSON lines files into examples; raise ValueError naming the line that is wrong."""
    examples = []
    for path in sorted(Path(p) for p in paths):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    missing = [name for name in REQUIRED_FIELDS if name not in raw]
                    if missing:
                        raise ValueError(f"missing fields {missing}")
                    examples.append(
                        Example(
                            id=raw["id"],
                            lang=raw["lang"],
                            country=raw["country"],
                            text=raw["text"],
                            entities=frozenset(
                                (entity["type"], entity["normalized"]) for entity in raw["entities"]
                            ),
                            indicators=frozenset(raw["indicators"]),
                            negated=frozenset(raw["negated"]),
                        )
                    )
                except (ValueError, KeyError, TypeError) as error:
                    raise ValueError(f"{path.name} line {number}: {error}") from error
    return examples


def entity_keys(entities: Iterable) -> frozenset[tuple[str, str]]:
    """(type, normalized) pairs from extractor entities (objects with kind/normalized) or pairs."""
    keys = set()
    for entity in entities:
        if isinstance(entity, tuple):
            keys.add(entity)
        else:
            keys.add((entity.kind, entity.normalized))
    return frozenset(keys)


def score_entities(
    examples: Iterable[Example],
    predicted: Mapping[str, Iterable],
    types: Iterable[str] = LABELLED_TYPES,
) -> dict[str, Score]:
    """Micro precision and recall per entity type, matching sets of (type, normalized) per text.

    `predicted` maps an example id to what the extractor returned for it (Entity objects or
    (type, normalized) pairs); types outside `types` are ignored.
    """
    scores = {kind: Score() for kind in types}
    for example in examples:
        found = entity_keys(predicted.get(example.id, ()))
        for kind, score in scores.items():
            expected = {value for t, value in example.entities if t == kind}
            got = {value for t, value in found if t == kind}
            _count(score, example, expected, got)
    return scores


def score_indicators(
    examples: Iterable[Example], predicted: Mapping[str, Iterable]
) -> IndicatorScore:
    """Micro precision, recall and F1 over indicator codes, per text; and negation failures.

    `predicted` maps an example id to detections (objects with `code`) or plain codes.
    """
    overall = Score()
    per_code: dict[str, Score] = {}
    negated_detected = []
    for example in examples:
        got = {getattr(d, "code", d) for d in predicted.get(example.id, ())}
        _count(overall, example, set(example.indicators), got)
        for code in example.indicators | got:
            score = per_code.setdefault(code, Score())
            _count(score, example, {code} & example.indicators, {code} & got)
        negated_detected += [(example.id, code) for code in sorted(example.negated & got)]
    return IndicatorScore(overall=overall, per_code=per_code, negated_detected=negated_detected)


def _count(score: Score, example: Example, expected: set, got: set) -> None:
    score.true_positives += len(expected & got)
    score.false_positives += len(got - expected)
    score.false_negatives += len(expected - got)
    if expected != got:
        score.misses.append(
            Miss(
                id=example.id,
                missing=tuple(sorted(expected - got)),
                extra=tuple(sorted(got - expected)),
                text=example.text,
            )
        )
