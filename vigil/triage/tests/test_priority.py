import datetime
from dataclasses import dataclass

import pytest

from vigil.triage import priority
from vigil.triage.priority import Reason

NOW = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)


@dataclass
class Found:
    kind: str = ""
    normalized: str = ""
    code: str = ""
    title: str = ""
    weight: int = 0
    implies_minor: bool = False


def age(years: str) -> Found:
    return Found(kind="age", normalized=years)


def indicator(code: str, weight: int, implies_minor: bool = False) -> Found:
    return Found(
        code=code, title=code.replace("-", " "), weight=weight, implies_minor=implies_minor
    )


CONFISCATED = indicator("confiscated-documents", 8)
BEGGING = indicator("forced-begging", 6)
MOVES = indicator("frequent-moves", 3)
MINOR_SEX = indicator("minor-commercial-sex", 10, implies_minor=True)


@pytest.mark.parametrize(
    ("case", "expected_priority", "expected_reasons"),
    [
        ({}, 1, []),
        (
            {"immediate_danger": True},
            5,
            [("immediate_danger", "A child is in immediate danger (the reporter said so)", 40)],
        ),
        ({"entities": [age("14")]}, 3, [("minor", "A minor is involved: stated age 14", 20)]),
        ({"entities": [age("19")]}, 1, []),
        (
            {"entities": [age("16")], "indicators": [CONFISCATED]},
            4,
            [
                ("minor", "A minor is involved: stated age 16", 20),
                (
                    "indicator:confiscated-documents",
                    "Indicator (weight 8 × 2): confiscated documents",
                    16,
                ),
            ],
        ),
        (
            {"indicators": [MINOR_SEX]},
            5,
            [
                ("minor", "A minor is involved: indicator “minor commercial sex”", 20),
                (
                    "indicator:minor-commercial-sex",
                    "Indicator (weight 10 × 2): minor commercial sex",
                    20,
                ),
            ],
        ),
        (
            {"children_age": "12-14", "indicators": [MOVES]},
            3,
            [
                (
                    "minor",
                    "A minor is involved: the reporter gave the children's age as 12 to 14",
                    20,
                ),
                ("indicator:frequent-moves", "Indicator (weight 3 × 2): frequent moves", 6),
            ],
        ),
        ({"children_age": "mixed"}, 1, []),
        (
            {"indicators": [MOVES], "received_at": NOW - datetime.timedelta(hours=2)},
            2,
            [
                ("indicator:frequent-moves", "Indicator (weight 3 × 2): frequent moves", 6),
                ("recency", "Reported within the last 24 hours", 5),
            ],
        ),
        (
            {"received_at": NOW - datetime.timedelta(days=2)},
            1,
            [("recency", "Reported within the last 3 days", 3)],
        ),
        (
            {"received_at": NOW - datetime.timedelta(days=6)},
            1,
            [("recency", "Reported within the last 7 days", 1)],
        ),
        ({"received_at": NOW - datetime.timedelta(days=30)}, 1, []),
        (
            {"linked_tips": 3, "indicators": [BEGGING]},
            3,
            [
                ("indicator:forced-begging", "Indicator (weight 6 × 2): forced begging", 12),
                ("corroboration", "Shares identifiers with 3 other tips", 9),
            ],
        ),
        (
            {"linked_tips": 9},
            2,
            [("corroboration", "Shares identifiers with 9 other tips", 15)],
        ),
        (
            {"near_duplicates": 1, "linked_tips": 1},
            1,
            [
                ("corroboration", "Shares identifiers with 1 other tip", 3),
                ("near_duplicate", "Narrative nearly the same as 1 other tip", 1),
            ],
        ),
    ],
)
def test_it_scores_each_case_with_its_reasons(case, expected_priority, expected_reasons):
    result = priority.assess(now=NOW, **case)

    assert result.priority == expected_priority
    assert [(r.code, r.label, r.contribution) for r in result.reasons] == expected_reasons
    assert result.score == sum(c for _, _, c in expected_reasons)


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, 1), (7.9, 1), (8, 2), (17, 2), (18, 3), (29, 3), (30, 4), (39, 4), (40, 5), (99, 5)],
)
def test_it_maps_scores_to_priorities_by_the_documented_thresholds(score, expected):
    assert priority.priority_for(score) == expected


def test_it_caps_what_indicators_add_together_and_says_so():
    many = [indicator(f"code-{w}", w) for w in (9, 8, 7, 6)]

    result = priority.assess(indicators=many)

    contributions = [r.contribution for r in result.reasons]
    assert contributions == [18, 16, 6, 0]
    assert sum(contributions) == priority.INDICATOR_CAP
    assert "at most 40" in result.reasons[2].label
    assert "at most 40" not in result.reasons[0].label


def test_it_counts_the_youngest_stated_age_once():
    result = priority.assess(entities=[age("16"), age("12"), age("30")])

    assert [(r.code, r.label) for r in result.reasons] == [
        ("minor", "A minor is involved: stated age 12")
    ]


def test_it_sorts_reasons_by_contribution():
    result = priority.assess(
        immediate_danger=True,
        indicators=[MOVES, CONFISCATED],
        entities=[age("15")],
        received_at=NOW,
        now=NOW,
        linked_tips=2,
    )

    contributions = [r.contribution for r in result.reasons]
    assert contributions == sorted(contributions, reverse=True)
    assert result.priority == 5


def test_floors_hold_even_when_weights_are_small():
    # An admin may lower weights; the two rules that matter most still hold.
    danger = priority.assess_reasons([Reason("immediate_danger", "danger", 1)])
    minor_strong = priority.assess_reasons(
        [Reason("minor", "minor", 1), Reason("indicator:x", "x", 14)]
    )
    minor_weak = priority.assess_reasons(
        [Reason("minor", "minor", 1), Reason("indicator:x", "x", 12)]
    )

    assert danger.priority == 5
    assert minor_strong.priority == 4
    assert minor_weak.priority == 2


def test_new_corroboration_replaces_the_old_and_keeps_the_rest():
    first = priority.assess(entities=[age("14")], linked_tips=1)

    again = priority.with_corroboration(first.reasons, linked_tips=4, near_duplicates=0)

    assert [(r.code, r.contribution) for r in again.reasons] == [
        ("minor", 20),
        ("corroboration", 12),
    ]
    assert again.score == 32
    assert again.priority == 4
