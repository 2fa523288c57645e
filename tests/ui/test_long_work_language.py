"""Long work runs on a helper thread in its caller's context: the texts it makes (a
report, an export's labels) are in the window's language."""

from __future__ import annotations

import threading

from mesolog.domain.patient import Diagnosis
from mesolog.domain.translation import speaking


def test_long_work_on_a_helper_thread_speaks_the_windows_language(qtbot):
    from PySide6.QtWidgets import QWidget

    from mesolog.ui.common.long_work import run_long_work

    window = QWidget()
    qtbot.addWidget(window)
    found: list[str] = []
    with speaking("fr"):  # as the window's language is, when the work is started
        work = run_long_work(window, "Labels", lambda _progress: (
            threading.current_thread() is not threading.main_thread(),
            Diagnosis.TELOGEN_EFFLUVIUM.label), done=found.append,
            failed=lambda e: found.append(e), expected=())
    qtbot.waitUntil(lambda: bool(found), timeout=5_000)
    assert found == [(True, "Effluvium télogène")] and not work.running
