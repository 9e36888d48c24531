"""Marshall's global empirical Bayes rates, checked against sums done by hand."""

import pytest

from vigil.insights.smoothing import children, smooth_rates

# Four places, 200 reports among 200,000 children: the overall rate m is 0.001
# (100 per 100,000) and the mean population n̄ is 50,000, so m / n̄ = 2e-8.
COUNTS = {"A": 0, "B": 49, "C": 100, "D": 51}
POPULATIONS = {"A": 1_000, "B": 49_000, "C": 50_000, "D": 100_000}
# Raw rates 0, 0.001, 0.002, 0.00051. Weighted variance:
#   s² = (1000·0.001² + 49000·0 + 50000·0.001² + 100000·0.00049²) / 200000
#      = (0.001 + 0.05 + 0.02401) / 200000 = 3.7505e-7
# Prior variance A = 3.7505e-7 − 2e-8 = 3.5505e-7.
PRIOR_VARIANCE = 3.5505e-7


def test_a_small_place_with_no_reports_is_pulled_toward_the_overall_rate():
    rates = smooth_rates(COUNTS, POPULATIONS)
    a = rates["A"]
    # C_A = A / (A + m / 1000) = 3.5505e-7 / 1.35505e-6 = 0.262020
    weight = PRIOR_VARIANCE / (PRIOR_VARIANCE + 0.001 / 1_000)
    assert a.weight == pytest.approx(3.5505 / 13.5505)
    assert a.weight == pytest.approx(weight)
    assert a.raw_rate == 0
    # θ_A = 0.001 − 0.262020 · 0.001 = 0.000737980 → 73.80 per 100,000
    assert a.smoothed_rate == pytest.approx(73.7980, abs=1e-4)


def test_a_large_place_barely_moves():
    d = smooth_rates(COUNTS, POPULATIONS)["D"]
    # C_D = 3.5505e-7 / (3.5505e-7 + 1e-8) = 35.505 / 36.505 = 0.972606…
    assert d.weight == pytest.approx(35.505 / 36.505)
    assert d.raw_rate == pytest.approx(51.0)
    # θ_D = 0.001 − 0.972606 · 0.00049 = 0.000523423 → 52.34 per 100,000
    assert d.smoothed_rate == pytest.approx(52.3423, abs=1e-4)


def test_a_place_at_the_overall_rate_stays_there():
    assert smooth_rates(COUNTS, POPULATIONS)["B"].smoothed_rate == pytest.approx(100.0)


def test_all_equal_rates_are_unchanged():
    rates = smooth_rates({"A": 2, "B": 20, "C": 200}, {"A": 1_000, "B": 10_000, "C": 100_000})
    for rate in rates.values():
        assert rate.raw_rate == pytest.approx(200.0)
        assert rate.smoothed_rate == pytest.approx(200.0)


def test_rates_no_more_varied_than_chance_all_get_the_overall_rate():
    # Raw rates 0.0009 and 0.0011 on 10,000 each: s² = 1e-8 < m / n̄ = 1e-7, so A = 0.
    rates = smooth_rates({"A": 9, "B": 11}, {"A": 10_000, "B": 10_000})
    assert rates["A"].weight == 0
    assert rates["A"].smoothed_rate == pytest.approx(100.0)
    assert rates["B"].smoothed_rate == pytest.approx(100.0)


def test_a_place_without_population_has_no_rate_never_zero():
    rates = smooth_rates({"A": 5, "B": 3, "C": 4}, {"A": 1_000, "B": None, "C": 0})
    assert rates["B"].raw_rate is None and rates["B"].smoothed_rate is None
    assert rates["C"].smoothed_rate is None
    assert rates["B"].count == 3
    # It does not enter the overall rate either: A alone is its own mean.
    assert rates["A"].smoothed_rate == pytest.approx(500.0)


def test_no_reports_anywhere_gives_zero_rates_where_population_is_known():
    rates = smooth_rates({}, {"A": 1_000, "B": 5_000, "C": None})
    assert rates["A"].smoothed_rate == 0 and rates["B"].raw_rate == 0
    assert rates["C"].smoothed_rate is None


def test_children_from_population_and_share():
    assert children(2_000_000, 40.0) == 800_000
    assert children(None, 40.0) is None
    assert children(2_000_000, None) is None
