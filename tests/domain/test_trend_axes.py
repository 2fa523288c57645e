from datetime import date

import pytest

from mesolog.domain.measurement import Metric
from mesolog.domain.trend_axes import MEANINGFUL_SPAN, month_starts, value_axis


def test_a_tiny_change_is_drawn_on_a_clinically_meaningful_axis():
    low, high, step = value_axis(Metric.DENSITY, [142.985, 143.085])
    assert high - low >= MEANINGFUL_SPAN[Metric.DENSITY]  # not 142.985 to 143.115
    assert low < 142.985 and high > 143.085
    assert step in (5, 10) and low % step == 0 and high % step == 0


@pytest.mark.parametrize("metric", list(Metric))
def test_every_metric_stays_within_what_it_can_be_and_holds_its_values(metric):
    for values in ([0.0], [1.0, 1.2], [98.0, 99.5], [3.0, 4.0, 5.0]):
        low, high, step = value_axis(metric, values)
        assert high - low >= MEANINGFUL_SPAN[metric] - 1e-9
        assert low >= 0 and step > 0
        if metric is Metric.ANAGEN:
            assert high <= 100
        if metric is Metric.SATISFACTION:
            assert (low, high) == (1, 5)
        inside = [v for v in values if (metric is not Metric.SATISFACTION or 1 <= v <= 5)]
        assert all(low <= v <= high for v in inside)


def test_a_large_change_keeps_its_own_range():
    low, high, _ = value_axis(Metric.DENSITY, [100, 180])
    assert low <= 100 and high >= 180 and high - low < 200


def test_each_month_is_named_once_and_long_spans_are_thinned():
    months = month_starts(date(2026, 3, 12), date(2026, 9, 3))
    assert months == [date(2026, m, 1) for m in range(4, 10)]
    assert len(set(months)) == len(months)
    long = month_starts(date(2024, 3, 12), date(2026, 9, 3))
    assert len(long) <= 6 and len(set(long)) == len(long)
    assert month_starts(date(2026, 3, 12), date(2026, 3, 20)) == [date(2026, 3, 12)]
