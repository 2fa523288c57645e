"""Open side effects across the clinic, oldest first, to follow each one up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from mesolog.domain.adverse_event import SERIOUS_GRADE, EventKind
from mesolog.domain.permissions import Action
from mesolog.domain.translation import day_text
from mesolog.ui.clinic.clinic_list_window import ClinicListWindow
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.permitted import permit
from mesolog.ui.common.row_table_model import RowTableModel
from mesolog.ui.treatment.adverse_event_dialog import ResolveDialog

if TYPE_CHECKING:
    from mesolog.services.adverse_events import OpenEvent
    from mesolog.services.clinic import Clinic

_COLUMNS = (QT_TR_NOOP("Onset"), QT_TR_NOOP("Open"), QT_TR_NOOP("Grade"),
            QT_TR_NOOP("Side effect"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Chart no."),
            QT_TR_NOOP("Suspected lot"), QT_TR_NOOP("Actions"))


class OpenEventsModel(RowTableModel["OpenEvent"]):
    columns = _COLUMNS

    def cell(self, r: OpenEvent, column: int, role: int) -> Any:
        d = r.event.details
        if role == Qt.ItemDataRole.DisplayRole:
            name = d.other_text if d.kind is EventKind.OTHER else d.kind.label
            return (day_text(d.onset), tr("{days} d").format(days=r.days_open), str(d.grade),
                    name + (" " + tr("(serious)") if d.serious else ""), r.patient_name,
                    r.chart_no,
                    r.event.suspected_lot, ", ".join(a.label for a in d.actions))[column]
        if role == Qt.ItemDataRole.ForegroundRole and (d.grade >= SERIOUS_GRADE or d.serious):
            return QBrush(QColor("#b00020"))
        return None


class OpenEventsWindow(ClinicListWindow):
    FOLLOWS = ("adverse_event", "session", "lot", "patient")

    def __init__(self, clinic: Clinic, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(clinic, today, tr("Open side effects"), OpenEventsModel(),
                         lambda row: row.event.patient_id, parent)
        self.kind = QComboBox()
        self.kind.addItem(tr("All kinds"), None)
        for kind in EventKind:
            self.kind.addItem(kind.label, kind.value)
        self.min_grade = QSpinBox()
        self.min_grade.setRange(1, 5)
        self.min_grade.setPrefix(tr("grade ≥ "))
        self.lot = QComboBox()
        self.lot.addItem(tr("All lots"), None)
        for lot in clinic.catalogue.lots():
            self.lot.addItem(tr("{product} lot {lot}").format(product=lot.product_name,
                                                              lot=lot.details.lot_no), lot.id)
        self.resolve_button = QPushButton(tr("&Resolve…"))
        self.set_filters([QLabel(tr("Show")), self.kind, self.min_grade, self.lot],
                         [self.resolve_button])
        self.resize(1000, 520)
        for combo in (self.kind, self.lot):
            combo.currentIndexChanged.connect(self.refresh)
        self.min_grade.valueChanged.connect(self.refresh)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        self.model.set_rows(self._clinic.adverse_events.open_events(
            self._today(), kind=EventKind(kind) if kind else None,
            min_grade=self.min_grade.value(), lot_id=self.lot.currentData()))
        count = self.model.rowCount()
        self.summary.setText(tr("%Ln open side effect(s). Double-click to open the patient; "
                                "Resolve… when it has settled.", "", count))
        permit(self.resolve_button, self._clinic.actor, Action.SIDE_EFFECT_RESOLVE, count > 0)

    def resolve_selected(self) -> bool:
        row = self.model.row(self.table.currentIndex().row())
        if row is None:
            return False
        if ResolveDialog(self._clinic, row.event, self._today(), parent=self).exec():
            self.refresh()
            return True
        return False
