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


@pytest.mark.parametrize(("metric", "values", "axis"), [
    (Metric.DENSITY, [142.985, 143.085], (120, 170, 10)),  # the meaningful span, centred
    (Metric.DENSITY, [100, 180], (75, 200, 25)),           # the data's span and a margin
    (Metric.DENSITY, [5, 10], (0, 50, 10)),                 # pushed up off zero
    (Metric.DENSITY, [590, 599], (550, 600, 10)),           # pushed down under 600
    (Metric.ANAGEN, [95, 99], (75, 100, 5)),
    (Metric.SATISFACTION, [3], (1, 5, 1)),
    (Metric.TV_RATIO, [10, 30], (0, 40, 10)),               # no ceiling
    (Metric.SHAFT_DIAMETER, [60, 62], (56, 66, 2)),
    (Metric.DENSITY, [float("nan")], (0, 40, 10)),          # nothing to draw: from zero
    (Metric.TV_RATIO, [], (0, 2, 0.5)),
])
def test_the_axis_for_each_shape_of_data(metric, values, axis):
    assert value_axis(metric, values) == pytest.approx(axis)


@pytest.mark.parametrize(("first", "last", "most", "months"), [
    (date(2026, 9, 3), date(2026, 3, 12), 6, [date(2026, m, 1) for m in range(4, 10)]),
    (date(2026, 1, 1), date(2026, 1, 31), 6, [date(2026, 1, 1)]),  # the first day counts
    (date(2025, 11, 15), date(2026, 2, 10), 6,
     [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]),  # across the new year
    (date(2024, 1, 5), date(2026, 1, 3), 6,
     [date(2024, 2, 1), date(2024, 6, 1), date(2024, 10, 1), date(2025, 2, 1),
      date(2025, 6, 1), date(2025, 10, 1)]),  # every fourth of 24
    (date(2026, 1, 5), date(2026, 7, 3), 6, [date(2026, m, 1) for m in range(2, 8)]),
    (date(2026, 1, 5), date(2026, 12, 3), 6, [date(2026, m, 1) for m in range(2, 13, 2)]),
    (date(2026, 1, 5), date(2026, 12, 3), 11, [date(2026, m, 1) for m in range(2, 13)]),
])
def test_the_months_labelled(first, last, most, months):
    assert month_starts(first, last, most) == months


def test_a_round_step_for_each_span():
    from mesolog.domain.trend_axes import _nice_step

    assert [_nice_step(span) for span in (5, 8, 12.5, 25, 40, 0.7, 100)] == [
        1, 2, 2.5, 5, 10, 0.2, 20]


def test_the_first_of_a_month_at_either_end_is_labelled():
    assert month_starts(date(2026, 1, 1), date(2026, 3, 5)) == [
        date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert month_starts(date(2026, 1, 5), date(2026, 3, 1)) == [date(2026, 2, 1),
                                                                date(2026, 3, 1)]
    seven = month_starts(date(2026, 1, 5), date(2026, 8, 3))  # six at most, by default
    assert seven == [date(2026, 2, 1), date(2026, 4, 1), date(2026, 6, 1), date(2026, 8, 1)]
