"""The main window's layout, kept in the settings between starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mesolog.ui.common import settings as opt

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow


def restore_layout(window: MainWindow) -> None:
    settings = window.settings
    geometry = settings.get(opt.MAIN_WINDOW_GEOMETRY)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        window.resize(1200, 760)
    window.restoreState(settings.get(opt.MAIN_WINDOW_STATE))
    splitter = settings.get(opt.MAIN_SPLITTER)
    if splitter.isEmpty() or not window.splitter.restoreState(splitter):
        window.splitter.setSizes([480, 800])  # the chart whole in French too, at 1280


def save_layout(window: MainWindow) -> None:
    settings = window.settings
    settings.set(opt.MAIN_WINDOW_GEOMETRY, window.saveGeometry())
    settings.set(opt.MAIN_WINDOW_STATE, window.saveState())
    settings.set(opt.MAIN_SPLITTER, window.splitter.saveState())
    if window.model is not None:
        settings.set(opt.PATIENT_LIST_HEADER, window.list_view.horizontalHeader().saveState())
    settings.set(opt.INCLUDE_ARCHIVED, window.include_archived.isChecked())
    settings.sync()
