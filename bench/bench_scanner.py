"""The barcode scanner's listener (issue 22): what it costs every event of the
application, and how long a scan takes from its first key to the vial read.

A listener is an application-wide event filter: every event of every widget
passes it. Measured: 200,000 events sent to a widget with no listener, with the
main window's one, and with three (main window, session editor, Preferences);
then a 45-key GS1 scan typed key by key into a window (as tests/ui/scanner_keys
types it) to the moment ``scanned`` is emitted, and the scan read as the
session editor reads it. Medians of 7.

    cd bench && QT_QPA_PLATFORM=offscreen ../.venv/bin/python bench_scanner.py

Figures: bench/README.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mesolog.domain.gs1 import read_vial_barcode
from mesolog.ui.common.scanner import ScanListener, ScannerConfig
from tests.ui.scanner_keys import GS, scanner_types

EVENTS = 200_000
SCAN = f"]d20109506000134352" f"21SN000123{GS}10AB-2031-X{GS}17270630"
RUNS = 7


def events_per_us(target: QWidget) -> float:
    """Microseconds per event sent to ``target`` (an event nobody handles)."""
    event = QEvent(QEvent.Type.User)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for _ in range(EVENTS):
            QApplication.sendEvent(target, event)
        times.append((time.perf_counter() - start) / EVENTS * 1e6)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    windows = [QWidget() for _ in range(3)]
    field = QLineEdit(windows[0])
    for window in windows:
        window.show()
    app.processEvents()
    bare = events_per_us(field)
    listeners = [ScanListener(windows[0], ScannerConfig())]
    one = events_per_us(field)
    listeners += [ScanListener(window, ScannerConfig()) for window in windows[1:]]
    three = events_per_us(field)
    print(f"per event: no listener {bare:.2f} µs, one {one:.2f} µs, three {three:.2f} µs")

    scanned: list[str] = []
    listeners[0].scanned.connect(scanned.append)
    windows[0].activateWindow()
    field.setFocus()
    app.processEvents()
    typed, read = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        scanner_types(SCAN)
        typed.append((time.perf_counter() - start) * 1000)
        assert scanned and scanned[-1] == SCAN, scanned
        start = time.perf_counter()
        read_vial_barcode(scanned[-1])
        read.append((time.perf_counter() - start) * 1000)
    keys = len(SCAN) + 1
    print(f"a {keys}-key scan typed to scanned: {statistics.median(typed):.1f} ms "
          f"({statistics.median(typed) / keys * 1000:.0f} µs a key); read: "
          f"{statistics.median(read):.2f} ms; the field kept {field.text()!r}")


if __name__ == "__main__":
    main()
