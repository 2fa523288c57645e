"""The dialogs the main window's menus open over the clinic or the open chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow

# Each dialog's module is imported when it is first opened, not at start.


def show_catalogue(window: MainWindow) -> None:
    from mesolog.ui.clinic.catalogue_dialog import CatalogueDialog

    CatalogueDialog(window.clinic, window.today, window.scans.config, parent=window).exec()


def show_lot_recall(window: MainWindow) -> None:
    from mesolog.ui.clinic.lot_recall import FindLotDialog

    FindLotDialog(window.clinic, window.scans.config, parent=window).exec()


def show_history(window: MainWindow) -> None:
    from mesolog.ui.patients.history_dialog import HistoryDialog

    if window.form.patient is not None and window.settle_unsaved():
        HistoryDialog(window.clinic, window.form.patient, parent=window).exec()


def show_preferences(window: MainWindow) -> None:
    from mesolog.ui.clinic.preferences import open_preferences

    db = window.database
    from mesolog.ui.common.scanner import scanner_config

    open_preferences(window, window.clinic if db else None, window.settings,
                     db.path if db and db.path else Path.home())
    window.scans.config = scanner_config(window.settings)


def show_reports(window: MainWindow) -> None:
    from mesolog.ui.printing.report_dialog import ReportDialog

    if window.form.patient is not None and window.settle_unsaved():
        ReportDialog(window.clinic, window.form.patient, parent=window).exec()
