"""Help ▸ About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mesolog import APP_NAME, __version__
from mesolog.ui.common.language import tr


def show_about(parent: QWidget, db_path: Path | str | None) -> None:
    QMessageBox.about(
        parent, tr("About Mesolog"),
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + tr("A logbook for scalp mesotherapy: patients, treatment courses, injection "
             "sessions, side effects and outcomes, kept on this computer.") + "</p><p>"
        + tr("Database: {database}").format(database=db_path if db_path else tr("none open"))
        + "</p>",
    )
