"""The patient list: read a stretch at a time as the view scrolls, rows on demand.

Like Anki's browser table, the model holds ordered ids and reads the visible
rows' columns in pages when the view first asks for them, keeping a few pages.
Unlike it, the ids themselves arrive a stretch at a time (keyset paging over an
index in the list's order, ``PatientService.list_page``): a search shows its
first screen at once whether it matches twelve patients or a million, and
the view asks for more (``fetchMore``) as it is scrolled.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from mesolog.domain.list_table import (
    PATIENT_LIST_COLUMNS,
    patient_list_cells,
    patient_list_headers,
)
from mesolog.domain.patient import PatientRow
from mesolog.services.patient_search import LIST_PAGE_SIZE, PatientSort, Plan, SearchQuery
from mesolog.store.errors import ServerUnreachable
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.patients import ListPage, PatientService

PAGE_SIZE = 200  # rows whose columns are read at once
PAGES_KEPT = 8
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_COLUMNS = PATIENT_LIST_COLUMNS
CHART_NO, NAME, DATE_OF_BIRTH, AGE, DIAGNOSIS = range(len(_COLUMNS))
_SORT_OF_COLUMN = {
    CHART_NO: (PatientSort.CHART_NO, False),
    NAME: (PatientSort.NAME, False),
    DATE_OF_BIRTH: (PatientSort.DATE_OF_BIRTH, False),
    AGE: (PatientSort.DATE_OF_BIRTH, True),  # older first when ascending by age
    DIAGNOSIS: (PatientSort.DIAGNOSIS, False),
}
Index = QModelIndex | QPersistentModelIndex


class PatientListModel(QAbstractTableModel):
    def __init__(self, patients: PatientService, today: Callable[[], date],
                 parent: Any = None):
        super().__init__(parent)
        self._patients = patients
        self._today = today
        self._query = SearchQuery()
        self._plan = Plan.ORDER_INDEX
        self._ids: list[int] = []
        self._next_key: tuple[Any, ...] | None = None  # where the unread rest starts
        self._pages: OrderedDict[int, dict[int, PatientRow]] = OrderedDict()
        self._loaded = False  # nothing is read until the first set_query

    # -- what is listed --------------------------------------------------

    @property
    def query(self) -> SearchQuery:
        return self._query

    @property
    def complete(self) -> bool:
        """Whether every match has been read (else more come as the list scrolls)."""
        return self._next_key is None

    def set_query(self, query: SearchQuery) -> None:
        self._query = query
        self._read_again(LIST_PAGE_SIZE)

    def reload(self) -> None:
        """Read the list again (after a save, an archive), as far as it was read, so
        the place the practitioner scrolled to is still there."""
        self._read_again(max(len(self._ids), LIST_PAGE_SIZE))

    def _read_again(self, rows: int) -> None:
        # read before the reset: a read that fails (a server out of reach) leaves the
        # list as it was shown, whole
        plan = self._patients.plan(self._query)
        page = self._patients.list_page(self._query, plan, size=rows)
        self.beginResetModel()
        self._loaded = True
        self._plan = plan
        self._ids = []
        self._next_key = None
        self._pages.clear()
        self._take(page)
        self.endResetModel()

    def _take(self, page: ListPage) -> None:
        self._ids.extend(page.ids)
        self._next_key = page.next_key

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, patient_id: int) -> int | None:
        """The row of ``patient_id`` among those read so far."""
        try:
            return self._ids.index(patient_id)
        except ValueError:
            return None

    def reveal(self, patient_id: int) -> int | None:
        """The row of ``patient_id``, reading the list down to it if need be; None if
        the query does not list them."""
        row = self.row_of(patient_id)
        if row is not None or self.complete:
            return row
        through = self._patients.list_through(self._query, self._plan, self._next_key,
                                              patient_id)
        if through is None:
            return None
        self._insert(through)
        return len(self._ids) - 1

    def _insert(self, page: ListPage) -> None:
        if page.ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._take(page)
            self.endInsertRows()
        else:
            self._next_key = page.next_key

    def _patient_row(self, row: int) -> PatientRow | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            try:
                page = self._patients.rows(self._ids[start:start + PAGE_SIZE])
            except ServerUnreachable:  # said by the window once; read again when back
                return None
            self._pages[page_no] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- QAbstractTableModel ---------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_key is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            try:
                page = self._patients.list_page(self._query, self._plan, self._next_key)
            except ServerUnreachable:  # said by the window once; the view asks again
                return
            self._insert(page)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_COLUMNS)):
            return patient_list_headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PATIENT_ID_ROLE:
            return self._ids[index.row()]
        patient = self._patient_row(index.row())
        if patient is None:  # removed since the list was read; a reload follows
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(patient, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == DIAGNOSIS and patient.diagnosis:
            return patient.diagnosis.label
        if role == Qt.ItemDataRole.ToolTipRole and patient.has_alerts:
            return tr("Allergies or contraindications recorded: read them before treating.")
        if role == Qt.ItemDataRole.DecorationRole and column == NAME and patient.has_alerts:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.FontRole and patient.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and patient.archived:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, patient: PatientRow, column: int) -> str:
        return patient_list_cells(patient, self._today())[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_OF_COLUMN:
            return
        sort, reverse = _SORT_OF_COLUMN[column]
        descending = (order == Qt.SortOrder.DescendingOrder) != reverse
        query = replace(self._query, sort=sort, descending=descending)
        if not self._loaded:  # the view sorts once while it is set up; read once, later
            self._query = query
            return
        # A reset, not a layout change: the window re-selects the open
        # patient by id, and no persistent index has to be remapped.
        self.set_query(query)
