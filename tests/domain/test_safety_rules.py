"""Safety across the practice: when a lot stands out (at least MIN_EVENTS side effects,
and so many less than once in a hundred at the practice's rate), the exact Poisson tail
at its edges, and how a report is read by group."""

from __future__ import annotations

import pytest
from scipy import stats

from mesolog.domain.intervals import poisson_rate, wilson
from mesolog.domain.safety import (
    MIN_EVENTS,
    STANDS_OUT_P,
    SafetyGroup,
    SafetyReport,
    chance_of_at_least,
    lot_row,
    row,
)


@pytest.mark.parametrize(("events", "expected", "chance"), [
    (0, 2.0, 1.0), (-1, 2.0, 1.0),   # at least nothing: certain
    (1, 0.0, 0.0), (3, -1.0, 0.0),   # something where nothing is expected: never
    (1, 2.0, 1 - stats.poisson.pmf(0, 2.0)),
    (3, 0.5, stats.poisson.sf(2, 0.5)),
])
def test_the_chance_of_at_least_so_many(events, expected, chance):
    assert chance_of_at_least(events, expected) == pytest.approx(chance, rel=1e-12)


def test_a_lot_stands_out_from_min_events_under_one_in_a_hundred():
    assert (MIN_EVENTS, STANDS_OUT_P) == (3, 0.01)
    rate = 0.01  # a side effect per hundred sessions across the practice
    # 3 in 20 sessions (0.2 expected): P ≈ 0.0011, and three are enough
    flagged = lot_row("Biotin lot B-2", 20, MIN_EVENTS, rate)
    assert flagged.stands_out and flagged.p_value == pytest.approx(
        stats.poisson.sf(2, 0.2))
    assert flagged.rate == poisson_rate(3, 20)
    # 2 in 2 sessions: unlikely (P ≈ 0.0002) but fewer than three: not flagged
    assert not lot_row("lot B-3", 2, MIN_EVENTS - 1, rate).stands_out
    # 3 in 100 sessions (1 expected): P ≈ 0.08, as chance would have it
    usual = lot_row("lot B-4", 100, 3, rate)
    assert not usual.stands_out and usual.p_value == pytest.approx(stats.poisson.sf(2, 1.0))
    # no sessions with the lot: no chance to weigh
    unused = lot_row("lot B-5", 0, 0, rate)
    assert unused.p_value is None and not unused.stands_out


def test_a_lot_just_past_the_chance_limit_is_not_flagged():
    # three side effects at a 1 % practice rate cross P = 0.01 between 43 and 44 sessions
    under = lot_row("lot", 43, 3, 0.01)   # 0.43 expected: P ≈ 0.0096
    past = lot_row("lot", 44, 3, 0.01)    # 0.44 expected: P ≈ 0.0102
    assert under.p_value < STANDS_OUT_P and under.stands_out
    assert past.p_value > STANDS_OUT_P and not past.stands_out


def test_a_report_is_read_by_group_and_its_flagged_lots():
    rows = (row(SafetyGroup.KIND, "Pain", 200, 12), row(SafetyGroup.PRODUCT, "Biotin", 150, 9),
            lot_row("lot B-2", 20, 3, 0.01), lot_row("lot B-4", 100, 3, 0.01))
    report = SafetyReport(None, None, 200, 12, poisson_rate(12, 200), rows, 80, 10)
    assert [r.label for r in report.of(SafetyGroup.LOT)] == ["lot B-2", "lot B-4"]
    assert [r.label for r in report.of(SafetyGroup.KIND)] == ["Pain"]
    assert [r.label for r in report.flagged] == ["lot B-2"]
    assert report.pain_share == wilson(10, 80)
    assert rows[0].rate == poisson_rate(12, 200) and not rows[0].stands_out
    assert [g.label for g in SafetyGroup] == ["Kind", "Grade", "Product", "Lot"]


def test_nothing_seen_where_nothing_is_expected_is_certain():
    assert chance_of_at_least(0, 0.0) == 1.0
