"""The left side of the main window: the search box, Include archived, the patient list."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.text import count_of
from mesolog.services.patient_search import SearchQuery
from mesolog.ui.common import styles
from mesolog.ui.patients.patient_list_model import NAME

if TYPE_CHECKING:
    from mesolog.services.patients import PatientService

# the columns' first widths, in characters, so they fit at any font size or scale
_COLUMN_CHARACTERS = (10, 24, 13, 5)
_ENTER_LIST_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)


class PatientListPanel(QWidget):
    # Enter or Down in the search box: the window moves into the list
    enter_list = Signal()

    def __init__(self, include_archived: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Find by name, chart number or date of birth")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.include_archived = QCheckBox("Include archived")
        self.include_archived.setChecked(include_archived)
        self.list_view = QTableView()
        self._set_up_list_view()
        self.count_label = QLabel()  # the window shows it in its status bar
        # shown above everything while the open database cannot be written
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(styles.ALERT)
        self.read_only_banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.search_box)
        layout.addWidget(self.include_archived)
        layout.addWidget(self.list_view)

    def show_read_only(self, reason: str) -> None:
        """Say, while it lasts, that nothing can be saved in the open database."""
        self.read_only_banner.setText(f"<b>Read-only:</b> {html.escape(reason)}. Records "
                                      "can be read and printed; nothing can be saved.")
        self.read_only_banner.setVisible(bool(reason))

    def show_count(self, patients: PatientService, query: SearchQuery) -> None:
        """Say how many patients there are and how many ``query`` lists."""
        total = patients.count(include_archived=query.include_archived)
        searched = query.text.strip()
        shown = patients.count_matching(query) if searched else total
        everyone = count_of(total, "patient")
        self.count_label.setText(f"{shown:,} of {everyone} match" if searched else everyone)

    def _set_up_list_view(self) -> None:
        view = self.list_view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        # Fixed row heights keep a 100,000-row list from measuring every row.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def lay_out_columns(self, saved_header: bytes) -> None:
        """The saved column layout, else widths in characters sorted by name."""
        view, header = self.list_view, self.list_view.horizontalHeader()
        if saved_header.isEmpty() or not header.restoreState(saved_header):
            character = view.fontMetrics().averageCharWidth()
            for column, width in enumerate(_COLUMN_CHARACTERS):
                header.resizeSection(column, width * character + 12)
            header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)  # sorts the (not yet loaded) model by the indicator

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search_box and event.type() == QEvent.Type.KeyPress
                and event.key() in _ENTER_LIST_KEYS):
            self.enter_list.emit()
            return True
        return super().eventFilter(watched, event)
