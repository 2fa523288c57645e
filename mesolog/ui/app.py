"""Starting the window: QApplication, settings, the database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from mesolog import APP_NAME, __version__
from mesolog.store.database import DatabaseError, open_database
from mesolog.ui.main_window import MainWindow
from mesolog.ui.settings import Settings


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_application(db_path: Path) -> int:
    app = make_application()
    try:
        db = open_database(db_path)
    except DatabaseError as e:
        print(f"mesolog: {e}", file=sys.stderr)
        QMessageBox.critical(None, f"{APP_NAME}: cannot open database", str(e))
        return 1
    window = MainWindow(db, Settings(QSettings()))
    window.show()
    return app.exec()
