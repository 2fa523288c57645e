"""Which automatic backups to keep: the newest of each of the last days and weeks."""

from __future__ import annotations

from datetime import datetime

DAILY_KEPT = 7
WEEKLY_KEPT = 4


def backups_to_keep(taken: list[datetime], daily: int = DAILY_KEPT,
                    weekly: int = WEEKLY_KEPT) -> set[datetime]:
    """The newest backup of each of the ``daily`` most recent days that have one, and of
    each of the ``weekly`` most recent ISO weeks; everything else may go."""
    newest_first = sorted(taken, reverse=True)
    keep: set[datetime] = set()
    for key, limit in ((lambda t: t.date(), daily),
                       (lambda t: t.isocalendar()[:2], weekly)):
        seen = []
        for moment in newest_first:
            if key(moment) not in seen:
                seen.append(key(moment))
                if len(seen) > limit:
                    break
                keep.add(moment)
    return keep


def due(last: datetime | None, now: datetime) -> bool:
    """An automatic backup is due once a day."""
    return last is None or last.date() < now.date()
