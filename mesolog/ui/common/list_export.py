"""Export… of a list the desk shows: to a CSV file a spreadsheet opens, on the helper
thread, in the separator the desk's spreadsheet expects (a semicolon where the comma
is the decimal mark, as in French)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mesolog.domain.list_table import ListTable
from mesolog.ui.common.language import tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection

if TYPE_CHECKING:
    from mesolog.store.database import Database


def list_separator() -> str:
    return ";" if QLocale().decimalPoint() == "," else ","


def export_list(parent: QWidget, db: Database, title: str,
                make_table: Callable[[Database], ListTable]) -> LongWork | None:
    """Ask where, then write ``make_table(own view of db)`` there; None if not asked."""
    from mesolog.domain.permissions import NotPermitted
    from mesolog.services.list_export import ListExportService
    from mesolog.store.database import DatabaseError

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggestion = Path(folder or Path.home()) / f"{_file_stem(title)}.csv"
    name, _ = QFileDialog.getSaveFileName(parent, tr("Export List"), str(suggestion),
                                          tr("Spreadsheet (CSV) (*.csv);;All files (*)"))
    if not name:
        return None
    target = Path(name) if Path(name).suffix else Path(name).with_suffix(".csv")
    separator = list_separator()

    def done(rows: int) -> None:
        QMessageBox.information(parent, tr("List exported"),
                                tr("%Ln row(s) written to {file}.", "", rows).format(
                                    file=target))

    def failed(error: BaseException) -> None:
        QMessageBox.warning(parent, tr("List not exported"), str(error))

    return run_long_work(parent, tr("Exporting the list"), with_own_connection(
        db, lambda own, _progress: ListExportService(own).write(
            lambda: make_table(own), target, separator=separator)),
        done=done, failed=failed, expected=(NotPermitted, DatabaseError, OSError))


def _file_stem(title: str) -> str:
    """A file name from a list's title: no characters a file system refuses."""
    return re.sub(r'[\\/:*?"<>|]+', "-", title).strip(" .-") or "list"
