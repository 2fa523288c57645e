"""A course's bounds at each limit and just past it, read from the domain's own
table; what is due next, and when."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mesolog.domain.course import (
    INTERVAL_DAYS,
    PLANNED_SESSIONS,
    PROTOCOL_MAX,
    CourseDetails,
    CourseStatus,
    check_course,
    days_late,
    next_due,
)
from mesolog.domain.validation import ValidationError

SOUND = CourseDetails("Biotin series", 6, 21, date(2026, 1, 5))
SESSIONS = f"Planned sessions: {PLANNED_SESSIONS[0]} to {PLANNED_SESSIONS[1]}."
INTERVAL = f"Interval: {INTERVAL_DAYS[0]} to {INTERVAL_DAYS[1]} days."
PROTOCOL = f"Protocol name: at most {PROTOCOL_MAX} plain characters."


def refused(details: CourseDetails) -> dict[str, str]:
    try:
        check_course(details)
    except ValidationError as e:
        return {error.field: error.message for error in e.errors}
    return {}


@pytest.mark.parametrize(("name", "value", "message"), [
    ("planned_sessions", PLANNED_SESSIONS[0], ""),
    ("planned_sessions", PLANNED_SESSIONS[0] - 1, SESSIONS),
    ("planned_sessions", PLANNED_SESSIONS[1], ""),
    ("planned_sessions", PLANNED_SESSIONS[1] + 1, SESSIONS),
    ("interval_days", INTERVAL_DAYS[0], ""),
    ("interval_days", INTERVAL_DAYS[0] - 1, INTERVAL),
    ("interval_days", INTERVAL_DAYS[1], ""),
    ("interval_days", INTERVAL_DAYS[1] + 1, INTERVAL),
    ("protocol", "p" * PROTOCOL_MAX, ""),
    ("protocol", "p" * (PROTOCOL_MAX + 1), PROTOCOL),
    ("protocol", "Biotin\x1bseries", PROTOCOL),  # a control character is not plain
    ("protocol", "   ", "Protocol name is required."),
    ("start_date", None, "Start date is required."),
])
def test_each_bound_of_a_course_at_its_limit_and_just_past(name, value, message):
    assert refused(replace(SOUND, **{name: value})) == ({name: message} if message else {})


def test_the_bounds_are_a_year_of_weekly_sessions_and_a_year_between():
    assert (PLANNED_SESSIONS, INTERVAL_DAYS, PROTOCOL_MAX) == ((1, 52), (1, 365), 120)


def test_a_course_is_kept_with_its_protocol_trimmed():
    kept = check_course(replace(SOUND, protocol="  Biotin series  "))
    assert kept == SOUND


@pytest.mark.parametrize(("status", "done", "last", "due"), [
    (CourseStatus.ACTIVE, 0, None, date(2026, 1, 5)),  # the first on the start date
    (CourseStatus.ACTIVE, 1, date(2026, 1, 9), date(2026, 1, 30)),  # an interval after
    (CourseStatus.ACTIVE, 5, date(2026, 3, 2), date(2026, 3, 23)),  # the last one due
    (CourseStatus.ACTIVE, 6, date(2026, 3, 23), None),  # all done
    (CourseStatus.ACTIVE, 7, date(2026, 3, 23), None),
    (CourseStatus.PAUSED, 1, date(2026, 1, 9), None),
    (CourseStatus.COMPLETED, 1, date(2026, 1, 9), None),
    (CourseStatus.STOPPED, 0, None, None),
])
def test_what_is_due_next(status, done, last, due):
    assert next_due(SOUND, status, done, last) == due


def test_days_late_count_whole_days_either_way():
    assert days_late(date(2026, 2, 28), date(2026, 3, 2)) == 2
    assert days_late(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert days_late(date(2026, 3, 2), date(2026, 2, 28)) == -2


def test_each_status_has_its_name():
    assert [s.label for s in CourseStatus] == ["Active", "Paused", "Completed", "Stopped"]
