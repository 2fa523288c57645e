"""Who received a lot: the recall list, and finding its lot by scanning the vial.

A vial scanned anywhere in the main window, outside a session, opens the
recall list of its lot; so does Clinic ▸ Who Received This Lot…, where the
lot is scanned or chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.catalogue import Lot
from mesolog.domain.gs1 import BarcodeError
from mesolog.domain.list_table import ListTable
from mesolog.domain.permissions import Action
from mesolog.domain.translation import moment_text, number
from mesolog.ui.clinic.text_tables import fill_texts, text_table
from mesolog.ui.common import styles
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.list_export import export_list
from mesolog.ui.common.long_work import LongWork
from mesolog.ui.common.permitted import permit
from mesolog.ui.common.scanner import ScanListener, ScannerConfig

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


def lot_of_scan(clinic: Clinic, text: str, config: ScannerConfig) -> Lot:
    """The catalogue's lot of a scanned vial; BarcodeError says why there is none."""
    match = clinic.catalogue.match_scan(text, config.setup)
    if match.lot is not None:
        return match.lot
    if match.product is None:
        raise BarcodeError(tr("{read} read: no product with this GTIN in the catalogue, so no "
                              "patient has received it.").format(read=match.scan.described()))
    raise BarcodeError(tr("{read} read: this lot of {product} is not in the catalogue, so no "
                          "patient has received it.").format(read=match.scan.described(),
                                                             product=match.product.details.name))


def show_recall_of_scan(parent: QWidget, clinic: Clinic, text: str,
                        config: ScannerConfig) -> None:
    """A vial scanned outside a session: its lot's recall list, or why there is none."""
    try:
        lot = lot_of_scan(clinic, text, config)
    except BarcodeError as e:
        QMessageBox.information(parent, tr("Who received this lot"), str(e))
        return
    RecallDialog(clinic, lot, parent=parent).exec()


class FindLotDialog(OpensAtFirstField, QDialog):
    """Clinic ▸ Who Received This Lot…: scan the vial, or choose its lot."""

    def __init__(self, clinic: Clinic, config: ScannerConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Who received this lot"))
        self._clinic = clinic
        self._config = config
        self.lot_picker = QComboBox()
        self.lot_picker.addItem(tr("— choose a lot —"), None)
        for lot in clinic.catalogue.lots():
            self.lot_picker.addItem(lot.label, lot.id)
        self.first_field = self.lot_picker
        self.problem = QLabel()
        self.problem.setStyleSheet(styles.ERROR)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.show_button = buttons.addButton(tr("&Show Who Received It"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button.setDefault(True)
        buttons.accepted.connect(self._show_chosen)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Lot"), self.lot_picker)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Scan the vial, or choose its lot.")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.scans = ScanListener(self, config)
        self.scans.scanned.connect(self.take_scan)
        self.resize(560, self.sizeHint().height())

    def take_scan(self, text: str) -> None:
        try:
            lot = lot_of_scan(self._clinic, text, self._config)
        except BarcodeError as e:
            self.problem.setText(str(e))
            self.problem.show()
            return
        self.lot_picker.setCurrentIndex(max(0, self.lot_picker.findData(lot.id)))
        self._show(lot)

    def _show_chosen(self) -> None:
        lot_id = self.lot_picker.currentData()
        if lot_id is None:
            self.problem.setText(tr("Scan the vial, or choose its lot in the list."))
            self.problem.show()
            return
        self._show(self._clinic.catalogue.lot(lot_id))

    def _show(self, lot: Lot) -> None:
        self.problem.hide()
        self.accept()
        RecallDialog(self._clinic, lot, parent=self.parentWidget()).exec()


class RecallDialog(OpensAtFirstField, QDialog):
    """Every patient and session that received one lot."""

    def __init__(self, clinic: Clinic, lot: Lot, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Who received {product} lot {lot}").format(
            product=lot.product_name, lot=lot.details.lot_no))
        entries = clinic.catalogue.recall(lot.id)
        patients = len({e.patient_id for e in entries})
        self.summary = QLabel(tr("%Ln session(s)", "", len(entries)) + ", "
                              + tr("%Ln patient(s).", "", patients))
        headers = (QT_TR_NOOP("Date"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Chart no."),
                   QT_TR_NOOP("Volume"), QT_TR_NOOP("Practitioner"))
        rows = tuple((moment_text(e.performed_at), e.patient_name, e.chart_no,
                      f"{number(e.volume_ml, up_to=2)} ml", e.practitioner) for e in entries)
        self.table = text_table(headers)
        fill_texts(self.table, list(rows))
        self._clinic = clinic
        self.listed = ListTable(self.windowTitle(), tuple(tr(h) for h in headers), rows)
        self.exporting: LongWork | None = None
        self.export_button = QPushButton(tr("E&xport…"))
        self.export_button.setToolTip(tr("Who received the lot, for a spreadsheet"))
        permit(self.export_button, clinic.actor, Action.EXPORT)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 480)

    def export(self) -> None:
        self.exporting = export_list(self, self._clinic.db, self.listed.title,
                                     lambda _own: self.listed)
