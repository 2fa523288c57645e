"""Patients imported from a spreadsheet, all or nothing unless asked otherwise: a plan
first (what would be imported, what duplicates a patient already there or an earlier
row, what is refused and why), then the import in one transaction, by an
administrator (the permission to import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesolog.domain.patient_import import (
    DateOrder,
    ImportedRow,
    column_date_order,
    guess_mapping,
    imported_row,
)
from mesolog.domain.permissions import Action
from mesolog.domain.spreadsheet import Spreadsheet
from mesolog.domain.translation import _, ngettext, number
from mesolog.services.clock import Clock, local_now
from mesolog.services.patients import name_key_of, patient_columns
from mesolog.store import models
from mesolog.store.database import Database

_BATCH = 500  # rows looked up in the clinic, and written, at a time


@dataclass(frozen=True)
class ImportPlan:
    sheet: Spreadsheet
    mapping: dict[int, str]  # column index -> field
    order: DateOrder
    rows: tuple[ImportedRow, ...]
    duplicates: dict[int, str]  # line -> what it duplicates

    @property
    def refused(self) -> list[ImportedRow]:
        return [row for row in self.rows if not row.valid]

    @property
    def to_import(self) -> list[ImportedRow]:
        return [row for row in self.rows if row.valid and row.line not in self.duplicates]

    @property
    def whole(self) -> bool:
        """Whether every row would be imported (the all-or-nothing import goes ahead)."""
        return not self.refused and not self.duplicates

    def report(self) -> list[str]:
        """What the import would do, a line each: the counts, then every duplicate and
        every refused row with its field and reason."""
        lines = [_("{sheet}; dates {order}").format(sheet=self.sheet.described,
                                                   order=self.order.label),
                 _("to import: {patients}; duplicates: {duplicates}; refused: {refused}").format(
                     patients=ngettext("{count} patient", "{count} patients",
                                       len(self.to_import)).format(
                         count=number(len(self.to_import))),
                     duplicates=len(self.duplicates), refused=len(self.refused))]
        lines += [_("line {line}: duplicate: {what}").format(line=line, what=what)
                  for line, what in self.duplicates.items()]
        lines += [_("line {line}: refused: {why}").format(line=row.line, why=error.message)
                  for row in self.refused for error in row.errors]
        return lines


@dataclass(frozen=True)
class Imported:
    patients: int
    skipped: int  # duplicates and refused rows left out (valid rows only)


class ImportRefused(ValueError):
    """All or nothing, and not everything can be imported: nothing was."""

    def __init__(self, plan: ImportPlan):
        super().__init__(_("nothing was imported: {duplicates} duplicate(s) and {refused} "
                           "refused row(s); fix them, or import the valid rows only").format(
                               duplicates=len(plan.duplicates), refused=len(plan.refused)))
        self.plan = plan


class PatientImportService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def plan(self, sheet: Spreadsheet, mapping: dict[int, str] | None = None,
             order: DateOrder | None = None) -> ImportPlan:
        """What importing ``sheet`` would do with ``mapping`` (guessed from its headers
        if not given) and dates in ``order`` (told from them if not given:
        AmbiguousDates when they read both ways)."""
        self._db.require(Action.IMPORT)  # a plan reads the clinic's patients
        mapping = guess_mapping(sheet.headers) if mapping is None else mapping
        if order is None:
            order = column_date_order(sheet.rows, mapping)
        today = self._clock().date()
        rows = tuple(imported_row(line, cells, mapping, order, today)
                     for line, cells in zip(sheet.lines, sheet.rows, strict=True))
        with self._db.reading() as session:
            duplicates = _duplicates(session, rows)
        return ImportPlan(sheet, mapping, order, rows, duplicates)

    def run(self, plan: ImportPlan, *, valid_rows_only: bool = False) -> Imported:
        """Import ``plan``: every row, or nothing (ImportRefused) unless
        ``valid_rows_only``. Duplicates are looked for again inside the transaction: a
        patient another desk added since the plan is not added twice."""
        if not (plan.whole or valid_rows_only):
            raise ImportRefused(plan)
        now = self._clock()
        with self._db.transaction(Action.IMPORT) as session:
            duplicates = _duplicates(session, plan.rows)
            if duplicates.keys() != plan.duplicates.keys() and not valid_rows_only:
                raise ImportRefused(ImportPlan(plan.sheet, plan.mapping, plan.order,
                                               plan.rows, duplicates))
            rows = [row for row in plan.rows if row.valid and row.line not in duplicates]
            for start in range(0, len(rows), _BATCH):
                session.add_all(models.Patient(**patient_columns(row.details), archived=False,
                                               created_at=now, updated_at=now)
                                for row in rows[start:start + _BATCH])
                session.flush()
        return Imported(len(rows), len(plan.rows) - len(rows))


def _duplicates(session: Session, rows: tuple[ImportedRow, ...]) -> dict[int, str]:
    """Line -> what the row duplicates: a patient of the clinic (same chart number, or
    same name and date of birth), or an earlier row of the file."""
    candidates = [row for row in rows if row.valid]
    taken: dict[str, str] = {}  # chart number -> what has it
    people: dict[tuple[str, date], str] = {}  # (name key, birth) -> whose chart
    for start in range(0, len(candidates), _BATCH):
        batch = candidates[start:start + _BATCH]
        charts = {row.details.chart_no for row in batch}
        keys = {name_key_of(row.details) for row in batch}
        for chart_no, name_key, born in session.execute(
                select(models.Patient.chart_no, models.Patient.name_key,
                       models.Patient.date_of_birth)
                .where(models.Patient.chart_no.in_(charts) | models.Patient.name_key.in_(keys))):
            taken[chart_no] = _("chart number {chart_no} is in the clinic already").format(
                chart_no=chart_no)
            people[name_key, born] = _("same name and date of birth as chart {chart_no}").format(
                chart_no=chart_no)
    found: dict[int, str] = {}
    for row in candidates:
        chart_no = row.details.chart_no
        person = (name_key_of(row.details), row.details.date_of_birth)
        if chart_no in taken:
            found[row.line] = taken[chart_no]
        elif person in people:
            found[row.line] = people[person]
        else:
            taken[chart_no] = _("chart number {chart_no} is on line {line} already").format(
                chart_no=chart_no, line=row.line)
            people[person] = _("same name and date of birth as line {line}").format(
                line=row.line)
    return found
