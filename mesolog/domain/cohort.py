"""Outcomes across the practice: which patients (a cohort), which outcome, how each
patient of the cohort counts, and what the cohort's numbers are.

A patient's time runs from their first session. The baseline is their first value
taken no later than ``baseline_days`` after it; the follow-up at 3, 6 or 12 months
is the value nearest that time within ``window_days`` either side. A patient without
a follow-up is never dropped silently: they are counted as not due yet (the window
has not closed), without a baseline, or lost to follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from mesolog.domain.intervals import (
    Difference,
    Estimate,
    Spread,
    newcombe,
    spread,
    welch,
    wilson,
)
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.translation import N_, _, day_text, ngettext, number
from mesolog.domain.validation import FieldError, ValidationError

DAYS_A_MONTH = 30.4375  # a year's days over twelve
TIME_POINTS = (3, 6, 12)
MAX_AGE = 120


class OutcomeKind(StrEnum):
    DENSITY = "density"
    GRADE = "grade"
    SATISFACTION = "satisfaction"

    @property
    def label(self) -> str:
        labels = {"density": N_("Change in hair density (hairs/cm²)"),
                  "grade": N_("Change of grade (stages on the patient's scale)"),
                  "satisfaction": N_("Patient satisfaction (1–5)")}
        return _(labels[self.value])

    @property
    def unit(self) -> str:
        return {"density": "hairs/cm²", "grade": "stages", "satisfaction": "points"}[self.value]

    @property
    def needs_baseline(self) -> bool:
        return self is not OutcomeKind.SATISFACTION


class Follow(StrEnum):
    """How a patient of the cohort counts for the outcome."""

    ANALYSED = "analysed"
    NOT_DUE = "not_due"
    NO_BASELINE = "no_baseline"
    LOST = "lost"

    @property
    def label(self) -> str:
        labels = {"analysed": N_("Analysed"), "not_due": N_("Not due yet"),
                  "no_baseline": N_("No baseline"),
                  "lost": N_("Lost to follow-up")}
        return _(labels[self.value])


@dataclass(frozen=True)
class Cohort:
    """Which patients: each criterion left empty takes everyone."""

    diagnoses: frozenset[Diagnosis] = frozenset()
    sexes: frozenset[Sex] = frozenset()
    age_from: int | None = None  # age at the first session, in whole years
    age_to: int | None = None
    protocol: str = ""  # a course of this protocol
    product_id: int | None = None  # given at least once
    first_from: date | None = None  # first session on or after
    first_to: date | None = None  # first session on or before
    min_sessions: int = 1

    def check(self) -> Cohort:
        errors = []
        for name in ("age_from", "age_to"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= MAX_AGE:
                errors.append(FieldError(name, _("Age: 0 to {limit} years.").format(
                    limit=MAX_AGE)))
        if (self.age_from is not None and self.age_to is not None
                and self.age_from > self.age_to):
            errors.append(FieldError("age_to", _("The age band ends before it begins.")))
        if self.first_from and self.first_to and self.first_from > self.first_to:
            errors.append(FieldError("first_to", _("The period ends before it begins.")))
        if not 1 <= self.min_sessions <= 1000:
            errors.append(FieldError("min_sessions", _("At least 1 to 1000 sessions.")))
        if errors:
            raise ValidationError(errors)
        return self

    def described(self, product_name: str | None = None) -> str:
        parts = []
        either = _(" or ")
        if self.diagnoses:
            parts.append(either.join(sorted(d.label for d in self.diagnoses)))
        if self.sexes:
            parts.append(either.join(sorted(s.label.lower() for s in self.sexes)))
        if self.age_from is not None or self.age_to is not None:
            parts.append(_("aged {low}–{high} at the first session").format(
                low=0 if self.age_from is None else self.age_from,
                high=MAX_AGE if self.age_to is None else self.age_to))
        if self.protocol:
            parts.append(_("protocol “{protocol}”").format(protocol=self.protocol))
        if self.product_id is not None:
            parts.append(_("given {product}").format(
                product=product_name or _("product #{number}").format(number=self.product_id)))
        if self.first_from or self.first_to:
            parts.append(_("first session {first} to {last}").format(
                first=day_text(self.first_from) if self.first_from else "…",
                last=day_text(self.first_to) if self.first_to else "…"))
        if self.min_sessions > 1:
            parts.append(ngettext("at least {count} session", "at least {count} sessions",
                                  self.min_sessions).format(count=self.min_sessions))
        return "; ".join(parts) or _("every patient with a session")


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind = OutcomeKind.DENSITY
    months: int = 6
    window_days: int = 45
    zone: ScalpZone = ScalpZone.VERTEX  # where density is measured
    responder_hairs: float = 10.0  # a responder gains at least this many hairs/cm²
    responder_percent: float = 10.0  # or at least this share of the baseline
    baseline_days: int = 30

    def check(self) -> Outcome:
        errors = []
        if self.months not in TIME_POINTS:
            errors.append(FieldError("months", _("At 3, 6 or 12 months.")))
        if not 7 <= self.window_days <= 120:
            errors.append(FieldError("window_days", _("A window of 7 to 120 days.")))
        if not 0 < self.responder_hairs <= 200:
            errors.append(FieldError("responder_hairs", _("A gain of 0 to 200 hairs/cm².")))
        if not 0 < self.responder_percent <= 200:
            errors.append(FieldError("responder_percent", _("A gain of 0 to 200 %.")))
        if not 0 <= self.baseline_days <= 90:
            errors.append(FieldError("baseline_days", _("A baseline 0 to 90 days after the "
                                                        "first session.")))
        if errors:
            raise ValidationError(errors)
        return self

    @property
    def target_day(self) -> float:
        return self.months * DAYS_A_MONTH

    @property
    def responder_rule(self) -> str:
        if self.kind is OutcomeKind.DENSITY:
            return _("a gain of at least {hairs} hairs/cm² or {percent} % at {months} "
                     "months").format(hairs=number(self.responder_hairs, up_to=1),
                                      percent=number(self.responder_percent, up_to=1),
                                      months=self.months)
        if self.kind is OutcomeKind.GRADE:
            return _("at least one stage better at {months} months").format(months=self.months)
        return _("satisfaction 4 or 5 at {months} months").format(months=self.months)

    def described(self) -> str:
        if self.kind is OutcomeKind.DENSITY:
            return _("{outcome} at the {zone} site at {months} months (±{days} days) from the "
                     "first session").format(outcome=self.kind.label,
                                             zone=self.zone.label.lower(),
                                             months=self.months, days=self.window_days)
        return _("{outcome} at {months} months (±{days} days) from the first session").format(
            outcome=self.kind.label, months=self.months, days=self.window_days)


class PatientOutcome(NamedTuple):
    """One patient of the cohort: their values and how they count (a named tuple: a
    100,000-patient cohort makes one for each patient, at a fifth of a frozen
    dataclass's cost)."""

    patient_id: int
    chart_no: str
    name: str
    first_session: date
    follow: Follow
    baseline: float | None = None
    follow_up: float | None = None
    follow_up_day: int | None = None  # days after the first session

    @property
    def change(self) -> float | None:
        if self.follow is not Follow.ANALYSED or self.follow_up is None:
            return None
        return self.follow_up if self.baseline is None else self.follow_up - self.baseline

    @property
    def percent(self) -> float | None:
        if self.change is None or not self.baseline:
            return None
        return 100 * self.change / self.baseline

    def responds(self, outcome: Outcome) -> bool | None:
        change = self.change
        if change is None:
            return None
        if outcome.kind is OutcomeKind.DENSITY:
            percent = self.percent
            return (change >= outcome.responder_hairs - 1e-9
                    or (percent is not None and percent >= outcome.responder_percent - 1e-9))
        if outcome.kind is OutcomeKind.GRADE:
            return change <= -1  # fewer stages of loss
        return change >= 4


@dataclass(frozen=True)
class MonthPoint:
    """The cohort's mean course: the mean change from baseline in one month after
    the first session, over the patients measured then."""

    month: int
    patients: int
    mean_change: float


@dataclass(frozen=True)
class CohortResult:
    cohort: Cohort
    outcome: Outcome
    patients: tuple[PatientOutcome, ...]
    course: tuple[MonthPoint, ...] = ()
    product_name: str | None = None  # the cohort's product, as the catalogue names it
    summary: Spread | None = field(init=False)
    responders: int = field(init=False)
    responder_rate: Estimate | None = field(init=False)

    def __post_init__(self) -> None:
        analysed = self.analysed
        changes = [p.change for p in analysed if p.change is not None]
        object.__setattr__(self, "summary", spread(changes))
        responders = sum(1 for p in analysed if p.responds(self.outcome))
        object.__setattr__(self, "responders", responders)
        object.__setattr__(self, "responder_rate", wilson(responders, len(analysed)))

    def described(self) -> str:
        """The cohort in words, its product by name."""
        return self.cohort.described(self.product_name)

    @property
    def analysed(self) -> list[PatientOutcome]:
        return [p for p in self.patients if p.follow is Follow.ANALYSED]

    def count(self, follow: Follow) -> int:
        return sum(1 for p in self.patients if p.follow is follow)

    def changes(self) -> list[float]:
        return [p.change for p in self.analysed if p.change is not None]


def follow_of(baseline: float | None, follow_up: float | None, due: bool,
              needs_baseline: bool) -> Follow:
    """How a patient counts, from what was found for them."""
    if needs_baseline and baseline is None:
        return Follow.NO_BASELINE
    if follow_up is not None:
        return Follow.ANALYSED
    return Follow.LOST if due else Follow.NOT_DUE


def is_due(first_session: date, outcome: Outcome, today: date) -> bool:
    """Whether the follow-up window has closed by ``today``."""
    return (today - first_session).days > outcome.target_day + outcome.window_days



@dataclass(frozen=True)
class Comparison:
    """Two cohorts side by side on one outcome: A minus B."""

    a: CohortResult
    b: CohortResult

    @property
    def mean_difference(self) -> Difference | None:
        return welch(self.a.changes(), self.b.changes())

    @property
    def rate_difference(self) -> Difference | None:
        return newcombe(self.a.responders, len(self.a.analysed),
                        self.b.responders, len(self.b.analysed))


_OBSERVATIONAL = N_("These are the practice's own records, not a trial: the patients were "
                    "not assigned to their treatment at random, so a difference may come "
                    "from who was treated rather than from the treatment.")


def observational() -> str:
    """What a comparison of the practice's own patients can and cannot say."""
    return _(_OBSERVATIONAL)


def distribution(values: list[float], bins: int = 12) -> list[tuple[float, float, int]]:
    """How many values fall in each of ``bins`` equal stretches from the lowest to the
    highest: (from, to, count); the last stretch holds its upper end."""
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [(low, high, len(values))]
    width = (high - low) / bins
    counts = [0] * bins
    for value in values:
        counts[min(int((value - low) / width), bins - 1)] += 1
    return [(low + i * width, low + (i + 1) * width, n) for i, n in enumerate(counts)]
