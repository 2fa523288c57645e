"""Time as the records see it: one clock, handed to everything that reads the time.

The window, the command line and the services are given a ``Clock``; tests
hand in their own, so nothing depends on the day the suite runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def _system_time() -> datetime:
    return datetime.now()


def local_now() -> datetime:
    """The clinic's wall-clock time, without a zone, to the second.

    Session times, signatures and consents are read by people at the desk, as
    on a paper chart, so every stored time is the clinic's local time.
    """
    return _system_time().replace(microsecond=0)
