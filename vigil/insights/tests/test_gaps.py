"""Ranking places by vulnerability against what is reported, handled and served."""

import pytest

from vigil.insights.gaps import PlaceFacts, positions, rank_gaps


def test_positions_are_mid_rank_percentiles():
    assert positions({"a": 1, "b": 2, "c": 3, "d": None}) == {"a": 0, "b": 0.5, "c": 1}
    # Ties share the mean position: a and b are 0 and 1/3 → 1/6 each.
    assert positions({"a": 5, "b": 5, "c": 6, "d": 7}) == pytest.approx(
        {"a": 1 / 6, "b": 1 / 6, "c": 2 / 3, "d": 1}
    )
    assert positions({"only": 3}) == {"only": 0.5}
    assert positions({}) == {}


FACTS = [
    # The most vulnerable, least reported, no service at all: the first gap.
    PlaceFacts("N", index=0.9, report_rate=10, case_rate=1, services=0, shelters=0, children=1e5),
    # Vulnerable, but well reported and served.
    PlaceFacts("S", index=0.8, report_rate=90, case_rate=9, services=5, shelters=1, children=1e5),
    PlaceFacts("E", index=0.3, report_rate=50, case_rate=5, services=2, shelters=1, children=1e5),
    PlaceFacts("W", index=0.1, report_rate=70, case_rate=7, services=3, shelters=1, children=1e5),
    # No indicator data: never ranked, said why.
    PlaceFacts("X", index=None, report_rate=20, case_rate=2, services=1, shelters=0, children=1e5),
]


def test_the_most_vulnerable_and_least_reported_place_comes_first():
    gaps = rank_gaps(FACTS)
    assert [g.place for g in gaps] == ["N", "E", "S", "W", "X"]
    first = gaps[0]
    # Index position 1 (highest of four); reports, cases and services all lowest of five → 0.
    assert first.vulnerability == 1
    assert first.observed == 0
    assert first.score == 1
    assert first.rank == 1
    assert first.reasons == [
        "index in the top quarter",
        "reports per 100,000 children in the bottom quarter",
        "cases per 100,000 children in the bottom quarter",
        "no service listed",
        "no shelter service listed",
    ]


def test_scores_by_hand():
    gaps = {g.place: g for g in rank_gaps(FACTS)}
    # E: index 1/3; reports, cases, services all in the middle (0.5) → −1/6.
    assert gaps["E"].score == pytest.approx(1 / 3 - 0.5)
    # S: index 2/3; reports, cases, services all highest (1) → 2/3 − 1 = −1/3.
    assert gaps["S"].score == pytest.approx(2 / 3 - 1)
    assert gaps["S"].reasons == ["index above the median"]
    # W: index 0; reports 0.75, cases 0.75, services 0.75 → −0.75.
    assert gaps["W"].score == pytest.approx(-0.75)


def test_a_place_without_an_index_is_not_ranked():
    x = rank_gaps(FACTS)[-1]
    assert x.place == "X" and x.score is None and x.rank is None
    assert x.reasons[0] == "no vulnerability index (no indicator data)"
    assert "no shelter service listed" in x.reasons


def test_unknown_population_is_said_not_taken_as_zero():
    gaps = rank_gaps(
        [
            PlaceFacts("A", index=0.9, report_rate=None, case_rate=None, services=2),
            PlaceFacts("B", index=0.1, report_rate=None, case_rate=None, services=4),
        ]
    )
    a = next(g for g in gaps if g.place == "A")
    # Only services are known: A has fewer (position 0), index highest (1).
    assert a.score == 1
    assert "reports per 100,000 children not known (no child population figure)" in a.reasons
