"""Time as the services see it; tests hand in their own clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The clinic's wall-clock time, without a zone.

    Session times, signatures and consents are read by people at the desk, as
    on a paper chart, so every stored time is the clinic's local time.
    """
    return datetime.now().replace(microsecond=0)
