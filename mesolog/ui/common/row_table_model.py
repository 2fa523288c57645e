"""A read-only table model over a short list of rows (due list, open side effects)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from mesolog.domain.list_table import ListTable
from mesolog.ui.common.language import tr

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses name their ``columns`` (marked with QT_TR_NOOP: the header shows them in
    the window's language) and say what a row shows in ``cell``."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return tr(self.columns[section])  # marked QT_TR_NOOP where written
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role``; None for nothing."""
        return None


def table_of(model: RowTableModel, title: str) -> ListTable:
    """What ``model`` shows, as a list to export: its columns, each row's text."""
    role = Qt.ItemDataRole.DisplayRole
    rows = tuple(tuple(str(model.cell(row, column, role) or "")
                       for column in range(len(model.columns))) for row in model._rows)
    return ListTable(title, tuple(tr(column) for column in model.columns), rows)


def list_view_of(model: RowTableModel) -> QTableView:
    """A read-only, row-selecting table for a clinic-wide list window."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
