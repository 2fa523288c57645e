"""Patients: create, change, archive, find."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mesolog.domain.patient import (
    Diagnosis,
    Patient,
    PatientDetails,
    PatientRow,
    Sex,
    check_patient,
)
from mesolog.domain.permissions import Action
from mesolog.domain.text import fold
from mesolog.domain.translation import _
from mesolog.domain.validation import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from mesolog.services.clock import Clock, local_now
from mesolog.services.patient_search import (
    LIST_PAGE_SIZE,
    Plan,
    SearchQuery,
    hits_deciding,
    plan_for,
)
from mesolog.store import models
from mesolog.store.database import Database

_DETAIL_FIELDS = tuple(f.name for f in fields(PatientDetails))
_ROW_SQL = (
    "SELECT id, chart_no, last_name, first_name, date_of_birth, diagnosis, archived, "
    "allergies != '' OR contraindications != '' FROM patient WHERE id IN ({marks})"
)


def patient_columns(details: PatientDetails) -> dict[str, Any]:
    values = {name: getattr(details, name) for name in _DETAIL_FIELDS}
    values["sex"] = details.sex.value if details.sex else None
    values["diagnosis"] = details.diagnosis.value if details.diagnosis else None
    values["name_key"] = name_key_of(details)
    return values


def name_key_of(details: PatientDetails) -> str:
    """The folded name the list is ordered by and duplicates are found by."""
    return fold(f"{details.last_name} {details.first_name}")


def _details_of(row: models.Patient) -> PatientDetails:
    values = {name: getattr(row, name) for name in _DETAIL_FIELDS}
    values["sex"] = Sex(row.sex)
    values["diagnosis"] = Diagnosis(row.diagnosis)
    return PatientDetails(**values)


def _patient_of(row: models.Patient) -> Patient:
    return Patient(
        id=row.id,
        version=row.version,
        details=_details_of(row),
        archived=row.archived,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


# All patients (counted by SQLite at once) less the few archived ones (a small partial
# index, migration 0012): 0.1 ms at 100,000 patients, where counting the active ones
# walked 96,000 index entries (3 ms), and SQLAlchemy's "archived IS 0", which no
# partial index serves, the whole table (10 ms).
COUNT_ACTIVE_SQL = ("SELECT (SELECT count(*) FROM patient) "
                    "- (SELECT count(*) FROM patient WHERE archived = 1)")
COUNT_ALL_SQL = "SELECT count(*) FROM patient"
# enough to choose a plan, and read at once where a count walks every entry of an index
_PATIENTS_ABOUT_SQL = "SELECT max(id) FROM patient"
REVEAL_AT_MOST = 20_000  # rows read down to a patient the window shows: about 10 ms
_HITS_SQL = "SELECT count(*) FROM {index} WHERE {index} MATCH ?"
_HITS_UP_TO_SQL = ("SELECT count(*) FROM "
                   "(SELECT 1 FROM patient_fts WHERE patient_fts MATCH ? LIMIT ?)")


@dataclass(frozen=True)
class ListPage:
    """A stretch of the patient list: its patients' ids in order, and the key the
    next stretch starts after (None where the list ends)."""

    ids: list[int]
    next_key: tuple[Any, ...] | None


class PatientService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def _today(self) -> date:
        return self._clock().date()

    # -- changes ---------------------------------------------------------

    def may_change_charts(self) -> bool:
        """Whether the actor may change a chart here (the window shows charts read-only
        otherwise: an account's role, or a database opened read-only)."""
        actor = self._db.actor
        return actor is not None and actor.may(Action.PATIENT_UPDATE)

    def create(self, details: PatientDetails) -> Patient:
        details = check_patient(details, self._today())
        now = self._clock()
        try:
            with self._db.transaction(Action.PATIENT_RECORD) as session:
                self._refuse_taken_chart_no(session, details.chart_no, None)
                row = models.Patient(
                    **patient_columns(details), archived=False, created_at=now, updated_at=now
                )
                session.add(row)
                session.flush()
                return _patient_of(row)
        except IntegrityError as e:
            raise _chart_no_taken(details.chart_no) if _is_chart_no_clash(e) else e from None

    def update(self, patient_id: int, expected_version: int, details: PatientDetails) -> Patient:
        details = check_patient(details, self._today())
        try:
            with self._db.transaction(Action.PATIENT_UPDATE) as session:
                row = self._current(session, patient_id, expected_version)
                self._refuse_taken_chart_no(session, details.chart_no, patient_id)
                for name, value in patient_columns(details).items():
                    setattr(row, name, value)
                if session.is_modified(row):
                    row.updated_at = self._clock()
                session.flush()
                return _patient_of(row)
        except IntegrityError as e:
            raise _chart_no_taken(details.chart_no) if _is_chart_no_clash(e) else e from None

    def archive(self, patient_id: int, expected_version: int) -> Patient:
        return self._set_archived(patient_id, expected_version, True)

    def unarchive(self, patient_id: int, expected_version: int) -> Patient:
        return self._set_archived(patient_id, expected_version, False)

    def _set_archived(self, patient_id: int, expected_version: int, archived: bool) -> Patient:
        with self._db.transaction(Action.PATIENT_ARCHIVE) as session:
            row = self._current(session, patient_id, expected_version)
            if row.archived != archived:
                row.archived = archived
                row.updated_at = self._clock()
                session.flush()
            return _patient_of(row)

    @staticmethod
    def _current(session: Session, patient_id: int, expected_version: int) -> models.Patient:
        row = session.get(models.Patient, patient_id)
        if row is None:
            raise NotFoundError(_("No patient with id {patient_id}.").format(patient_id=patient_id))
        if row.version != expected_version:
            raise ConflictError(
                _("{last_name}, {first_name} was changed elsewhere since you opened the chart. "
                  "Your changes were not saved: reload the chart and make them again.").format(
                    last_name=row.last_name, first_name=row.first_name)
            )
        return row

    @staticmethod
    def _refuse_taken_chart_no(session: Session, chart_no: str, own_id: int | None) -> None:
        holder = session.execute(
            select(models.Patient.id).where(models.Patient.chart_no == chart_no)
        ).scalar()
        if holder is not None and holder != own_id:
            raise _chart_no_taken(chart_no)

    # -- reading ---------------------------------------------------------

    def get(self, patient_id: int) -> Patient:
        with self._db.reading() as session:
            row = session.get(models.Patient, patient_id)
            if row is None:
                raise NotFoundError(_("No patient with id {patient_id}.").format(
                                        patient_id=patient_id))
            return _patient_of(row)

    def plan(self, query: SearchQuery) -> Plan:
        """How ``query``'s pages are best read, from how many patients it matches
        (counted in the search index up to the number that decides)."""
        if self._db.on_server:
            return Plan.ON_SERVER
        plan = query.plan_without_counting()
        if plan is not None:
            return plan
        patients = self._db.fetch_all(_PATIENTS_ABOUT_SQL)[0][0] or 0
        hits = self._db.fetch_all(_HITS_UP_TO_SQL, (query.match, hits_deciding(patients)))
        return plan_for(hits[0][0], patients)

    def search(self, query: SearchQuery, page_size: int = 5_000) -> list[int]:
        """Every patient ``query`` lists, in order, read as the list reads them."""
        plan, ids, after = self.plan(query), [], None
        while True:
            page = self.list_page(query, plan, after, page_size)
            ids.extend(page.ids)
            if page.next_key is None:
                return ids
            after = page.next_key

    def list_page(self, query: SearchQuery, plan: Plan, after: tuple[Any, ...] | None = None,
                  size: int = LIST_PAGE_SIZE) -> ListPage:
        """The next ``size`` patients of the list after the key ``after`` (from the
        start without it), read along an index in the list's order (keyset paging)."""
        rows = self._db.fetch_all(*query.page_sql(plan, after, size + 1))
        return ListPage([row[0] for row in rows[:size]],
                        tuple(rows[size - 1][1:]) if len(rows) > size else None)

    def lists(self, query: SearchQuery, patient_id: int) -> bool:
        """Whether ``query``'s list holds ``patient_id`` (one look, wherever they are)."""
        return bool(self._db.fetch_all(*query.lists_sql(patient_id,
                                                        on_server=self._db.on_server)))

    def list_through(self, query: SearchQuery, plan: Plan, after: tuple[Any, ...] | None,
                     patient_id: int, at_most: int = REVEAL_AT_MOST) -> ListPage | None:
        """The list after ``after`` down to ``patient_id``, to show them in it; None if
        the query does not list them or they come more than ``at_most`` rows later
        (reading further would hold the window up: 0.5 s for a million rows)."""
        keys = ", ".join(query.key_columns())
        found = self._db.fetch_all(f"SELECT {keys} FROM patient p WHERE p.id = ?", (patient_id,))
        if not found:
            return None
        rows = self._db.fetch_all(*query.page_sql(plan, after, at_most, until=found[0]))
        if not rows or rows[-1][0] != patient_id:
            return None
        return ListPage([row[0] for row in rows], tuple(rows[-1][1:]))

    def rows(self, ids: list[int]) -> dict[int, PatientRow]:
        """The list's columns for ``ids`` (a page, not the whole table)."""
        if not ids:
            return {}
        sql = _ROW_SQL.format(marks=",".join("?" * len(ids)))
        return {
            r[0]: PatientRow(
                id=r[0],
                chart_no=r[1],
                last_name=r[2],
                first_name=r[3],
                date_of_birth=date.fromisoformat(r[4]) if r[4] else None,
                diagnosis=Diagnosis(r[5]),
                archived=bool(r[6]),
                has_alerts=bool(r[7]),
            )
            for r in self._db.fetch_all(sql, tuple(ids))
        }

    def count(self, *, include_archived: bool = False) -> int:
        """How many patients (active ones unless ``include_archived``), read straight
        from the indexes, never the table."""
        return self._db.fetch_all(COUNT_ALL_SQL if include_archived else COUNT_ACTIVE_SQL)[0][0]

    def count_matching(self, query: SearchQuery) -> int:
        """How many patients ``query`` lists."""
        if query.born is not None:
            archived = "" if query.include_archived else " AND archived = 0"
            return self._db.fetch_all("SELECT count(*) FROM patient WHERE date_of_birth = ?"
                                      + archived, (query.born.isoformat(),))[0][0]
        if not query.match:
            return self.count(include_archived=query.include_archived)
        if self._db.on_server:
            return self._db.fetch_all(*query.count_sql(Plan.ON_SERVER))[0][0]
        # every hit less the archived ones, each counted in its own search index
        hits = self._db.fetch_all(_HITS_SQL.format(index="patient_fts"), (query.match,))[0][0]
        if query.include_archived:
            return hits
        return hits - self._db.fetch_all(_HITS_SQL.format(index="patient_archived_fts"),
                                         (query.match,))[0][0]

    def next_chart_no(self) -> str:
        """A proposal for a new chart: the newest chart's number plus one."""
        with self._db.connection() as conn:
            latest = conn.execute(
                select(models.Patient.chart_no).order_by(models.Patient.id.desc()).limit(1)
            ).scalar()
            if latest is None:
                return "P-00001"
            match = re.search(r"(\d+)$", latest)
            if not match:
                return ""
            digits = match.group(1)
            head = latest[: match.start()]
            number = int(digits) + 1
            while True:
                proposal = f"{head}{number:0{len(digits)}d}"
                taken = conn.execute(
                    select(models.Patient.id).where(models.Patient.chart_no == proposal)
                ).scalar()
                if taken is None:
                    return proposal
                number += 1


def _is_chart_no_clash(error: IntegrityError) -> bool:
    return "patient.chart_no" in str(error.orig)


def _chart_no_taken(chart_no: str) -> ValidationError:
    return ValidationError(
        [FieldError("chart_no",
            _("Chart number {chart_no} is already used by another patient.").format(
                                    chart_no=chart_no))]
    )
