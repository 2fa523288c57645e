"""The products of a session: lots added by scan or by choice, with volumes.

Each row carries what the practitioner decided while adding it: the reason
an expired lot is used anyway, and the allergy it was warned about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.catalogue import Lot, LotDetails
from mesolog.domain.gs1 import BarcodeError
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.session import OVERRIDE_REASON_MIN, VOLUME_ML, ProductUse, UsedLot
from mesolog.domain.translation import day_text, number
from mesolog.domain.validation import ValidationError
from mesolog.ui.common import styles
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.scanner import ScannerConfig
from mesolog.ui.treatment.scan_field import ScanField

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic

_COLUMNS = (QT_TR_NOOP("Product · lot"), QT_TR_NOOP("Expires"), QT_TR_NOOP("Volume"),
            QT_TR_NOOP("Note"))
DEFAULT_VOLUME_ML = 1.0


@dataclass
class _Row:
    lot: Lot
    override: str = ""
    allergy: str = ""


class SessionProducts(QWidget):
    changed = Signal()

    def __init__(self, clinic: Clinic, patient_id: int, scanner: ScannerConfig | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._clinic = clinic
        self._scanner = scanner or ScannerConfig()
        self._patient_id = patient_id
        self._rows: list[_Row] = []
        self._mapped: dict[int, tuple[int, float]] = {}  # lot id → points, ml on the map
        self._editable = True
        self._closed_because = ""  # why vials cannot be added, when they cannot
        self._session_day = clinic.clock().date()
        self._lots = {lot.id: lot for lot in clinic.catalogue.lots()}

        self.scan_box = ScanField()
        self.scan_box.setPlaceholderText(tr("Scan the vial's barcode (or type it) and press Enter"))
        self.scan_error = QLabel()
        self.scan_error.setStyleSheet(styles.ERROR)
        self.scan_error.setWordWrap(True)
        self.scan_error.hide()
        self.lot_picker = QComboBox()
        self.lot_picker.setMinimumContentsLength(20)
        self.lot_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = QPushButton(tr("&Add lot"))
        self.remove_button = QPushButton(tr("Remove"))
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(column) for column in _COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)

        picker_row = QHBoxLayout()
        picker_row.addWidget(self.lot_picker, 1)
        picker_row.addWidget(self.add_button)
        picker_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.scan_error)
        layout.addLayout(picker_row)
        layout.addWidget(self.table)
        layout.addWidget(self.total_label)

        self.scan_box.scanned.connect(self.take_scan)
        self.add_button.clicked.connect(self._add_picked)
        self.remove_button.clicked.connect(self._remove_selected)
        self._fill_picker()
        self._update_total()

    # -- what the session holds -----------------------------------------

    def set_session_day(self, day: date) -> None:
        self._session_day = day
        self._fill_picker()
        self._refresh_notes()

    def load(self, used: tuple[UsedLot, ...]) -> None:
        self._rows = []
        self.table.setRowCount(0)
        for use in used:
            lot = self._lots.get(use.lot_id) or self._clinic.catalogue.lot(use.lot_id)
            self._append(_Row(lot, use.expired_override, self._allergy_of(lot)), use.volume_ml)
        self._update_total()

    @property
    def catalogue(self) -> dict[int, Lot]:
        return self._lots

    def lots(self) -> list[Lot]:
        """The session's lots, in the order listed."""
        return [row.lot for row in self._rows]

    def set_mapped(self, mapped: dict[int, tuple[int, float]]) -> None:
        """The injection map's points and volume per lot: a mapped lot's volume is the map's."""
        self._mapped = dict(mapped)
        for i, row in enumerate(self._rows):
            spin = self.table.cellWidget(i, 2)
            on_map = self._mapped.get(row.lot.id)
            spin.blockSignals(True)
            if on_map:
                spin.setValue(on_map[1])
            spin.blockSignals(False)
            spin.setEnabled(self._editable and not on_map)
            spin.setToolTip(tr("From the injection map: %Ln point(s)", "", on_map[0])
                            if on_map else "")
        self._update_total()

    def uses(self) -> tuple[ProductUse, ...]:
        return tuple(ProductUse(row.lot.id, self._volume(i), row.override)
                     for i, row in enumerate(self._rows))

    def set_editable(self, editable: bool, closed_because: str = "") -> None:
        """``closed_because``: what a vial scanned while not editable is told."""
        self._editable = editable
        self._closed_because = closed_because
        for widget in (self.scan_box, self.lot_picker, self.add_button, self.remove_button):
            widget.setEnabled(editable)
        self.set_mapped(self._mapped)

    # -- adding ----------------------------------------------------------

    def _fill_picker(self) -> None:
        self.lot_picker.clear()
        self.lot_picker.addItem(tr("— choose a lot —") if self._lots else
                                tr("— no products yet: Clinic ▸ Products and Lots —"), None)
        for lot in sorted(self._lots.values(), key=lambda x: (x.product_name, x.details.expiry)):
            self.lot_picker.addItem(tr("{lot} (expired)").format(lot=lot.label)
                                    if lot.is_expired(self._session_day) else lot.label, lot.id)

    def _add_picked(self) -> None:
        lot_id = self.lot_picker.currentData()
        if lot_id is not None:
            self.add_lot(self._lots[lot_id])
        elif not self._lots:
            self.offer_catalogue()
        else:
            self._scan_problem(tr("Choose the lot in the list first, or scan the vial."))
            self.lot_picker.setFocus()

    def offer_catalogue(self) -> None:
        """A clinic without products: say where they are added, and open it there."""
        box = QMessageBox(QMessageBox.Icon.Information, tr("No products yet"),
                          tr("The catalogue has no products yet. Products and their lots (lot "
                          "number and expiry date) are added under Clinic ▸ Products and "
                          "Lots; a scanned vial fills in the product's barcode."),
                          QMessageBox.StandardButton.Cancel, self)
        open_button = box.addButton(tr("Open Products and Lots…"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is not open_button:
            return
        from mesolog.ui.clinic.catalogue_dialog import CatalogueDialog

        CatalogueDialog(self._clinic, lambda: self._clinic.clock().date(), self._scanner,
                        parent=self).exec()
        self._lots = {lot.id: lot for lot in self._clinic.catalogue.lots()}
        self._fill_picker()
        if self._lots:
            self.lot_picker.setCurrentIndex(1)
            self.lot_picker.setFocus()

    def add_lot(self, lot: Lot) -> bool:
        """Add ``lot`` after the checks a practitioner must see; False if not added."""
        if any(row.lot.id == lot.id for row in self._rows):
            QMessageBox.information(self, tr("Already listed"),
                                    tr("{lot} is already in this session; change its "
                                       "volume.").format(lot=lot.label))
            return False
        row = _Row(lot, allergy=self._allergy_of(lot))
        if row.allergy and not self._confirm(
                tr("Allergy warning"), tr("{product} for this patient: {allergy}.").format(
                    product=lot.product_name, allergy=row.allergy)):
            return False
        serious = self._clinic.adverse_events.lot_warnings([lot.id]).get(lot.id)
        if serious and not self._confirm(
                tr("Serious side effect on this lot"),
                tr("Lot {lot} of {product} is suspected in a serious side effect: "
                   "{side_effect}.").format(lot=lot.details.lot_no, product=lot.product_name,
                                            side_effect=serious)):
            return False
        if lot.is_expired(self._session_day):
            reason, ok = QInputDialog.getText(
                self, tr("Expired lot"),
                tr("Lot {lot} of {product} expired on {expiry}.\n\nUse another lot, or say "
                   "why this one is used anyway (recorded with the session):").format(
                    lot=lot.details.lot_no, product=lot.product_name,
                    expiry=day_text(lot.details.expiry)))
            if not ok or len(reason.strip()) < OVERRIDE_REASON_MIN:
                if ok:
                    QMessageBox.warning(self, tr("Not added"), tr(
                        "An expired lot needs a reason of at least {count} characters.").format(
                            count=OVERRIDE_REASON_MIN))
                return False
            row.override = reason.strip()
        self._append(row, DEFAULT_VOLUME_ML)
        self._update_total()
        self.changed.emit()
        return True

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.warning(self, title, text + "\n\n" + tr("Add it anyway?"),
                                     QMessageBox.StandardButton.Yes
                                     | QMessageBox.StandardButton.No,
                                     QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def take_scan(self, text: str) -> None:
        """A vial scanned (or its code typed): its lot added, after any question it needs."""
        self.scan_error.hide()
        if not self._editable:
            self._scan_problem(self._closed_because)
            return
        try:
            match = self._clinic.catalogue.match_scan(text, self._scanner.setup)
        except BarcodeError as e:
            self._scan_problem(str(e))
            return
        if match.scan.layout_fixed:
            self._scan_problem(tr("Read as typed by a scanner set to a US keyboard: set the "
                                  "scanner to this keyboard's layout, or choose the layout "
                                  "under File ▸ Preferences ▸ Barcode scanner."))
        if match.lot is not None:
            self.add_lot(self._lots.get(match.lot.id, match.lot))
            return
        if match.product is None:
            self._scan_problem(tr("No product with GTIN {gtin} in the catalogue: add it under "
                                  "Clinic ▸ Products and Lots, then scan again.").format(
                                      gtin=match.scan.gtin))
            return
        scan = match.scan
        if not scan.lot_no or scan.expiry is None:
            self._scan_problem(tr("{read} read: the barcode names the product but not its lot "
                                  "and expiry; choose the lot from the list.").format(
                                      read=scan.described()))
            return
        answer = QMessageBox.question(
            self, tr("New lot"),
            tr("Lot {lot} of {product} (expires {expiry}) is not in the catalogue yet. "
               "Add it?").format(lot=scan.lot_no, product=match.product.details.name,
                                 expiry=day_text(scan.expiry)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            lot = self._clinic.catalogue.add_lot(match.product.id,
                                                 LotDetails(scan.lot_no, scan.expiry))
        except (ValidationError, NotPermitted) as e:
            self._scan_problem(str(e))
            return
        self._lots[lot.id] = lot
        self._fill_picker()
        self.add_lot(lot)

    def _scan_problem(self, message: str) -> None:
        self.scan_error.setText(message)
        self.scan_error.show()

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        on_map = [(self._rows[i].lot, self._mapped[self._rows[i].lot.id][0]) for i in rows
                  if self._rows[i].lot.id in self._mapped]
        if on_map:
            lot, count = on_map[0]
            QMessageBox.information(
                self, tr("On the injection map"),
                tr("{product} lot {lot} has %Ln point(s) on the injection map. Remove them "
                   "there first (select them and press Delete, or Clear Zone).", "",
                   count).format(product=lot.product_name, lot=lot.details.lot_no))
            return
        for i in rows:
            self.table.removeRow(i)
            del self._rows[i]
        if rows:
            self._update_total()
            self.changed.emit()

    # -- the table -------------------------------------------------------

    def _append(self, row: _Row, volume: float) -> None:
        i = self.table.rowCount()
        self.table.insertRow(i)
        self._rows.append(row)
        self.table.setItem(i, 0, QTableWidgetItem(tr("{product} · lot {lot}").format(
            product=row.lot.product_name, lot=row.lot.details.lot_no)))
        expiry = row.lot.details.expiry
        self.table.setItem(i, 1, QTableWidgetItem(day_text(expiry) if expiry else ""))
        spin = QDoubleSpinBox()
        spin.setRange(*VOLUME_ML)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setSuffix(tr(" ml"))
        spin.setValue(volume)
        spin.valueChanged.connect(self._volume_changed)
        self.table.setCellWidget(i, 2, spin)
        self.table.setItem(i, 3, QTableWidgetItem())
        self._refresh_notes()

    def _refresh_notes(self) -> None:
        for i, row in enumerate(self._rows):
            notes = []
            if row.allergy:
                notes.append(f"⚠ {row.allergy}")
            if row.lot.is_expired(self._session_day):
                notes.append(tr("expired, used because: {reason}").format(
                    reason=row.override or tr("(no reason yet)")))
            item = self.table.item(i, 3)
            item.setText("; ".join(notes))
            item.setForeground(QBrush(QColor("#b00020")) if notes else QBrush())
            item.setToolTip(item.text())

    def _volume(self, i: int) -> float:
        return round(self.table.cellWidget(i, 2).value(), 3)

    def _volume_changed(self) -> None:
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = sum(self._volume(i) for i in range(self.table.rowCount()))
        count = self.table.rowCount()
        self.total_label.setText(tr("%Ln product(s), total {volume} ml", "", count).format(
            volume=number(total, up_to=2)) if count
            else tr("No products yet."))
        if any(row.lot.id in self._mapped for row in self._rows):
            self.total_label.setText(self.total_label.text() + " · " + tr(
                "greyed volumes are the sums of their points on the injection map"))

    def _allergy_of(self, lot: Lot) -> str:
        flags = self._clinic.sessions.allergy_flags(self._patient_id, [lot.id])
        return "; ".join(flags.get(lot.id, []))


