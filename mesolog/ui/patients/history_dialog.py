"""Patient ▸ History: who changed what in the chart, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from mesolog.domain.patient import Patient
from mesolog.domain.translation import moment_text
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


class HistoryDialog(OpensAtFirstField, QDialog):
    def __init__(self, clinic: Clinic, patient: Patient, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("History — {name} ({chart_no})").format(
            name=patient.details.full_name, chart_no=patient.details.chart_no))
        lines = clinic.history.for_patient(patient.id)
        self.summary = QLabel(tr("%Ln recorded change(s), newest first. The history cannot "
                                 "be edited.", "", len(lines)))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels((tr("When"), tr("Who"), tr("Record"), tr("What")))
        for column, width in enumerate((170, 170, 170)):
            self.tree.setColumnWidth(column, width)
        for line in lines:
            item = QTreeWidgetItem([f"{moment_text(line.at)}:{line.at:%S}", line.who, line.record,
                                    line.action])
            for change in line.changes:
                item.addChild(QTreeWidgetItem(["", "", "", change]))
            self.tree.addTopLevelItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.resize(860, 520)
