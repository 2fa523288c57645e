"""Outcomes across the practice (domain/cohort.py): a cohort's patients with their
baseline and follow-up, read in SQL in one snapshot (store/cohort_queries.py), and the
numbers with their intervals. Administrators and practitioners
(Action.PRACTICE_OUTCOMES)."""

from __future__ import annotations

from datetime import date, datetime
from importlib.resources import files
from io import BytesIO
from pathlib import Path

from sqlalchemy import select

from mesolog.domain.adverse_event import EventKind, grade_meaning
from mesolog.domain.clock import Clock, local_now
from mesolog.domain.cohort import (
    Cohort,
    CohortResult,
    Comparison,
    MonthPoint,
    Outcome,
    OutcomeKind,
    PatientOutcome,
    follow_of,
)
from mesolog.domain.intervals import poisson_rate
from mesolog.domain.permissions import Action
from mesolog.domain.published import PublishedNumber, published_numbers
from mesolog.domain.safety import SafetyGroup, SafetyReport, lot_row
from mesolog.domain.safety import row as safety_row
from mesolog.domain.scales import SCALES
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.reports.practice_outcomes import build_practice_outcomes
from mesolog.services.letterhead import LetterheadService
from mesolog.store import models
from mesolog.store.cohort_queries import FoundOutcome, cohort_outcomes, day_number, day_of
from mesolog.store.database import Database
from mesolog.store.private import new_file
from mesolog.store.safety_queries import safety_counts

PUBLISHED = "published_outcomes.json"


class PracticeOutcomesService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def cohort(self, cohort: Cohort, outcome: Outcome) -> CohortResult:
        """Every patient of ``cohort`` and how they count for ``outcome`` today."""
        self._db.require(Action.PRACTICE_OUTCOMES)
        cohort.check()
        outcome.check()
        today = self._clock().date()
        with self._db.snapshot() as conn:
            found, course = cohort_outcomes(conn, self._db.on_server, cohort, outcome)
            product_name = None if cohort.product_id is None else conn.execute(
                select(models.Product.name).where(models.Product.id == cohort.product_id)
            ).scalar_one_or_none()
        # the follow-up window has closed for a first session before this day
        due_before = day_number(today) - outcome.target_day - outcome.window_days
        needs_baseline = outcome.kind.needs_baseline
        patients = tuple(_patient(row, outcome.kind, needs_baseline, row[1] < due_before)
                         for row in found)
        return CohortResult(cohort, outcome, patients,
                            tuple(MonthPoint(*point) for point in course), product_name)

    def compare(self, a: Cohort, b: Cohort, outcome: Outcome) -> Comparison:
        return Comparison(self.cohort(a, outcome), self.cohort(b, outcome))

    def safety(self, first: date | None = None, last: date | None = None) -> SafetyReport:
        """Side effects per 100 sessions in the sessions from ``first`` to ``last``
        (every session if not given): overall, by kind, by grade, by product and by lot,
        the lots whose rate stands out flagged."""
        self._db.require(Action.PRACTICE_OUTCOMES)
        if first is not None and last is not None and first > last:
            raise ValidationError([FieldError("safety_last",
                                              _("The period ends before it begins."))])
        with self._db.snapshot() as conn:
            counts = safety_counts(conn, first, last)
        events = sum(n for _, _, n in counts.by_kind_grade)
        kinds: dict[str, int] = {}
        grades: dict[int, int] = {}
        for kind, grade, n in counts.by_kind_grade:
            kinds[kind] = kinds.get(kind, 0) + n
            grades[grade] = grades.get(grade, 0) + n
        practice_rate = events / counts.sessions if counts.sessions else 0.0
        rows = [safety_row(SafetyGroup.KIND, EventKind(kind).label, counts.sessions, n)
                for kind, n in sorted(kinds.items(), key=lambda k: -k[1])]
        rows += [safety_row(SafetyGroup.GRADE,
                            f"Grade {grade}: {grade_meaning(grade).split(';')[0]}",
                            counts.sessions, n) for grade, n in sorted(grades.items())]
        rows += [safety_row(SafetyGroup.PRODUCT, name, sessions, n)
                 for name, sessions, n in counts.by_product]
        rows += [lot_row(name, sessions, n, practice_rate)
                 for name, sessions, n in counts.by_lot]
        return SafetyReport(first, last, counts.sessions, events,
                            poisson_rate(events, counts.sessions), tuple(rows),
                            counts.patients, counts.patients_with_pain)

    def published(self) -> tuple[PublishedNumber, ...]:
        """The published numbers shipped with Mesolog, with their citations."""
        return published_numbers((files("mesolog.resources") / PUBLISHED).read_text(
            encoding="utf-8"))

    def write_report(self, target: Path | BytesIO, now: datetime, *,
                     result: CohortResult | None = None, comparison: Comparison | None = None,
                     safety: SafetyReport | None = None) -> None:
        """What the page shows, as a PDF under the letterhead at ``target`` (a file the
        owner's alone)."""
        actor = self._db.require(Action.PRACTICE_OUTCOMES)
        if isinstance(target, Path):
            new_file(target)
        build_practice_outcomes(
            target, letterhead=LetterheadService(self._db).get(), printed_at=now,
            printed_by=actor.name if actor.is_person else "", result=result,
            comparison=comparison, safety=safety, published=self.published())

    def protocols(self) -> list[str]:
        """The protocols the practice's courses follow, for choosing a cohort."""
        self._db.require(Action.PRACTICE_OUTCOMES)
        with self._db.reading() as session:
            return list(session.scalars(select(models.Course.protocol).distinct()
                                        .order_by(models.Course.protocol)))

    def products(self) -> list[tuple[int, str]]:
        """(id, name) of every product given at least once."""
        self._db.require(Action.PRACTICE_OUTCOMES)
        with self._db.reading() as session:
            given = select(models.Lot.product_id).join(
                models.SessionProduct, models.SessionProduct.lot_id == models.Lot.id)
            return [(i, name) for i, name in session.execute(
                select(models.Product.id, models.Product.name)
                .where(models.Product.id.in_(given)).order_by(models.Product.name))]


def _patient(row: FoundOutcome, kind: OutcomeKind, needs_baseline: bool,
             due: bool) -> PatientOutcome:
    patient_id, first_day, baseline, follow_up, follow_up_day, chart_no, last, first = row
    if kind is OutcomeKind.GRADE:
        baseline, follow_up = _stages(baseline, follow_up)
    elif not needs_baseline:
        baseline = None
    follow = follow_of(baseline, follow_up, due, needs_baseline)
    return PatientOutcome(patient_id, chart_no, f"{last}, {first}",
                          day_of(first_day), follow, baseline,
                          follow_up, None if follow_up is None else follow_up_day)


def _stages(baseline: str | None, follow_up: str | None) -> tuple[float | None, float | None]:
    """Grades ("scale:stage") as positions on their scale; a follow-up on another scale
    than the baseline's is no follow-up."""
    def rank(value: str | None) -> tuple[str, float] | None:
        if value is None:
            return None
        key, _colon, stage = value.partition(":")
        scale = SCALES.get(key)
        if scale is None or stage not in {s.code for s in scale.stages}:
            return None
        return key, float(scale.rank(stage))
    first, later = rank(baseline), rank(follow_up)
    if first is None:
        return None, None
    if later is None or later[0] != first[0]:
        return first[1], None
    return first[1], later[1]

