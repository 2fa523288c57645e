"""The left side of the main window: the search box, Include archived, the patient list.

The panel searches as the practitioner types, keeps the open patient's row selected
through reloads, and says when the practitioner picks another patient; the window
decides whether the open chart may be left."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
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

from mesolog.domain.translation import number
from mesolog.services.patient_search import SearchQuery
from mesolog.ui.common import styles
from mesolog.ui.common.language import tr
from mesolog.ui.patients.patient_list_model import NAME, PatientListModel

if TYPE_CHECKING:
    from mesolog.services.patients import PatientService

# the columns' first widths, in characters, so they fit at any font size or scale
_COLUMN_CHARACTERS = (9, 21, 12, 5)
_ENTER_LIST_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
SEARCH_DELAY_MS = 200


class PatientListPanel(QWidget):
    # the practitioner moved to another patient's row
    patient_chosen = Signal(int)
    # after a search: what was searched for (stripped) and how many rows are listed
    searched = Signal(str, int)

    def __init__(self, include_archived: bool, shown_patient: Callable[[], int | None],
                 parent: QWidget | None = None):
        """``shown_patient``: the id of the patient whose chart is open, if any."""
        super().__init__(parent)
        self._shown_patient = shown_patient
        self._patients: PatientService | None = None
        self.model: PatientListModel | None = None
        self._following_list = True  # False while the panel itself moves the selection
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(tr("Find by name, chart number or date of birth"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.include_archived = QCheckBox(tr("Include archived"))
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
        self.search_box.textChanged.connect(self._search_timer.start)
        self.include_archived.toggled.connect(self.apply_search)

    # -- the database ----------------------------------------------------

    def attach(self, patients: PatientService, today: Callable[[], date],
               saved_header: bytes | None) -> None:
        """List ``patients``; ``saved_header``: the column layout to start with, or None
        to keep the one shown (another database opened in the same window)."""
        self._patients = patients
        self.model = PatientListModel(patients, today, self)
        self.list_view.setModel(self.model)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.modelReset.connect(self._after_list_reset)
        header = self.list_view.horizontalHeader()
        if saved_header is not None:
            self.lay_out_columns(saved_header)
        else:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.set_query(self._query_from_widgets())

    def detach(self) -> None:
        """List nothing (while the database file is replaced)."""
        self.list_view.setModel(None)
        self.model = None
        self._patients = None

    # -- searching -------------------------------------------------------

    def _query_from_widgets(self) -> SearchQuery:
        return replace(self.model.query, text=self.search_box.text(),
                       include_archived=self.include_archived.isChecked())

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.model is None:
            return
        self.model.set_query(self._query_from_widgets())
        self.searched.emit(self.model.query.text.strip(), self.model.rowCount())
        # posted after the list's repaint; dropped if the panel goes first (a window closed
        # just after a search)
        QTimer.singleShot(0, self, self.update_count)

    def show_everyone(self) -> None:
        """Clear the search and include the archived, so that any patient is listed."""
        self.search_box.clear()
        self.include_archived.setChecked(True)
        self.apply_search()

    def enter_list(self) -> None:
        """From the search box into the list (Enter or Down): the first match is chosen,
        which opens it, so one match is one key away."""
        self.apply_search()
        if self.model is None or self.model.rowCount() == 0:
            return
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.list_view.selectionModel().hasSelection():
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(0, NAME), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def update_count(self) -> None:
        """The count under the list: after the list is drawn, as it may take longer."""
        if self.model is not None:
            self.show_count(self._patients, self.model.query)
            self.searched.emit(self.model.query.text.strip(), self.model.rowCount())

    # -- the selection ---------------------------------------------------

    def select(self, patient_id: int | None, read_down: bool = False) -> None:
        """Move the selection to ``patient_id`` (none: clear it) without treating it as
        the practitioner's choice; ``read_down``: read the list down to the patient if
        need be (not on a keystroke)."""
        self._following_list = False
        try:
            selection = self.list_view.selectionModel()
            find = self.model.reveal if read_down else self.model.row_of
            row = find(patient_id) if patient_id is not None else None
            if row is None:
                selection.clear()
            else:
                index = self.model.index(row, NAME)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.list_view.scrollTo(index)
        finally:
            self._following_list = True

    def _after_list_reset(self) -> None:
        shown = self._shown_patient()
        if shown is not None:
            self.select(shown)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._following_list:
            return
        patient_id = self.model.id_at(current.row())
        if patient_id is not None and patient_id != self._shown_patient():
            self.patient_chosen.emit(patient_id)

    def show_read_only(self, reason: str) -> None:
        """Say, while it lasts, that nothing can be saved in the open database."""
        self.read_only_banner.setText(tr("<b>Read-only:</b> {reason}. Records can be read "
                                         "and printed; nothing can be saved.").format(
                                             reason=html.escape(reason)))
        self.read_only_banner.setVisible(bool(reason))

    def show_count(self, patients: PatientService, query: SearchQuery) -> None:
        """Say how many patients there are and how many ``query`` lists."""
        total = patients.count(include_archived=query.include_archived)
        searched = query.text.strip()
        shown = patients.count_matching(query) if searched else total
        everyone = tr("%Ln patient(s)", "", total)
        self.count_label.setText(tr("{shown} of {everyone} match").format(
            shown=number(shown), everyone=everyone) if searched else everyone)

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
            self.enter_list()
            return True
        return super().eventFilter(watched, event)
