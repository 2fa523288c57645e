"""One home for unexpected errors.

A validation error goes to its field (FormDialog), a conflict or a refusal to a
warning that says what to do; anything else comes here: ``sys.excepthook`` (errors in
the window's slots and event handlers), ``threading.excepthook`` (helper threads) and
Qt's own critical messages are written to a log file in the user's log folder and
shown in one dialog, with the details to copy for whoever supports the clinic. The
window and whatever is being edited in it stay as they were: nothing is closed or
reverted, so unsaved text is still there to be saved.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mesolog import APP_NAME, __version__
from mesolog.store.errors import ServerUnreachable
from mesolog.ui.common.language import tr

LOG_FILE_NAME = "mesolog.log"


class ErrorDialog(QDialog):
    """What went wrong, in a sentence; the details folded below, with Copy Details."""

    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Mesolog: something went wrong"))
        where = " " + tr("It is written in {file}.").format(file=log_path) if log_path else ""
        self.message = QLabel(
            f"<b>{summary}</b><br><br>" + tr(
                "What you were doing was not finished. Whatever is open and not yet saved is "
                "still open: save it if you can. If this happens again, send the details to "
                "whoever supports your Mesolog.") + where)
        self.message.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(tr("&Copy Details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class ErrorHome(QObject):
    """Where unexpected errors go: the log file, then the error dialog (on the window's
    thread, whichever thread the error was raised on)."""

    _shown = Signal(str, str)
    dialog_closed = Signal()

    def __init__(self, log_folder: Path | None):
        super().__init__()
        self.log_path = log_folder / LOG_FILE_NAME if log_folder else None
        self._log = logging.getLogger("mesolog")
        self._handler: logging.Handler | None = None
        if self.log_path is not None:
            try:
                log_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                handler = RotatingFileHandler(self.log_path, maxBytes=1_000_000,
                                              backupCount=3, encoding="utf-8")
            except OSError:
                self.log_path = None  # a log that cannot be written is no reason to stop
            else:
                handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
                self._handler = handler
        self._shown.connect(self._show)
        self.last_dialog: ErrorDialog | None = None
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        if self._handler is not None:
            self._log.addHandler(self._handler)
            self._log.setLevel(logging.INFO)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        qInstallMessageHandler(self.qt_message)
        self._log.info("%s %s started", APP_NAME, __version__)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        qInstallMessageHandler(None)
        if self._handler is not None:
            self._log.removeHandler(self._handler)
            self._handler.close()

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
        if isinstance(error, ServerUnreachable):  # not unexpected: the window says it
            self._log.warning("%s", error)       # (ChangeNotices.reachable)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        self._log.error("unexpected error\n%s", details)
        summary = f"{kind.__name__}: {error}" if str(error) else kind.__name__
        self._shown.emit(summary, f"{APP_NAME} {__version__}\n{details}")  # queued off-thread

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def qt_message(self, kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self._log.error("Qt: %s", message)
        elif kind == QtMsgType.QtWarningMsg:
            self._log.warning("Qt: %s", message)

    def _show(self, summary: str, details: str) -> None:
        if QApplication.instance() is None:
            print(details, file=sys.stderr)
            return
        dialog = ErrorDialog(summary, details, self.log_path, QApplication.activeWindow())
        self.last_dialog = dialog
        dialog.finished.connect(self.dialog_closed)
        dialog.open()  # not exec(): no event loop of its own inside whatever failed
