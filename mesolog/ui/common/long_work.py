"""Long work off the window's thread: one helper, like Picard's run_task/to_main and
Anki's QueryOp.

``run_long_work`` runs ``work(db, progress)`` on a helper thread, with a view of the
database that has its own connection (the window keeps reading through its own),
shows a progress dialog once the work has taken a moment (with Cancel where the
work can be stopped safely), and hands the result, or the error, back on the
window's thread. The window's event loop keeps running meanwhile: it repaints,
its timers fire, and the person can read what is on screen.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mesolog.domain.progress import Cancelled
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.domain.progress import Progress
    from mesolog.store.database import Database

SHOWN_AFTER_MS = 400  # quick work finishes without a dialog flashing up


class LongWork(QObject):
    """One piece of long work; it lives on the window's thread, its signals are
    emitted from the helper thread and so reach it through the event loop."""

    progressed = Signal(int, int, str)
    _ended = Signal(object, object)  # result, error

    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], Any], *,
                 done: Callable[[Any], None], failed: Callable[[BaseException], None],
                 cancellable: bool, expected: tuple[type[BaseException], ...]):
        # Held by the application, not the window: the window may be closed and
        # deleted while the work runs (the end is said only to a window still there),
        # and its caller may drop it (a report asked for again). Held by no one but
        # the helper thread, it was destroyed there as the thread let go of it, while
        # the window's thread delivered its end: a crash now and then. It deletes
        # itself once its end is said.
        super().__init__(QCoreApplication.instance())
        self._parent = parent
        self._work = work
        self._done, self._failed = done, failed
        self._expected = (*expected, Cancelled) if cancellable else expected
        self._cancel_asked = threading.Event()
        self.dialog = QProgressDialog(title, tr("Cancel") if cancellable else "", 0, 0,
                                      parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOWN_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)
        self._ended.connect(self._end)
        # the work runs in its caller's context: the language in force, for one
        self._context = contextvars.copy_context()
        self._thread = threading.Thread(target=self._run, name=title, daemon=True)

    def start(self) -> None:
        self.dialog.setValue(0)  # starts the dialog's clock: shown if the work lasts
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next count; it ends as Cancelled."""
        self._cancel_asked.set()
        self.dialog.setLabelText(tr("Stopping…"))

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _report(self, done: int, total: int, what: str) -> None:
        # on the helper thread, where the work counts
        if self._cancel_asked.is_set():
            raise Cancelled(tr("Stopped; nothing of it was kept."))
        self.progressed.emit(done, total, what)

    def _run(self) -> None:
        try:
            result = self._context.run(self._work, self._report)
        except BaseException as error:  # handed to the window's thread, said there
            self._ended.emit(None, error)
        else:
            self._ended.emit(result, None)

    def _show_progress(self, done: int, total: int, what: str) -> None:
        if self._cancel_asked.is_set():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        if what:  # the bar says how far; the words, what is being done
            self.dialog.setLabelText(f"{self.dialog.windowTitle()}: {what}…")

    def _end(self, result: Any, error: BaseException | None) -> None:
        self._thread.join()
        if not (shiboken6.isValid(self._parent) and shiboken6.isValid(self.dialog)):
            self.deleteLater()
            return  # the window is gone: nobody to tell
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        try:
            if error is None:
                self._done(result)
            elif isinstance(error, self._expected):
                self._failed(error)
            else:
                raise error  # not the work's own kind of failure: to the error home
        finally:
            self.deleteLater()


def run_long_work(parent: QWidget, title: str, work: Callable[[Progress], Any], *,
                  done: Callable[[Any], None], failed: Callable[[BaseException], None],
                  expected: tuple[type[BaseException], ...],
                  cancellable: bool = False) -> LongWork:
    """Start ``work(progress)`` on a helper thread; ``done(result)``, or ``failed(error)``
    for an error of the ``expected`` kinds (and Cancelled, if ``cancellable``), follow on
    the window's thread; any other error goes to the error home. ``work`` must use its
    own database view (``with_own_connection``), never the window's."""
    long_work = LongWork(parent, title, work, done=done, failed=failed,
                         cancellable=cancellable, expected=expected)
    long_work.start()
    return long_work


def with_own_connection(db: Database, work: Callable[[Database, Progress], Any]
                        ) -> Callable[[Progress], Any]:
    """``work`` given a view of ``db`` with a reading connection of its own, closed
    when the work ends."""
    def run(progress: Progress) -> Any:
        own = db.for_another_thread()
        try:
            return work(own, progress)
        finally:
            own.close()
    return run
