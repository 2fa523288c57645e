"""The intervals the practice's outcomes are shown with, against numbers worked by
hand, published worked examples, and a second library where one computes the same."""

from __future__ import annotations

import math
import statistics

import pytest
from scipy import stats

from mesolog.domain.intervals import (
    Difference,
    Estimate,
    described,
    newcombe,
    poisson_rate,
    spread,
    welch,
    wilson,
)


def test_a_mean_with_its_t_interval_median_and_quartiles():
    found = spread([2, 4, 6, 8, 10])
    # by hand: SD √10, SE √2, t(0.975; 4) = 2.776445
    assert found.n == 5 and found.mean.value == 6
    assert found.sd == pytest.approx(math.sqrt(10))
    assert found.mean.low == pytest.approx(6 - 2.776445 * math.sqrt(2), abs=1e-5)
    assert found.mean.high == pytest.approx(6 + 2.776445 * math.sqrt(2), abs=1e-5)
    assert (found.median, found.q1, found.q3) == (6, 4, 8)
    values = [3.5, 12.25, -4, 15, 15, 8.5, 0.0]
    found = spread(values)
    assert found.mean.value == pytest.approx(statistics.fmean(values))
    assert found.sd == pytest.approx(statistics.stdev(values))
    assert [found.q1, found.median, found.q3] == pytest.approx(
        statistics.quantiles(values, n=4, method="inclusive"))
    one = spread([7.0])
    assert (one.mean.low, one.mean.high, one.sd) == (7.0, 7.0, 0.0)
    assert spread([]) is None


def test_wilson_intervals_worked_by_hand():
    three_of_five = wilson(3, 5)
    assert three_of_five.value == 0.6
    assert (three_of_five.low, three_of_five.high) == pytest.approx((0.2307, 0.8824), abs=1e-4)
    none = wilson(0, 10)  # never below 0 %, and not empty as ±1.96·SE would be
    assert (none.low, none.high) == pytest.approx((0.0, 0.2775), abs=1e-4)
    every = wilson(10, 10)
    assert (every.low, every.high) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert wilson(0, 0) is None


def test_welchs_difference_against_scipys_own_welch_test():
    a, b = [1.0, 2, 3, 4], [2.0, 4, 6, 8, 10, 12]
    found = welch(a, b)
    # by hand: means 2.5 and 7, variances of the means 5/12 and 14/6
    va, vb = 5 / 12, 14 / 6
    assert found.estimate.value == -4.5
    assert found.df == pytest.approx((va + vb) ** 2 / (va ** 2 / 3 + vb ** 2 / 5))
    test = stats.ttest_ind(a, b, equal_var=False)
    low, high = test.confidence_interval(0.95)
    assert (found.estimate.low, found.estimate.high) == pytest.approx((low, high))
    assert welch([1.0], b) is None


def test_newcombes_difference_of_proportions_as_published():
    # Newcombe 1998, Statistics in Medicine 17:873, table II example (a): 56/70 - 48/80
    found = newcombe(56, 70, 48, 80)
    assert found.estimate.value == pytest.approx(0.2)
    assert (found.estimate.low, found.estimate.high) == pytest.approx((0.0524, 0.3339),
                                                                      abs=1e-4)


def test_side_effects_per_100_sessions_with_the_exact_poisson_interval():
    found = poisson_rate(3, 100)
    assert found.value == 3
    assert (found.low, found.high) == pytest.approx((0.6187, 8.7673), abs=1e-4)
    none = poisson_rate(0, 50)  # none seen in 50 sessions: up to 7.4 per 100
    assert (none.value, none.low) == (0, 0) and none.high == pytest.approx(7.3778, abs=1e-4)
    assert poisson_rate(1, 0) is None


def test_the_shipped_published_numbers_are_as_printed():
    from importlib.resources import files

    from mesolog.domain.published import ComparedWith, published_numbers

    studies = published_numbers((files("mesolog.resources") / "published_outcomes.json")
                                .read_text(encoding="utf-8"))
    by_id = {s.id: s for s in studies}
    moftah = by_id["moftah-2013"]
    assert [(a.events, a.n) for a in moftah.arms] == [(54, 86), (7, 40)]
    assert moftah.compares_with is ComparedWith.RESPONDERS and moftah.pmid == "22486925"
    pain = by_id["saceda-corralo-2022-pain"]
    assert (pain.arms[0].events, pain.arms[0].n) == (246, 541)
    assert all(s.doi and s.citation and s.outcome and s.read_from for s in studies)
    with pytest.raises(ValueError, match="is not 60"):
        published_numbers('{"studies": [{"id": "x", "citation": "", "doi": "", "pmid": "", '
                          '"design": "", "population": "", "treatment": "", "outcome": "", '
                          '"read_from": "", "compares_with": "responders", "arms": '
                          '[{"name": "a", "events": 5, "n": 10, "published": "60 %"}]}]}')


def test_an_interval_holds_its_ends_and_says_itself():
    estimate = Estimate(13.333, 4.71, 21.96)
    assert estimate.contains(4.71) and estimate.contains(21.96)
    assert not estimate.contains(4.709) and not estimate.contains(21.961)
    assert estimate.described() == "13.3 (95 % CI 4.7 to 22.0)"
    assert estimate.described(2) == "13.33 (95 % CI 4.71 to 21.96)"
    assert described(estimate) == "13.3 (95 % CI 4.7 to 22.0)"
    assert described(estimate, 0) == "13 (95 % CI 5 to 22)"
    rate = Estimate(0.6, 0.2307, 0.8824)
    assert rate.described(percent=True) == "60.0 % (95 % CI 23.1 to 88.2)"
    assert described(rate, 0, percent=True) == "60 % (95 % CI 23 to 88)"
    assert described(None) == "—"  # nobody to count


def test_two_values_have_a_spread_and_a_difference():
    two = spread([1.0, 3.0])
    assert two.sd == pytest.approx(math.sqrt(2))
    # t(0.975; 1) = 12.7062: two values say little
    assert (two.mean.low, two.mean.high) == pytest.approx((2 - 12.7062, 2 + 12.7062),
                                                          abs=1e-4)
    found = welch([1.0, 3.0], [5.0, 9.0])
    test = stats.ttest_ind([1.0, 3.0], [5.0, 9.0], equal_var=False)
    assert (found.estimate.low, found.estimate.high) == pytest.approx(
        test.confidence_interval(0.95))
    assert welch([1.0, 3.0], [5.0]) is None


def test_a_difference_of_means_with_equal_or_no_spread():
    # the same variance on both sides is still an interval
    same = welch([1.0, 3.0], [5.0, 7.0])
    assert same.estimate.value == -4
    assert same.estimate.low < -4 < same.estimate.high and same.df == pytest.approx(2)
    # one side without spread: the other's alone (variance of its mean exactly 1)
    one_sided = welch([0.0, 2.0], [5.0, 5.0])
    assert one_sided.df == pytest.approx(1)
    assert one_sided.estimate.high == pytest.approx(-4 + 12.7062, abs=1e-4)
    # neither has any: the difference is exact
    assert welch([2.0, 2.0], [5.0, 5.0]) == Difference(Estimate(-3.0, -3.0, -3.0),
                                                       float("inf"))


def test_another_level_than_95_percent():
    values = [2.0, 4, 6, 8, 10]
    ninety = spread(values, level=0.90)
    # t(0.95; 4) = 2.131847
    assert ninety.mean.high == pytest.approx(6 + 2.131847 * math.sqrt(2), abs=1e-5)
    a, b = [1.0, 2, 3, 4], [2.0, 4, 6, 8, 10, 12]
    assert ((welch(a, b, 0.90).estimate.low, welch(a, b, 0.90).estimate.high)
            == pytest.approx(stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.90)))
    assert wilson(3, 5, 0.90).low > wilson(3, 5).low
    narrower = newcombe(56, 70, 48, 80, level=0.90).estimate
    wider = newcombe(56, 70, 48, 80).estimate
    assert wider.low < narrower.low < 0.2 < narrower.high < wider.high
    # Newcombe's method 10 from each side's Wilson interval at 90 %
    a, b = wilson(56, 70, 0.90), wilson(48, 80, 0.90)
    assert (narrower.low, narrower.high) == pytest.approx((
        0.2 - math.hypot(a.value - a.low, b.high - b.value),
        0.2 + math.hypot(a.high - a.value, b.value - b.low)))


def test_a_proportion_never_past_one_hundred_percent():
    assert wilson(16, 16).high == 1.0  # the formula gives 1.0000000000000002
    assert all(wilson(n, n).high <= 1.0 and wilson(0, n).low >= 0.0 for n in range(1, 200))


def test_a_difference_of_proportions_needs_both_sides():
    assert newcombe(1, 2, 0, 0) is None
    assert newcombe(0, 0, 1, 2) is None


def test_a_rate_per_hundred_of_another_exposure():
    found = poisson_rate(3, 200)  # 3 in 200 sessions: 1.5 per 100
    assert found.value == 1.5
    assert (found.low, found.high) == pytest.approx((0.6187 / 2, 8.7673 / 2), abs=1e-4)
    per_thousand = poisson_rate(3, 200, per=1000)
    assert (per_thousand.value, per_thousand.low) == pytest.approx((15, 3.0934), abs=1e-4)
