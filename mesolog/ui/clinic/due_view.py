"""Due and overdue: patients across the clinic whose next session is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.row_table_model import RowTableModel, list_view_of

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.courses import DueEntry
    from mesolog.store.changes import Changes

_COLUMNS = ("Late", "Due", "Patient", "Chart no.", "Course", "Done")
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def lateness(days: int) -> str:
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} late"
    return "today" if days == 0 else f"in {-days} day{'s' if days != -1 else ''}"


class DueListModel(RowTableModel["DueEntry"]):
    columns = _COLUMNS

    def cell(self, e: DueEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (lateness(e.days_late), e.due.isoformat(), e.patient_name, e.chart_no,
                    e.protocol, f"{e.sessions_done} of {e.planned_sessions}")[column]
        if role == PATIENT_ID_ROLE:
            return e.patient_id
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 14:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 0:
            return QBrush(QColor("#8a5300"))
        return None


class DueWindow(OpensAtFirstField, QDialog):
    """A window of its own, beside the main one: double-click opens the patient."""

    open_patient = Signal(int)

    def __init__(self, clinic: Clinic, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Due and overdue")
        self._clinic = clinic
        self._today = today
        self.horizon = QSpinBox()
        self.horizon.setRange(0, 90)
        self.horizon.setValue(7)
        self.horizon.setSuffix(" days")
        self.refresh_button = QPushButton("&Refresh")
        self.summary = QLabel()
        self.model = DueListModel(self)
        self.table = list_view_of(self.model)
        top = QHBoxLayout()
        top.addWidget(QLabel("Overdue, due today, and due in the next"))
        top.addWidget(self.horizon)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.resize(900, 560)
        self.horizon.valueChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)
        self.refresh()

    def follow(self, changes: Changes) -> None:
        """Read again when a change may have touched what this list shows."""
        if changes.may_touch("course", "session", "patient"):
            self.refresh()

    def refresh(self) -> None:
        entries = self._clinic.courses.due(self._today(), within_days=self.horizon.value())
        self.model.set_rows(entries)
        late = sum(1 for e in entries if e.days_late > 0)
        self.summary.setText(f"{late} overdue, {len(entries) - late} due today or soon. "
                             "Double-click a patient to open the chart.")

    def _open(self, index: QModelIndex) -> None:
        self.open_patient.emit(self.model.data(index, PATIENT_ID_ROLE))
