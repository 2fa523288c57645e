"""Products and lots: the catalogue, where a scanned vial finds its product and lot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.catalogue import (
    Ingredient,
    Lot,
    LotDetails,
    Product,
    ProductDetails,
    check_lot,
    check_product,
)
from mesolog.domain.gs1 import BarcodeError
from mesolog.domain.permissions import Action, NotPermitted
from mesolog.domain.translation import day_text
from mesolog.domain.validation import FieldError, ValidationError, problems_of
from mesolog.ui.clinic.lot_recall import RecallDialog
from mesolog.ui.clinic.text_tables import fill_texts, text_table
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.form_dialog import (
    OpensAtFirstField,
    date_edit,
    edited_signal,
    stored_or_said,
)
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.permitted import permit
from mesolog.ui.common.scanner import ScanListener, ScannerConfig
from mesolog.ui.treatment.scan_field import ScanField

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic

def parse_ingredients(text: str) -> tuple[Ingredient, ...]:
    """One ingredient a line, "name, concentration" ("Biotin, 5 mg/ml")."""
    found = []
    for line in text.splitlines():
        name, _, concentration = line.partition(",")
        if name.strip():
            found.append(Ingredient(name.strip(), concentration.strip()))
    return tuple(found)


class CatalogueDialog(OpensAtFirstField, QDialog):
    def __init__(self, clinic: Clinic, today: Callable[[], date],
                 scanner: ScannerConfig | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Products and lots"))
        self._clinic = clinic
        self._scanner = scanner or ScannerConfig()
        self._today = today
        self._product: Product | None = None
        self._lots: list[Lot] = []

        self.product_list = QListWidget()
        self.new_button = QPushButton(tr("&New Product"))
        self.scan_box = ScanField()
        self.scan_box.setPlaceholderText(tr("Scan a vial: fills the GTIN, or finds the product"))
        self.first_field = self.scan_box  # a vial can be scanned the moment it opens
        self.name = QLineEdit()
        self.maker = QLineEdit()
        self.gtin = QLineEdit()
        self.ingredients = QPlainTextEdit()
        self.ingredients.setPlaceholderText(tr("One a line: name, concentration\n"
                                            "Minoxidil, 0.5 %\nBiotin, 5 mg/ml"))
        self.ingredients.setMaximumHeight(90)
        self.ingredients.setTabChangesFocus(True)
        self.save_button = QPushButton(tr("&Save Product"))
        self.errors = FieldErrors()
        product_form = QFormLayout()
        product_form.addRow("", self.errors.under("scan", self.scan_box))
        product_form.addRow(tr("&Name"), self.errors.under("name", self.name))
        product_form.addRow(tr("&Maker"), self.errors.under("maker", self.maker))
        product_form.addRow(tr("&GTIN"), self.errors.under("gtin", self.gtin))
        product_form.addRow(tr("&Ingredients"), self.errors.under("ingredients", self.ingredients))
        product_form.addRow("", self.save_button)

        self.lots_table = text_table((QT_TR_NOOP("Lot"), QT_TR_NOOP("Expires"),
                                      QT_TR_NOOP("Opened"), QT_TR_NOOP("Status")))
        self.lot_no = QLineEdit()
        self.lot_no.setPlaceholderText(tr("Lot number"))
        self.expiry = date_edit(today())
        self.opened_check = QCheckBox(tr("opened"))
        self.opened = date_edit(today())
        self.opened.setEnabled(False)
        self.opened_check.toggled.connect(self.opened.setEnabled)
        self.add_lot_button = QPushButton(tr("Add &Lot"))
        self.recall_button = QPushButton(tr("&Who Received This Lot…"))
        lots_box = QGroupBox(tr("Lots"))
        lots_layout = QVBoxLayout(lots_box)
        lots_layout.addWidget(self.lots_table)
        add_row = QHBoxLayout()
        add_row.addWidget(self.lot_no)
        add_row.addWidget(QLabel(tr("expires")))
        add_row.addWidget(self.expiry)
        add_row.addWidget(self.opened_check)
        add_row.addWidget(self.opened)
        add_row.addWidget(self.add_lot_button)
        lots_layout.addLayout(add_row)
        lots_layout.addWidget(self.errors.label("lot_no"))
        self.errors.alias("expiry", "lot_no")
        self.errors.alias("opened", "lot_no")
        lots_layout.addWidget(self.recall_button)

        left = QVBoxLayout()
        left.addWidget(self.product_list)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addLayout(product_form)
        right.addWidget(lots_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.resize(980, 620)

        self.product_list.currentItemChanged.connect(self._product_chosen)
        self.new_button.clicked.connect(self.start_new_product)
        self.save_button.clicked.connect(self.save_product)
        self.add_lot_button.clicked.connect(self.add_lot)
        self.recall_button.clicked.connect(self.show_recall)
        self.scan_box.scanned.connect(self._scanned)
        # a vial scanned wherever the focus is finds its product, or fills in a new one
        self.scans = ScanListener(self, self._scanner)
        self.scans.scanned.connect(self._scanned)
        self.lots_table.itemSelectionChanged.connect(self._update_buttons)
        # a message goes as soon as its field is right, as in every form
        for key in ("name", "maker", "gtin", "ingredients"):
            edited_signal(getattr(self, key)).connect(
                lambda *_, k=key: self.errors.withdraw_fixed([k], lambda: problems_of(
                    check_product, self.product_details())))
        for field in (self.lot_no, self.expiry, self.opened, self.opened_check):
            edited_signal(field).connect(lambda *_: self.errors.withdraw_fixed(
                ["lot_no"], lambda: problems_of(check_lot, self._lot_details())))
        self._reload_products()

    # -- products --------------------------------------------------------

    def _reload_products(self, select_id: int | None = None) -> None:
        self.product_list.blockSignals(True)
        self.product_list.clear()
        for product in self._clinic.catalogue.products():
            item = QListWidgetItem(product.details.name)
            item.setData(Qt.ItemDataRole.UserRole, product.id)
            item.setToolTip(product.details.ingredients_text)
            self.product_list.addItem(item)
            if product.id == select_id:
                self.product_list.setCurrentItem(item)
        self.product_list.blockSignals(False)
        if select_id is None and self.product_list.count():
            self.product_list.setCurrentRow(0)
        else:
            self._product_chosen()

    def _product_chosen(self, *_args: object) -> None:
        item = self.product_list.currentItem()
        product = (self._clinic.catalogue.product(item.data(Qt.ItemDataRole.UserRole))
                   if item else None)
        self._show_product(product)

    def _show_product(self, product: Product | None) -> None:
        self._product = product
        self.errors.clear()
        d = product.details if product else ProductDetails()
        self.name.setText(d.name)
        self.maker.setText(d.maker)
        self.gtin.setText(d.gtin)
        self.ingredients.setPlainText("\n".join(f"{i.name}, {i.concentration}".rstrip(", ")
                                                for i in d.ingredients))
        self._lots = self._clinic.catalogue.lots(product.id) if product else []
        today = self._today()
        fill_texts(self.lots_table, [
            (lot.details.lot_no, day_text(lot.details.expiry),
             day_text(lot.details.opened) if lot.details.opened else "",
             tr("expired") if lot.is_expired(today) else tr("in date")) for lot in self._lots])
        self._update_buttons()

    def start_new_product(self) -> None:
        self.product_list.clearSelection()
        self.product_list.setCurrentItem(None)
        self._show_product(None)
        self.name.setFocus()

    def product_details(self) -> ProductDetails:
        return ProductDetails(self.name.text(), self.maker.text(), self.gtin.text(),
                              parse_ingredients(self.ingredients.toPlainText()))

    def save_product(self) -> bool:
        catalogue, saved = self._clinic.catalogue, []

        def store() -> None:
            saved.append(catalogue.create_product(self.product_details())
                         if self._product is None else
                         catalogue.update_product(self._product.id, self._product.version,
                                                  self.product_details()))
        if not stored_or_said(self, self.errors, "name", store):
            return False
        self._reload_products(saved[0].id)
        return True

    # -- lots ------------------------------------------------------------

    def add_lot(self) -> bool:
        self.errors.clear()
        if self._product is None:
            self.errors.show([FieldError("lot_no",
                                         tr("Save the product first, then add its lots."))])
            return False
        expiry = self.expiry.date().toPython()
        if expiry < self._today() and QMessageBox.question(
                self, tr("Expired lot"),
                tr("This lot expired on {day}. Add it to the catalogue anyway (to record a "
                   "session that used it, say)?").format(day=day_text(expiry)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            self.expiry.setFocus()
            return False
        try:
            self._clinic.catalogue.add_lot(self._product.id, self._lot_details())
        except ValidationError as e:
            self.errors.show(e.errors, fallback="lot_no")
            return False
        except NotPermitted as e:
            QMessageBox.warning(self, tr("Not added"), str(e))
            return False
        self.lot_no.clear()
        self.opened_check.setChecked(False)
        self._show_product(self._product)
        return True

    def _lot_details(self) -> LotDetails:
        opened = self.opened.date().toPython() if self.opened_check.isChecked() else None
        return LotDetails(self.lot_no.text(), self.expiry.date().toPython(), opened)

    def selected_lot(self) -> Lot | None:
        row = self.lots_table.currentRow()
        return self._lots[row] if 0 <= row < len(self._lots) else None

    def _update_buttons(self) -> None:
        actor = self._clinic.actor
        self.recall_button.setEnabled(self.selected_lot() is not None)
        permit(self.add_lot_button, actor, Action.CATALOGUE_LOT)
        permit(self.new_button, actor, Action.CATALOGUE_PRODUCT)
        permit(self.save_button, actor, Action.CATALOGUE_PRODUCT)

    def show_recall(self) -> None:
        lot = self.selected_lot()
        if lot is not None:
            RecallDialog(self._clinic, lot, parent=self).exec()

    def _scanned(self, text: str) -> None:
        self.errors.clear()
        try:
            match = self._clinic.catalogue.match_scan(text, self._scanner.setup)
        except BarcodeError as e:
            self.errors.show([FieldError("scan", str(e))])
            return
        if match.product is not None:
            self._reload_products(match.product.id)
            rows = [i for i, lot in enumerate(self._lots) if match.lot and lot.id == match.lot.id]
            if rows:
                self.lots_table.selectRow(rows[0])
        elif match.scan.gtin:
            if self._product is not None:
                self.start_new_product()
            self.gtin.setText(match.scan.gtin)
        if match.scan.lot_no and match.lot is None:
            self.lot_no.setText(match.scan.lot_no)
        if match.scan.expiry:
            self.expiry.setDate(QDate(match.scan.expiry))
