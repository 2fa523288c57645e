from datetime import datetime, timedelta

from mesolog.domain.backup_rotation import backups_to_keep, due


def test_seven_daily_and_four_weekly_are_kept():
    start = datetime(2026, 9, 1, 18, 0)
    taken = [start + timedelta(days=d) for d in range(60)]  # one a day for 60 days
    taken.append(start + timedelta(days=59, hours=2))  # a second one on the last day
    keep = backups_to_keep(taken)
    newest = start + timedelta(days=59, hours=2)
    assert newest in keep and start + timedelta(days=59) not in keep
    daily = {t.date() for t in keep if t >= newest - timedelta(days=6, hours=20)}
    assert len(daily) == 7
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) == 4  # the last seven days fall within the four newest weeks
    assert len(keep) <= 11
    assert min(keep) >= newest - timedelta(days=28)


def test_a_backup_is_due_once_a_day():
    now = datetime(2026, 11, 25, 18, 0)
    assert due(None, now)
    assert not due(datetime(2026, 11, 25, 8, 0), now)
    assert due(datetime(2026, 11, 24, 23, 59), now)
