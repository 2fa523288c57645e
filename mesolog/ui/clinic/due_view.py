"""Due and overdue: patients across the clinic whose next session is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QWidget

from mesolog.ui.clinic.clinic_list_window import ClinicListWindow
from mesolog.ui.common.row_table_model import RowTableModel

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.courses import DueEntry

_COLUMNS = ("Late", "Due", "Patient", "Chart no.", "Course", "Done")


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
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 14:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 0:
            return QBrush(QColor("#8a5300"))
        return None


class DueWindow(ClinicListWindow):
    FOLLOWS = ("course", "session", "patient")

    def __init__(self, clinic: Clinic, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(clinic, today, "Due and overdue", DueListModel(),
                         lambda entry: entry.patient_id, parent)
        self.horizon = QSpinBox()
        self.horizon.setRange(0, 90)
        self.horizon.setValue(7)
        self.horizon.setSuffix(" days")
        self.refresh_button = QPushButton("&Refresh")
        self.set_filters([QLabel("Overdue, due today, and due in the next"), self.horizon],
                         [self.refresh_button])
        self.resize(900, 560)
        self.horizon.valueChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        entries = self._clinic.courses.due(self._today(), within_days=self.horizon.value())
        self.model.set_rows(entries)
        late = sum(1 for e in entries if e.days_late > 0)
        self.summary.setText(f"{late} overdue, {len(entries) - late} due today or soon. "
                             "Double-click a patient to open the chart.")
