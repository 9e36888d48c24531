"""Priority 1 to 5 from explainable parts: no black box decides urgency.

The score is a sum of reasons. Each reason is a plain sentence with the number of
points it adds, and analysts see every one of them on the tip page:

| reason (code)     | when                                             | points              |
|-------------------|--------------------------------------------------|---------------------|
| immediate_danger  | the reporter said a child is in danger now       | +40                 |
| minor             | a stated age under 18; else an indicator that    | +20 (once)          |
|                   | implies a minor; else an age band under 18       |                     |
| indicator:<code>  | each indicator detected (or added by an analyst) | +weight × 2, all    |
|                   |                                                  | together ≤ 40       |
| recency           | reported within 24 hours / 3 days / 7 days       | +5 / +3 / +1        |
| corroboration     | shares an identifier with n other tips           | +3 × n, ≤ 15        |
| near_duplicate    | narrative nearly the same as n other tips (not   | +1 × n, ≤ 3         |
|                   | already sharing an identifier with them)         |                     |

A near-copy counts less than a shared identifier: it is often the same reporter
writing twice, which is not independent corroboration.

The score maps to a priority by fixed thresholds (THRESHOLDS below):
5 from 40 points, 4 from 30, 3 from 18, 2 from 8, otherwise 1. Two floors keep
the rules that matter most true whatever the catalogue weights become:
a child in immediate danger is always priority 5, and a minor together with a
strong indicator (weight 7 or more) is always at least priority 4.

These are pure functions; the same code scores `vigil analyze` output and stored tips.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

IMMEDIATE_DANGER_POINTS = 40
MINOR_POINTS = 20
INDICATOR_FACTOR = 2
INDICATOR_CAP = 40
STRONG_WEIGHT = 7
# (age of the report, points, words): the first that applies is used.
RECENCY = (
    (datetime.timedelta(hours=24), 5, "Reported within the last 24 hours"),
    (datetime.timedelta(days=3), 3, "Reported within the last 3 days"),
    (datetime.timedelta(days=7), 1, "Reported within the last 7 days"),
)
CORROBORATION_POINTS = 3
CORROBORATION_CAP = 15
NEAR_DUPLICATE_POINTS = 1
NEAR_DUPLICATE_CAP = 3
# (lowest score, priority), highest first.
THRESHOLDS = ((40, 5), (30, 4), (18, 3), (8, 2))

ADULT_AGE = 18
# The tip form's age bands (vigil.tips.models.AgeBand) that are all under 18.
MINOR_AGE_BANDS = {"0-5": "under 6", "6-11": "6 to 11", "12-14": "12 to 14", "15-17": "15 to 17"}

CORROBORATION_CODES = frozenset({"corroboration", "near_duplicate"})


@dataclass
class Reason:
    """One part of the score, in plain words, with the points it adds."""

    code: str
    label: str
    contribution: float


@dataclass
class Assessment:
    score: float
    priority: int
    reasons: list[Reason]


def _plural(n: int, word: str) -> str:
    return f"{n} other {word}" if n == 1 else f"{n} other {word}s"


def _age(normalized: str) -> float | None:
    try:
        return float(normalized)
    except (TypeError, ValueError):
        return None


def minor_reason(entities: Iterable, indicators: Iterable, children_age: str = "") -> Reason | None:
    """Why we believe a minor is involved, strongest evidence first (or None)."""
    ages = [
        age
        for e in entities
        if e.kind == "age" and (age := _age(e.normalized)) is not None and age < ADULT_AGE
    ]
    if ages:
        youngest = min(ages)
        shown = f"{youngest:g}"
        return Reason("minor", f"A minor is involved: stated age {shown}", MINOR_POINTS)
    for detection in indicators:
        if detection.implies_minor:
            return Reason(
                "minor",
                f"A minor is involved: indicator “{detection.title}”",
                MINOR_POINTS,
            )
    if children_age in MINOR_AGE_BANDS:
        words = MINOR_AGE_BANDS[children_age]
        return Reason(
            "minor",
            f"A minor is involved: the reporter gave the children's age as {words}",
            MINOR_POINTS,
        )
    return None


def indicator_reasons(indicators: Iterable) -> list[Reason]:
    """One reason per indicator code, heaviest first, until the cap is spent."""
    by_code = {}
    for detection in indicators:
        if detection.code not in by_code or detection.weight > by_code[detection.code].weight:
            by_code[detection.code] = detection
    reasons = []
    left = INDICATOR_CAP
    for detection in sorted(by_code.values(), key=lambda d: (-d.weight, d.code)):
        full = detection.weight * INDICATOR_FACTOR
        points = min(full, left)
        left -= points
        label = f"Indicator (weight {detection.weight} × {INDICATOR_FACTOR}): {detection.title}"
        if points < full:
            label += f" (all indicators together count at most {INDICATOR_CAP})"
        reasons.append(Reason(f"indicator:{detection.code}", label, points))
    return reasons


def recency_reason(received_at, now) -> Reason | None:
    if received_at is None or now is None:
        return None
    age = now - received_at
    for within, points, label in RECENCY:
        if age <= within:
            return Reason("recency", label, points)
    return None


def corroboration_reasons(linked_tips: int = 0, near_duplicates: int = 0) -> list[Reason]:
    reasons = []
    if linked_tips > 0:
        reasons.append(
            Reason(
                "corroboration",
                f"Shares identifiers with {_plural(linked_tips, 'tip')}",
                min(CORROBORATION_POINTS * linked_tips, CORROBORATION_CAP),
            )
        )
    if near_duplicates > 0:
        reasons.append(
            Reason(
                "near_duplicate",
                f"Narrative nearly the same as {_plural(near_duplicates, 'tip')}",
                min(NEAR_DUPLICATE_POINTS * near_duplicates, NEAR_DUPLICATE_CAP),
            )
        )
    return reasons


# Equal contributions are listed in the table's order.
_RANKS = {"immediate_danger": 0, "minor": 1, "indicator": 2, "recency": 3}


def _rank(code: str) -> int:
    return _RANKS.get(code.split(":", 1)[0], 4)


def priority_for(score: float) -> int:
    for lowest, priority in THRESHOLDS:
        if score >= lowest:
            return priority
    return 1


def assess_reasons(reasons: Iterable[Reason]) -> Assessment:
    """Score, priority (thresholds and floors) and reasons sorted by contribution."""
    ordered = sorted(reasons, key=lambda r: (-r.contribution, _rank(r.code), r.code))
    score = float(sum(r.contribution for r in ordered))
    priority = priority_for(score)
    codes = {r.code for r in ordered}
    if "immediate_danger" in codes:
        priority = 5
    # Indicators are listed heaviest first and the cap never cuts the first one,
    # so a strong indicator always shows its full weight × factor here.
    strong = any(
        r.code.startswith("indicator:") and r.contribution >= STRONG_WEIGHT * INDICATOR_FACTOR
        for r in ordered
    )
    if "minor" in codes and strong:
        priority = max(priority, 4)
    return Assessment(score=score, priority=priority, reasons=ordered)


def assess(
    *,
    entities: Iterable = (),
    indicators: Iterable = (),
    immediate_danger: bool = False,
    children_age: str = "",
    received_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
    linked_tips: int = 0,
    near_duplicates: int = 0,
) -> Assessment:
    """Score a tip from what was found in it.

    `entities` have `.kind` and `.normalized`; `indicators` have `.code`, `.title`,
    `.weight` and `.implies_minor` (triage.entities.Entity and
    triage.indicators.Detection, or stored rows shaped like them).
    """
    entities = list(entities)
    indicators = list(indicators)
    reasons = []
    if immediate_danger:
        reasons.append(
            Reason(
                "immediate_danger",
                "A child is in immediate danger (the reporter said so)",
                IMMEDIATE_DANGER_POINTS,
            )
        )
    if minor := minor_reason(entities, indicators, children_age):
        reasons.append(minor)
    reasons.extend(indicator_reasons(indicators))
    if recent := recency_reason(received_at, now):
        reasons.append(recent)
    reasons.extend(corroboration_reasons(linked_tips, near_duplicates))
    return assess_reasons(reasons)


def with_corroboration(
    reasons: Iterable[Reason], linked_tips: int, near_duplicates: int
) -> Assessment:
    """The same assessment with the corroboration counts replaced (for linked tips)."""
    kept = [r for r in reasons if r.code not in CORROBORATION_CODES]
    return assess_reasons(kept + corroboration_reasons(linked_tips, near_duplicates))
