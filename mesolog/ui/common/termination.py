"""Closing when the system asks: a desktop session that ends (it sends SIGTERM), `kill`,
the terminal Mesolog was started from closing (SIGHUP) or Ctrl+C in it (SIGINT).

Without this, Python's default for SIGTERM and SIGHUP ends the process where it stands:
no automatic backup, the window's layout not kept, the database not closed. Instead,
Mesolog's windows are closed as their close buttons close them (unsaved work settled,
today's backup made, the database closed), and the application ends when the last one is
gone.
"""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                 if hasattr(signal, name))


class CloseOnTermination(QObject):
    """While installed, a termination signal closes every window of the application.

    Python runs a signal handler only between bytecodes, never while Qt's event loop
    waits in C++; so the signal is written to a socket (``signal.set_wakeup_fd``) that
    the event loop watches, and the windows are closed from the loop itself."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._wake, self._woken = socket.socketpair()
        for end in (self._wake, self._woken):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._woken.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._close_windows)
        self._previous_wakeup = signal.set_wakeup_fd(self._wake.fileno(),
                                                     warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._noted) for number in _SIGNALS}
        self.received: list[int] = []

    def _noted(self, number: int, _frame: object) -> None:
        # the byte on the socket has woken the loop already; this only records it
        self.received.append(number)

    def _close_windows(self) -> None:
        received = b""
        with contextlib.suppress(OSError):
            received = self._woken.recv(64)  # one byte per signal: its number
        # the wakeup socket carries every signal Python handles, not only these
        if any(number in _SIGNALS for number in received):
            QApplication.closeAllWindows()

    def uninstall(self) -> None:
        """Puts back the handlers that were there before."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_wakeup)
        self._notifier.setEnabled(False)
        self._wake.close()
        self._woken.close()
