"""A vial scanned outside a session: who received the lot; Products and Lots; the
scanner's Preferences and their test box; windows that never take a scan."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from mesolog.domain.gs1 import ScannerSetup
from mesolog.services.clinic import Clinic
from mesolog.ui.clinic.catalogue_dialog import CatalogueDialog
from mesolog.ui.clinic.lot_recall import FindLotDialog, RecallDialog
from mesolog.ui.clinic.preferences import PreferencesDialog
from mesolog.ui.common.scanner import ScannerConfig, scanner_config
from mesolog.ui.login import LoginDialog
from tests.conftest import TODAY, fill_with_demo, fixed_clock
from tests.ui.by_hand import type_by_hand
from tests.ui.modal import close_dialog, when_modal
from tests.ui.scanner_keys import GS, scanner_types


def vial_of(clinic: Clinic, lot) -> str:
    """The code a scanner reads off a vial of ``lot``."""
    product = clinic.catalogue.product(lot.product_id)
    return f"]d201{product.details.gtin}10{lot.details.lot_no}{GS}17{lot.details.expiry:%y%m%d}"


def a_lot_received(clinic: Clinic):
    return next(lot for lot in clinic.catalogue.lots() if clinic.catalogue.recall(lot.id))


def shown(qtbot, widget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_a_vial_scanned_in_the_main_window_opens_who_received_it(
        qtbot, db, demo_template, make_window):
    window = make_window(fill_with_demo(db, demo_template(60, 3)))
    clinic = window.clinic
    lot = a_lot_received(clinic)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_box.setFocus()
    type_by_hand(qtbot, window.search_box, "nowak")
    opened: list = []
    close_dialog(RecallDialog, opened)
    scanner_types(vial_of(clinic, lot))
    assert opened and lot.details.lot_no in opened[0].windowTitle()
    assert opened[0].table.rowCount() == len(clinic.catalogue.recall(lot.id)) > 0
    assert window.search_box.text() == "nowak"  # the scan typed nothing into the search


def test_a_vial_not_in_the_catalogue_says_so_in_the_main_window(
        qtbot, db, demo_template, make_window):
    window = make_window(fill_with_demo(db, demo_template(60, 3)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    told: list[str] = []

    def read(box):
        told.append(box.text())
        box.accept()
    when_modal(QMessageBox, read)
    scanner_types(f"0109506000134352{'10'}ZZ-1{GS}17270630")
    assert told and "GTIN 09506000134352, lot ZZ-1, expiry 2027-06-30 read" in told[0]
    assert "no product with this GTIN" in told[0]


def test_who_received_this_lot_finds_it_by_scan_or_by_choice(qtbot, db, demo_template,
                                                              make_window):
    window = make_window(fill_with_demo(db, demo_template(60, 3)))
    clinic = window.clinic
    lot = a_lot_received(clinic)
    assert window.lot_recall_action.isEnabled()
    opened: list = []
    finders: list = []

    def scan_in(finder):
        finders.append(finder)
        close_dialog(RecallDialog, opened)
        scanner_types(vial_of(clinic, lot))
    when_modal(FindLotDialog, scan_in)
    window.lot_recall_action.trigger()
    assert finders and opened and lot.details.lot_no in opened[0].windowTitle()

    finder = FindLotDialog(clinic, ScannerConfig(), parent=window)
    shown(qtbot, finder)
    finder.show_button.click()  # nothing chosen: said, nothing opened
    assert "choose its lot" in finder.problem.text()
    scanner_types("0109506000134352" "10ZZ-1" + GS + "17270630")
    assert "no product with this GTIN" in finder.problem.text()
    finder.lot_picker.setCurrentIndex(finder.lot_picker.findData(lot.id))
    close_dialog(RecallDialog, opened)
    finder.show_button.click()
    assert len(opened) == 2


def test_products_and_lots_finds_the_scanned_lot(qtbot, db):
    clinic = Clinic.of(db, fixed_clock)
    from mesolog.domain.catalogue import LotDetails, ProductDetails

    serum = clinic.catalogue.create_product(ProductDetails("Serum", "Lab", "09506000134352"))
    clinic.catalogue.create_product(ProductDetails("Another", "Lab", ""))
    lot = clinic.catalogue.add_lot(serum.id, LotDetails("LOT-7", TODAY.replace(year=2027)))
    dialog = CatalogueDialog(clinic, lambda: TODAY, ScannerConfig())
    shown(qtbot, dialog)
    dialog.name.setFocus()  # the focus away from the scan box: a scan is a scan anywhere
    scanner_types(vial_of(clinic, lot).replace("LOT-7", "lot-7"), separator="f8")
    assert dialog.product_list.currentItem().text() == "Serum"
    assert dialog.selected_lot() is not None and dialog.selected_lot().id == lot.id
    assert dialog.name.text() == "Serum"  # nothing typed into the name


def test_preferences_test_the_scanner_and_keep_its_settings(qtbot, settings, tmp_path):
    dialog = PreferencesDialog(settings, tmp_path / "clinic.sqlite", desk=False)
    shown(qtbot, dialog)
    box = dialog.scanner
    scanner_types("]d2010950600013435210LOT-7|21SN1|17270630", end="tab")
    assert "ended by Tab" in box.test_result.text()
    assert "Preferences ▸ Barcode scanner" in box.test_result.text()  # "|" is not chosen yet
    box.separator.setCurrentIndex(box.separator.findData("|"))
    scanner_types("]d2010950600013435210LOT-7|21SN1|17270630")
    text = box.test_result.text()
    assert "2 separators" in text and "ended by Enter" in text
    assert "Read: GTIN 09506000134352, lot LOT-7, expiry 2027-06-30, serial SN1" in text
    scanner_types("010950600013435210LOT-7" "17270630")
    assert "No separator between fields" in box.test_result.text()
    box.ending.setCurrentIndex(box.ending.findData("enter"))
    line = dialog.findChild(QLineEdit)
    scanner_types("010950600013435210LOT-7|17270630", end="tab")
    assert "ended by Tab, which is not the key set above" in box.test_result.text()
    box.layout_choice.setCurrentIndex(box.layout_choice.findData("azerty"))
    dialog.accept()
    assert scanner_config(settings) == ScannerConfig(ScannerSetup("|", "azerty"), "enter")
    assert line is None or "0109506" not in line.text()


def test_a_scan_in_a_password_field_is_typed_there_not_taken(qtbot, db, demo_template,
                                                               make_window):
    window = make_window(fill_with_demo(db, demo_template(60, 3)))
    login = LoginDialog(window.clinic.accounts, parent=window)
    shown(qtbot, login)
    login.password.setFocus()
    scanner_types("0109506000134352", end=None)
    type_by_hand(qtbot, login.password, "")
    assert login.password.text() == "0109506000134352"
    assert QApplication.activeModalWidget() is None  # no recall list, no message


def test_digits_typed_just_before_a_shortcut_land_before_it_acts(qtbot, demo_window):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import click_row

    window = demo_window
    click_row(qtbot, window, 0)
    phone = window.form.inputs["phone"]
    phone.setFocus()
    phone.setText("+33 6 12 34 56 ")
    qtbot.keyClicks(phone, "78")  # held a moment: they could begin a scan
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # at once
    stored = window.clinic.patients.get(window.form.patient.id)
    assert stored.details.phone == "+33 6 12 34 56 78"


def test_a_key_held_down_is_a_persons(qtbot, demo_window):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    window = demo_window
    box = window.search_box
    box.setFocus()
    for repeated in (False, True, True):
        QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_0,
                                              Qt.KeyboardModifier.NoModifier, "0", repeated))
    assert box.text() == "000"  # at once: a repeating key is no scanner's
