"""Treatment courses: a series of sessions at an interval, and when the next is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError, ValidationError


class CourseStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        labels = {"active": N_("Active"), "paused": N_("Paused"),
                  "completed": N_("Completed"), "stopped": N_("Stopped")}
        return _(labels[self.value])


# what a course may be; the messages below say the same numbers (a test keeps them so)
PROTOCOL_MAX = 120
PLANNED_SESSIONS = (1, 52)  # a year of weekly sessions at most
INTERVAL_DAYS = (1, 365)


@dataclass(frozen=True)
class CourseDetails:
    protocol: str = ""
    planned_sessions: int = 6
    interval_days: int = 21
    start_date: date | None = None


@dataclass(frozen=True)
class Course:
    id: int
    patient_id: int
    version: int
    details: CourseDetails
    status: CourseStatus
    stop_reason: str = ""


def check_course(details: CourseDetails) -> CourseDetails:
    protocol = details.protocol.strip()
    errors: list[FieldError] = []
    if not protocol:
        errors.append(FieldError("protocol", _("Protocol name is required.")))
    elif len(protocol) > PROTOCOL_MAX or has_control_characters(protocol):
        errors.append(FieldError("protocol", _("Protocol name: at most 120 plain characters.")))
    if not PLANNED_SESSIONS[0] <= details.planned_sessions <= PLANNED_SESSIONS[1]:
        errors.append(FieldError("planned_sessions", _("Planned sessions: 1 to 52.")))
    if not INTERVAL_DAYS[0] <= details.interval_days <= INTERVAL_DAYS[1]:
        errors.append(FieldError("interval_days", _("Interval: 1 to 365 days.")))
    if details.start_date is None:
        errors.append(FieldError("start_date", _("Start date is required.")))
    if errors:
        raise ValidationError(errors)
    return CourseDetails(protocol, details.planned_sessions, details.interval_days,
                         details.start_date)


def next_due(details: CourseDetails, status: CourseStatus, sessions_done: int,
             last_session: date | None) -> date | None:
    """When the next session is due; None when none is (paused, ended, all done).

    The first session is due on the start date; each later one a whole
    interval after the last session actually done, so a late session moves
    the rest of the series rather than squeezing it.
    """
    if status is not CourseStatus.ACTIVE or sessions_done >= details.planned_sessions:
        return None
    if last_session is None:
        return details.start_date
    return last_session + timedelta(days=details.interval_days)


def days_late(due: date, today: date) -> int:
    """Days past the due date (negative: due in that many days)."""
    return (today - due).days
