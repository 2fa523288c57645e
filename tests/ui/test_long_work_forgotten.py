"""Long work its caller no longer holds (a report asked for again while the last was
still being built: the dialog keeps only the newest) still ends on the window's thread.
The helper thread used to let go of it last: its wrapper was then destroyed on the
helper thread while the window's thread delivered its end, which now and then crashed
the process (seen building a report preview twice at once)."""

from __future__ import annotations

import gc
import time


def test_work_nobody_holds_ends_on_the_windows_thread_every_time(qtbot):
    from PySide6.QtWidgets import QWidget

    from mesolog.ui.common.long_work import run_long_work

    window = QWidget()
    qtbot.addWidget(window)
    ended: list[int] = []

    def work(n: int):
        def run(_progress) -> int:
            time.sleep(0.005 * (n % 3))
            return n
        return run

    for n in range(30):  # none of them kept
        run_long_work(window, "Building", work(n), done=ended.append,
                      failed=lambda e: ended.append(-1), expected=())
    gc.collect()
    qtbot.waitUntil(lambda: len(ended) == 30, timeout=10_000)
    assert sorted(ended) == list(range(30))
