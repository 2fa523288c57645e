"""Help ▸ About."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from mesolog import APP_NAME, __version__
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.store.database import Database


def about_text(database: Database | None) -> str:
    """The version, and the open database with the revision of its tables (what a
    support call asks first)."""
    if database is None or database.closed:
        where = tr("Database: none open")
    elif database.locked:  # encrypted, nobody logged in yet: nothing can be read
        where = tr("Database: {database} (locked)").format(database=escape(database.location))
    else:
        where = tr("Database: {database} (schema {revision})").format(
            database=escape(database.location), revision=database.schema_revision())
    return (f"<h3>{APP_NAME} {__version__}</h3><p>"
            + tr("A logbook for scalp mesotherapy: patients, treatment courses, injection "
                 "sessions, side effects and outcomes, kept on this computer.")
            + f"</p><p>{where}</p>")


def show_about(parent: QWidget, database: Database | None) -> None:
    QMessageBox.about(parent, tr("About Mesolog"), about_text(database))
