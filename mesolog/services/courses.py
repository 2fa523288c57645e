"""Treatment courses: the series, its running totals, and who is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from mesolog.domain.course import (
    Course,
    CourseDetails,
    CourseStatus,
    check_course,
    days_late,
    next_due,
)
from mesolog.domain.permissions import Action
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import _
from mesolog.domain.validation import ConflictError, FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.store import models
from mesolog.store.database import Database


@dataclass(frozen=True)
class Total:
    """Running total of one product or active ingredient over a course."""

    name: str
    sessions: int
    volume_ml: float


@dataclass(frozen=True)
class CourseSummary:
    course: Course
    sessions_done: int
    last_session: date | None
    next_due: date | None
    products: tuple[Total, ...]
    ingredients: tuple[Total, ...]


@dataclass(frozen=True)
class DueEntry:
    patient_id: int
    chart_no: str
    patient_name: str
    course_id: int
    protocol: str
    sessions_done: int
    planned_sessions: int
    due: date
    days_late: int


class CourseService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def create(self, patient_id: int, details: CourseDetails) -> Course:
        details = check_course(details)
        now = self._clock()
        with self._db.transaction(Action.COURSE_RECORD) as session:
            if session.get(models.Patient, patient_id) is None:
                raise NotFoundError(_("No patient with id {patient_id}.").format(
                                        patient_id=patient_id))
            row = models.Course(patient_id=patient_id, protocol=details.protocol,
                                planned_sessions=details.planned_sessions,
                                interval_days=details.interval_days,
                                start_date=details.start_date, status=CourseStatus.ACTIVE.value,
                                stop_reason="", created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return _course(row)

    def set_status(self, course_id: int, expected_version: int, status: CourseStatus,
                   reason: str = "") -> Course:
        """Pause, resume, complete or stop a course; stopping needs a reason."""
        reason = reason.strip()
        if status is CourseStatus.STOPPED and len(reason) < 5:
            raise ValidationError([FieldError("stop_reason", _("Say why the course is stopped."))])
        if len(reason) > 2000 or has_control_characters(reason):
            raise ValidationError([FieldError("stop_reason",
                                              _("Reason: at most 2000 characters."))])
        with self._db.transaction(Action.COURSE_STATUS) as session:
            row = session.get(models.Course, course_id)
            if row is None:
                raise NotFoundError(_("No course with id {course_id}.").format(course_id=course_id))
            if row.version != expected_version:
                raise ConflictError(_("The course was changed elsewhere; reload it and try again."))
            row.status = status.value
            row.stop_reason = reason if status is CourseStatus.STOPPED else ""
            row.updated_at = self._clock()
            session.flush()
            return _course(row)

    def get(self, course_id: int) -> Course:
        with self._db.reading() as session:
            row = session.get(models.Course, course_id)
            if row is None:
                raise NotFoundError(_("No course with id {course_id}.").format(course_id=course_id))
            return _course(row)

    def for_patient(self, patient_id: int) -> list[CourseSummary]:
        """The patient's courses, newest first, each with its totals and next due date."""
        with self._db.reading() as session:
            courses = session.execute(
                select(models.Course).where(models.Course.patient_id == patient_id)
                .order_by(models.Course.start_date.desc(), models.Course.id.desc())
            ).scalars().all()
            return [self._summary(_course(row)) for row in courses]

    def _summary(self, course: Course) -> CourseSummary:
        done, last = self._db.fetch_all(
            "SELECT count(*), max(performed_at) FROM session WHERE course_id = ?", (course.id,))[0]
        last_day = datetime.fromisoformat(last).date() if last else None
        products = self._db.fetch_all(
            "SELECT pr.name, count(DISTINCT s.id), sum(sp.volume_ml) FROM session s "
            "JOIN session_product sp ON sp.session_id = s.id JOIN lot l ON l.id = sp.lot_id "
            "JOIN product pr ON pr.id = l.product_id WHERE s.course_id = ? "
            "GROUP BY pr.id ORDER BY pr.name", (course.id,))
        ingredients = self._db.fetch_all(
            "SELECT trim(pi.name || ' ' || pi.concentration), count(DISTINCT s.id), "
            "sum(sp.volume_ml) FROM session s "
            "JOIN session_product sp ON sp.session_id = s.id JOIN lot l ON l.id = sp.lot_id "
            "JOIN product_ingredient pi ON pi.product_id = l.product_id WHERE s.course_id = ? "
            "GROUP BY pi.name, pi.concentration ORDER BY pi.name", (course.id,))
        return CourseSummary(
            course=course,
            sessions_done=done,
            last_session=last_day,
            next_due=next_due(course.details, course.status, done, last_day),
            products=tuple(Total(n, c, round(v, 3)) for n, c, v in products),
            ingredients=tuple(Total(n, c, round(v, 3)) for n, c, v in ingredients),
        )

    def due(self, today: date, within_days: int = 7) -> list[DueEntry]:
        """Sessions due across the clinic, the latest first: overdue ones, those due
        today, and those due in the next ``within_days`` days."""
        rows = self._db.fetch_all(
            "SELECT c.id, c.patient_id, p.chart_no, p.last_name || ', ' || p.first_name, "
            "c.protocol, c.planned_sessions, c.interval_days, c.start_date, "
            "(SELECT count(*) FROM session s WHERE s.course_id = c.id), "
            "(SELECT max(performed_at) FROM session s WHERE s.course_id = c.id) "
            "FROM course c JOIN patient p ON p.id = c.patient_id "
            "WHERE c.status = 'active' AND p.archived = 0")
        entries = []
        for cid, pid, chart, name, protocol, planned, interval, start, done, last in rows:
            details = CourseDetails(protocol, planned, interval, date.fromisoformat(start))
            last_day = datetime.fromisoformat(last).date() if last else None
            due = next_due(details, CourseStatus.ACTIVE, done, last_day)
            if due is not None and days_late(due, today) >= -within_days:
                entries.append(DueEntry(pid, chart, name, cid, protocol, done, planned, due,
                                        days_late(due, today)))
        entries.sort(key=lambda e: (-e.days_late, e.patient_name))
        return entries


def _course(row: models.Course) -> Course:
    return Course(row.id, row.patient_id, row.version,
                  CourseDetails(row.protocol, row.planned_sessions, row.interval_days,
                                row.start_date),
                  CourseStatus(row.status), row.stop_reason)
