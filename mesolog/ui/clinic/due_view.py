"""Due and overdue: patients across the clinic whose next session is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QWidget

from mesolog.domain.translation import day_text
from mesolog.ui.clinic.clinic_list_window import ClinicListWindow
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.row_table_model import RowTableModel

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.courses import DueEntry

_COLUMNS = (QT_TR_NOOP("Late"), QT_TR_NOOP("Due"), QT_TR_NOOP("Patient"),
            QT_TR_NOOP("Chart no."), QT_TR_NOOP("Course"), QT_TR_NOOP("Done"))


def lateness(days: int) -> str:
    if days > 0:
        return tr("%Ln day(s) late", "", days)
    return tr("today") if days == 0 else tr("in %Ln day(s)", "", -days)


class DueListModel(RowTableModel["DueEntry"]):
    columns = _COLUMNS

    def cell(self, e: DueEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (lateness(e.days_late), day_text(e.due), e.patient_name, e.chart_no,
                    e.protocol, tr("{done} of {planned}").format(
                        done=e.sessions_done, planned=e.planned_sessions))[column]
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 14:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ForegroundRole and e.days_late > 0:
            return QBrush(QColor("#8a5300"))
        return None


class DueWindow(ClinicListWindow):
    FOLLOWS = ("course", "session", "patient")

    def __init__(self, clinic: Clinic, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(clinic, today, tr("Due and overdue"), DueListModel(),
                         lambda entry: entry.patient_id, parent)
        self.horizon = QSpinBox()
        self.horizon.setRange(0, 90)
        self.horizon.setValue(7)
        self.horizon.setSuffix(tr(" days"))
        self.refresh_button = QPushButton(tr("&Refresh"))
        self.set_filters([QLabel(tr("Overdue, due today, and due in the next")), self.horizon],
                         [self.refresh_button])
        self.resize(900, 560)
        self.horizon.valueChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        entries = self._clinic.courses.due(self._today(), within_days=self.horizon.value())
        self.model.set_rows(entries)
        late = sum(1 for e in entries if e.days_late > 0)
        self.summary.setText(tr("{late} overdue, {soon} due today or soon. Double-click a "
                                "patient to open the chart.").format(
                                    late=late, soon=len(entries) - late))
