"""The axes of a measurement trend, one rule for the screen and the printed report.

A trend chart must not exaggerate: a change of 0.1 hairs/cm² drawn over an axis
from 142.985 to 143.115 looks like a steep climb. The value axis spans at least
the smallest change a practitioner reads as real for its metric, and stays
within the values the metric can take. Time is labelled by month, each month
once.
"""

from __future__ import annotations

import math
from datetime import date

from mesolog.domain.measurement import Metric

# The smallest span of a value axis: about the change that matters clinically
# (density counts move by tens of hairs/cm², shaft diameters by a few µm).
MEANINGFUL_SPAN: dict[Metric, float] = {
    Metric.DENSITY: 40.0, Metric.SHAFT_DIAMETER: 10.0, Metric.TV_RATIO: 2.0,
    Metric.ANAGEN: 20.0, Metric.SATISFACTION: 4.0,
}
# What the metric can be at all: an axis never runs below or above it.
_LIMITS: dict[Metric, tuple[float, float | None]] = {
    Metric.DENSITY: (0.0, 600.0), Metric.SHAFT_DIAMETER: (0.0, 150.0),
    Metric.TV_RATIO: (0.0, None), Metric.ANAGEN: (0.0, 100.0), Metric.SATISFACTION: (1.0, 5.0),
}


def _nice_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving four or five intervals over ``span``."""
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_axis(metric: Metric, values: list[float]) -> tuple[float, float, float]:
    """(low, high, step) of the value axis for ``values`` of ``metric``: round numbers,
    at least the metric's meaningful span, the data centred, within the metric's limits."""
    floor, ceiling = _LIMITS[metric]
    values = [v for v in values if math.isfinite(v)] or [floor]
    low, high = min(values), max(values)
    span = max((high - low) * 1.3, MEANINGFUL_SPAN[metric])
    step = _nice_step(span)
    centre = (low + high) / 2
    start = math.floor((centre - span / 2) / step) * step
    end = math.ceil((centre + span / 2) / step) * step
    if start < floor:
        start, end = floor, end + (floor - start)
    if ceiling is not None and end > ceiling:
        start, end = max(floor, start - (end - ceiling)), ceiling
    return start, end, step


def month_starts(first: date, last: date, most: int = 6) -> list[date]:
    """The first days of the months from ``first`` to ``last`` to label, each month at
    most once and at most ``most`` of them (every second, third … month when long);
    ``first`` itself when no month begins in between."""
    if last < first:
        first, last = last, first
    inside = []
    year, month = first.year, first.month
    while True:
        day = date(year, month, 1)
        if day > last:
            break
        if day >= first:
            inside.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not inside:
        return [first]
    return inside[::max(1, math.ceil(len(inside) / most))]
