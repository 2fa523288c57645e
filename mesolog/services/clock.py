"""Time as the services see it; tests hand in their own clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC: SQLite stores no time zone, so every stored time is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)
