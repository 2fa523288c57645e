"""Help ▸ About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mesolog import APP_NAME, __version__


def show_about(parent: QWidget, db_path: Path | str | None) -> None:
    QMessageBox.about(
        parent, f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A logbook for scalp mesotherapy: patients, treatment courses, injection "
        "sessions, side effects and outcomes, kept on this computer.</p>"
        f"<p>Database: {db_path if db_path else 'none open'}</p>",
    )
