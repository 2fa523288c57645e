"""Time as the records see it: one clock, handed to everything that reads the time.

The window, the command line and the services are given a ``Clock``; tests
hand in their own, so nothing depends on the day the suite runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Clock = Callable[[], datetime]


def _system_time() -> datetime:
    return datetime.now()


def local_now() -> datetime:
    """The clinic's wall-clock time, without a zone, to the second.

    Session times, signatures and consents are read by people at the desk, as
    on a paper chart, so every stored time is the clinic's local time.
    """
    return _system_time().replace(microsecond=0)


# Stored times are the clinic's wall-clock times. Twice a year the wall clock
# jumps: in spring an hour of wall times never happens, in autumn an hour happens
# twice. The system's own zone rules (``datetime.timestamp`` on a naive time)
# tell which, so a time is judged by the instants it can mean.


def _instant(wall: datetime, fold: int) -> float:
    return wall.replace(fold=fold).timestamp()


def is_later(wall: datetime, than: datetime) -> bool:
    """Whether wall-clock time ``wall`` certainly comes after ``than``.

    In the repeated autumn hour a wall time is read at its first occurrence:
    a session recorded at 02:30 summer time is not "in the future" at 02:10
    winter time, half an hour later.
    """
    if wall <= than:  # naive times compare as the wall clock reads
        return False
    return _instant(wall, 0) > than.timestamp()


def latest_not_later(now: datetime) -> datetime:
    """The latest wall-clock time (to the minute) that is not after ``now``: ``now``
    itself, or the end of the repeated hour while the clock reads it a second time."""
    latest = now.replace(second=0, microsecond=0, fold=0)
    step = timedelta(minutes=1)
    for _ in range(24 * 60):  # a clock goes back at most a few hours
        if is_later(latest + step, now):
            break
        latest += step
    return latest


def never_happened(wall: datetime) -> bool:
    """Whether the wall clock skipped ``wall`` (the spring change: 02:30 on the night the
    clocks go from 02:00 to 03:00)."""
    plain = wall.replace(microsecond=0)  # (naive times compare ignoring their fold)
    return all(datetime.fromtimestamp(_instant(plain, fold)) != plain for fold in (0, 1))
