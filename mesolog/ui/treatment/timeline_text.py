"""How the Treatment tab's timeline reads: a course's state and next date, a
session's signature, and columns as wide as their text."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from mesolog.domain.course import CourseStatus, days_late
from mesolog.domain.session import Session
from mesolog.domain.translation import day_text
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.courses import CourseSummary


def due_text(summary: CourseSummary, today: date) -> str:
    course = summary.course
    done = tr("{done} of {planned} done").format(done=summary.sessions_done,
                                                 planned=course.details.planned_sessions)
    if course.status is CourseStatus.STOPPED:
        return tr("Stopped ({reason}) · {done}").format(reason=course.stop_reason, done=done)
    if summary.next_due is None:
        return f"{course.status.label} · {done}"
    late = days_late(summary.next_due, today)
    when = (tr("%Ln day(s) late", "", late) if late > 0 else tr("due today") if late == 0
            else tr("in %Ln day(s)", "", -late))
    return tr("{status} · {done} · next {day} ({when})").format(
        status=course.status.label, done=done, day=day_text(summary.next_due), when=when)


def session_status(session: Session) -> str:
    if not session.signed:
        return tr("Not signed")
    if session.amendments:
        return tr("Signed, amended {times}×").format(times=len(session.amendments))
    return tr("Signed")


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
