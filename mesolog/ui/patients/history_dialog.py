"""Patient ▸ History: who changed what in the chart, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mesolog.domain.patient import Patient
from mesolog.ui.common.form_dialog import OpensAtFirstField

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


class HistoryDialog(OpensAtFirstField, QDialog):
    def __init__(self, clinic: Clinic, patient: Patient, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"History — {patient.details.full_name} ({patient.details.chart_no})")
        lines = clinic.history.for_patient(patient.id)
        self.summary = QLabel(f"{len(lines)} recorded changes, newest first. The history "
                              "cannot be edited.")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(("When", "Who", "Record", "What"))
        for column, width in enumerate((170, 170, 170)):
            self.tree.setColumnWidth(column, width)
        for line in lines:
            item = QTreeWidgetItem([f"{line.at:%Y-%m-%d %H:%M:%S}", line.who, line.record,
                                    line.action])
            for change in line.changes:
                item.addChild(QTreeWidgetItem(["", "", "", change]))
            self.tree.addTopLevelItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.resize(860, 520)
