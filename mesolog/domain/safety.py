"""Safety across the practice: side effects per 100 sessions, by kind and grade, by
product and by lot, each with its exact Poisson interval; a lot whose rate stands out
from the practice's is flagged.

A session given several products counts once for each of them, and a side effect of
that session counts for each (exposure, not blame: the suspected lot is the
practitioner's judgement, recorded on the side effect itself). A lot stands out when
at least ``MIN_EVENTS`` side effects were seen with it and so many or more would come
by chance less than once in a hundred at the practice's own rate (one-sided exact
Poisson test).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mesolog.domain.intervals import Estimate, poisson_rate, wilson
from mesolog.domain.translation import N_, _

MIN_EVENTS = 3
STANDS_OUT_P = 0.01


class SafetyGroup(StrEnum):
    KIND = "kind"
    GRADE = "grade"
    PRODUCT = "product"
    LOT = "lot"

    @property
    def label(self) -> str:
        labels = {"kind": N_("Kind"), "grade": N_("Grade"), "product": N_("Product"),
                  "lot": N_("Lot")}
        return _(labels[self.value])


@dataclass(frozen=True)
class SafetyRow:
    group: SafetyGroup
    label: str
    sessions: int  # the exposure: sessions (of the period; given the product or lot)
    events: int
    rate: Estimate | None  # per 100 sessions
    stands_out: bool = False
    p_value: float | None = None  # for a lot: chance of so many at the practice's rate


@dataclass(frozen=True)
class SafetyReport:
    first: date | None
    last: date | None
    sessions: int
    events: int
    rate: Estimate | None
    rows: tuple[SafetyRow, ...]
    patients: int = 0  # with a session in the period
    patients_with_pain: int = 0  # of those, with pain as a side effect at least once

    @property
    def pain_share(self) -> Estimate | None:
        """The patients who had pain as a side effect, with its Wilson interval: the
        practice's number beside published ones counted by patient."""
        return wilson(self.patients_with_pain, self.patients)

    def of(self, group: SafetyGroup) -> list[SafetyRow]:
        return [row for row in self.rows if row.group is group]

    @property
    def flagged(self) -> list[SafetyRow]:
        return [row for row in self.rows if row.stands_out]


def row(group: SafetyGroup, label: str, sessions: int, events: int) -> SafetyRow:
    return SafetyRow(group, label, sessions, events, poisson_rate(events, sessions))


def lot_row(label: str, sessions: int, events: int, practice_rate: float) -> SafetyRow:
    """A lot's row, flagged when its count stands out from the practice's rate (events
    per session)."""
    expected = practice_rate * sessions
    p_value = chance_of_at_least(events, expected) if sessions else None
    stands_out = (p_value is not None and events >= MIN_EVENTS and p_value < STANDS_OUT_P)
    return SafetyRow(SafetyGroup.LOT, label, sessions, events,
                     poisson_rate(events, sessions), stands_out, p_value)


def chance_of_at_least(events: int, expected: float) -> float:
    """P(X ≥ events) for X Poisson with mean ``expected`` (exact)."""
    if events <= 0:
        return 1.0
    if expected <= 0:
        return 0.0
    from scipy import stats

    return float(stats.poisson.sf(events - 1, expected))
