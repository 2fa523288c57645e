"""Starting the window: QApplication, settings, then the database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mesolog import APP_NAME, __version__
from mesolog.ui.gate import LoginGate
from mesolog.ui.main_window import MainWindow
from mesolog.ui.settings import Settings


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def _open_first_database(window: MainWindow, path: Path) -> None:
    from mesolog.store.database import DatabaseError, open_database

    window.statusBar().showMessage(f"Opening {path}…")
    try:
        db = open_database(path)
    except DatabaseError as e:
        print(f"mesolog: {e}", file=sys.stderr)
        QMessageBox.critical(window, f"{APP_NAME}: cannot open database", str(e))
        QApplication.exit(1)
        return
    window.statusBar().clearMessage()
    if not window.admit_and_attach(db):
        QApplication.exit(0)  # nobody logged in: nothing is shown
        return
    window.files.owed_backup()  # the automatic backup that failed at the last closing


def run_application(db_path: Path) -> int:
    app = make_application()
    settings = Settings(QSettings())
    window = MainWindow(settings, gate=LoginGate(settings))
    window.show()
    # The window is on screen before the database layer is imported and opened.
    QTimer.singleShot(0, lambda: _open_first_database(window, db_path))
    return app.exec()
