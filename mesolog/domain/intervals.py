"""The estimates and 95 % intervals the practice's outcomes are shown with.

Quantiles of the t, normal and chi-squared distributions come from SciPy
(``scipy.stats``), imported when first needed: it takes half a second, which the
window's start does not pay. Everything else is the textbook formula, named where
it is used.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mesolog.domain.translation import _, number

LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def described(self, digits: int = 1, percent: bool = False) -> str:
        """"13.3 (95 % CI 4.7 to 22.0)"; a proportion as percent with ``percent``."""
        scale, unit = (100, " %") if percent else (1, "")
        return _("{value}{unit} (95 % CI {low} to {high})").format(
            value=number(self.value * scale, digits), unit=unit,
            low=number(self.low * scale, digits), high=number(self.high * scale, digits))


def described(estimate: Estimate | None, digits: int = 1, percent: bool = False) -> str:
    """An estimate in words, or a dash where there is none (nobody to count)."""
    return "—" if estimate is None else estimate.described(digits, percent)


@dataclass(frozen=True)
class Spread:
    """Where the values lie: n, mean (with its interval), SD, median and quartiles."""

    n: int
    mean: Estimate
    sd: float
    median: float
    q1: float
    q3: float


def _stats() -> Any:
    """scipy.stats, imported on first use."""
    from scipy import stats

    return stats


def _z(level: float) -> float:
    return float(_stats().norm.ppf(0.5 + level / 2))


def spread(values: Sequence[float], level: float = LEVEL) -> Spread | None:
    """Mean with its t interval (Student; a single value has none: its interval is
    itself), sample SD, median and quartiles (linear interpolation between the
    sorted values, as spreadsheets compute them); None without values."""
    n = len(values)
    if n == 0:
        return None
    import numpy as np

    data = np.asarray(values, dtype=float)
    mean = float(data.mean())
    sd = float(data.std(ddof=1)) if n > 1 else 0.0
    half = (float(_stats().t.ppf(0.5 + level / 2, n - 1)) * sd / math.sqrt(n) if n > 1
            else 0.0)
    q1, median, q3 = (float(q) for q in np.percentile(data, [25, 50, 75]))
    return Spread(n, Estimate(mean, mean - half, mean + half), sd, median, q1, q3)


def wilson(successes: int, n: int, level: float = LEVEL) -> Estimate | None:
    """A proportion with its Wilson score interval (Wilson 1927): right near 0 % and
    100 % and for small n, where the textbook ±1.96·SE is not."""
    if n == 0:
        return None
    z = _z(level)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Difference:
    """A minus B, with its interval."""

    estimate: Estimate
    df: float | None = None  # Welch's degrees of freedom, for a difference of means


def welch(a: Sequence[float], b: Sequence[float], level: float = LEVEL) -> Difference | None:
    """The difference of two means with Welch's interval (unequal variances, the
    Welch-Satterthwaite degrees of freedom); None unless each side has two values."""
    if len(a) < 2 or len(b) < 2:
        return None
    import numpy as np

    va, vb = (float(np.var(side, ddof=1)) / len(side) for side in (a, b))
    diff = float(np.mean(a)) - float(np.mean(b))
    if va + vb == 0:
        return Difference(Estimate(diff, diff, diff), math.inf)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    half = float(_stats().t.ppf(0.5 + level / 2, df)) * math.sqrt(va + vb)
    return Difference(Estimate(diff, diff - half, diff + half), df)


def newcombe(successes_a: int, n_a: int, successes_b: int, n_b: int,
             level: float = LEVEL) -> Difference | None:
    """The difference of two proportions with Newcombe's hybrid score interval
    (Newcombe 1998, method 10), built from each side's Wilson interval."""
    a, b = wilson(successes_a, n_a, level), wilson(successes_b, n_b, level)
    if a is None or b is None:
        return None
    diff = a.value - b.value
    low = diff - math.sqrt((a.value - a.low) ** 2 + (b.high - b.value) ** 2)
    high = diff + math.sqrt((a.high - a.value) ** 2 + (b.value - b.low) ** 2)
    return Difference(Estimate(diff, low, high))


def poisson_rate(events: int, exposure: int, per: float = 100,
                 level: float = LEVEL) -> Estimate | None:
    """Events per ``per`` units of exposure (side effects per 100 sessions) with the
    exact Poisson interval (Garwood 1936, from the chi-squared distribution)."""
    if exposure == 0:
        return None
    chi2 = _stats().chi2
    tail = (1 - level) / 2
    low = 0.0 if events == 0 else float(chi2.ppf(tail, 2 * events)) / 2
    high = float(chi2.ppf(1 - tail, 2 * events + 2)) / 2
    scale = per / exposure
    return Estimate(events * scale, low * scale, high * scale)
