"""How the Treatment tab's timeline reads: a course's state and next date, a
session's signature, and columns as wide as their text."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from mesolog.domain.course import CourseStatus, days_late
from mesolog.domain.session import Session

if TYPE_CHECKING:
    from mesolog.services.courses import CourseSummary


def due_text(summary: CourseSummary, today: date) -> str:
    course = summary.course
    done = f"{summary.sessions_done} of {course.details.planned_sessions} done"
    if course.status is CourseStatus.STOPPED:
        return f"Stopped ({course.stop_reason}) · {done}"
    if summary.next_due is None:
        return f"{course.status.label} · {done}"
    late = days_late(summary.next_due, today)
    when = (f"{late} days late" if late > 0 else "due today" if late == 0
            else f"in {-late} days")
    return f"{course.status.label} · {done} · next {summary.next_due:%Y-%m-%d} ({when})"


def session_status(session: Session) -> str:
    if not session.signed:
        return "Not signed"
    amended = f", amended {len(session.amendments)}×" if session.amendments else ""
    return f"Signed{amended}"


def fit_columns(tree: QTreeWidget, items: list[QTreeWidgetItem], columns: int) -> None:
    """Each column as wide as its widest text among ``items`` (the course rows span the
    whole width and are left out), so nothing is cut at any font size or scale."""
    metrics = tree.fontMetrics()
    for column in range(columns):
        widest = max((metrics.horizontalAdvance(item.text(column)) for item in items),
                     default=0)
        header = metrics.horizontalAdvance(tree.headerItem().text(column))
        indent = tree.indentation() * 2 if column == 0 else 0
        tree.setColumnWidth(column, max(widest, header) + indent + 16)
