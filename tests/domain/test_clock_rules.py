"""The clinic's wall clock across its two yearly changes (Europe/Paris, 2026: the hour
from 02:00 skipped on 29 March, the hour from 02:00 lived twice on 25 October)."""

from __future__ import annotations

from datetime import datetime

import pytest

from mesolog.domain import clock
from mesolog.domain.clock import is_later, latest_not_later, local_now, never_happened

SPRING = datetime(2026, 3, 29)
AUTUMN = datetime(2026, 10, 25)


@pytest.mark.parametrize(("wall", "skipped"), [
    (SPRING.replace(hour=1, minute=59), False),
    (SPRING.replace(hour=2, minute=0), True),   # the first minute the clock skipped
    (SPRING.replace(hour=2, minute=30), True),
    (SPRING.replace(hour=2, minute=59, second=59), True),
    (SPRING.replace(hour=3, minute=0), False),  # where it landed
    (AUTUMN.replace(hour=2, minute=30), False),  # lived twice, not skipped
    (datetime(2026, 6, 1, 2, 30), False),
])
def test_the_times_the_spring_change_skipped(paris, wall, skipped):
    assert never_happened(wall) is skipped
    assert never_happened(wall.replace(microsecond=500_000)) is skipped


@pytest.mark.parametrize(("wall", "than", "later"), [
    (datetime(2026, 6, 1, 10, 31), datetime(2026, 6, 1, 10, 30), True),
    (datetime(2026, 6, 1, 10, 30), datetime(2026, 6, 1, 10, 30), False),  # the same time
    (datetime(2026, 6, 1, 10, 29), datetime(2026, 6, 1, 10, 30), False),
    # 02:30 the first time round is later than 02:10 the first time round …
    (AUTUMN.replace(hour=2, minute=30), AUTUMN.replace(hour=2, minute=10), True),
    # … but not than 02:10 the second time round, half an hour after it
    (AUTUMN.replace(hour=2, minute=30), AUTUMN.replace(hour=2, minute=10, fold=1), False),
])
def test_a_time_is_later_only_when_it_certainly_comes_after(paris, wall, than, later):
    assert is_later(wall, than) is later


def test_the_latest_time_that_is_not_later_than_now(paris):
    assert latest_not_later(datetime(2026, 6, 1, 10, 30, 45)) == datetime(2026, 6, 1, 10, 30)
    # the second time round the repeated hour, every time of that hour is not later
    second_round = AUTUMN.replace(hour=2, minute=10, fold=1)
    assert latest_not_later(second_round) == AUTUMN.replace(hour=2, minute=59)
    first_round = AUTUMN.replace(hour=2, minute=10)
    assert latest_not_later(first_round) == AUTUMN.replace(hour=2, minute=10)


def test_the_clinics_time_is_read_to_the_second(monkeypatch):
    monkeypatch.setattr(clock, "_system_time", lambda: datetime(2026, 6, 1, 10, 30, 45, 987))
    assert local_now() == datetime(2026, 6, 1, 10, 30, 45)


def test_a_skipped_time_is_not_later_than_where_the_clock_landed(paris):
    # 02:30 on 29 March never happened; read as the instant it would have been, it is
    # 03:30: neither is later than the other
    landed, skipped = SPRING.replace(hour=3, minute=30), SPRING.replace(hour=2, minute=30)
    assert not is_later(landed, skipped)
    assert is_later(landed.replace(minute=31), skipped)


def test_the_latest_time_is_to_the_minute_and_read_the_first_time_round(paris):
    latest = latest_not_later(datetime(2026, 6, 1, 10, 30, 45, 123_456))
    assert latest == datetime(2026, 6, 1, 10, 30) and latest.microsecond == 0
    second_round = latest_not_later(AUTUMN.replace(hour=2, minute=10, second=5,
                                                   microsecond=9, fold=1))
    assert second_round == AUTUMN.replace(hour=2, minute=59) and second_round.fold == 0
    assert latest_not_later(datetime(2026, 6, 1, 10, 30, 0, 1, fold=1)).fold == 0
