"""A keyboard-wedge scanner at the desk: every scan typed key by key into the session
editor (and the other windows that take scans), the way the scanner types it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.gs1 import ScannerSetup
from mesolog.services.clinic import Clinic
from mesolog.ui.common.scanner import ScannerConfig
from mesolog.ui.treatment.session_editor import SessionEditor
from tests.conftest import NOW, details, fixed_clock
from tests.ui.by_hand import PAUSE_MS, type_by_hand
from tests.ui.modal import when_modal
from tests.ui.scanner_keys import GS, scanner_types

GTIN = "09506000134352"
OTHER_GTIN = "07032069804988"
REASON = "Only vial in stock; supplier confirmed stability."


@pytest.fixture
def clinic(db):
    clinic = Clinic.of(db, fixed_clock)
    serum = clinic.catalogue.create_product(ProductDetails(
        "Dutasteride serum", "Meso Labs", GTIN, (Ingredient("Dutasteride", "0.01 %"),)))
    biotin = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", OTHER_GTIN, (Ingredient("Biotin", "5 mg/ml"),)))
    clinic.catalogue.add_lot(serum.id, LotDetails("LOT-7", date(2027, 6, 30)))
    clinic.catalogue.add_lot(serum.id, LotDetails("OLD-1", date(2026, 10, 31)))  # expired
    clinic.catalogue.add_lot(biotin.id, LotDetails("B-2031", date(2027, 6, 30)))
    return clinic


@pytest.fixture
def patient(clinic):
    return clinic.patients.create(details(allergies=""))


@pytest.fixture
def open_editor(qtbot, clinic, patient):
    def open_with(config: ScannerConfig | None = None, for_patient=None) -> SessionEditor:
        editor = SessionEditor(clinic, for_patient or patient, None, NOW, scanner=config)
        qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        return editor
    return open_with


def listed(editor) -> list[tuple[str, str]]:
    return [(lot.details.lot_no, lot.product_name) for lot in editor.products.lots()]


def lots_of(clinic) -> list[str]:
    return sorted(lot.details.lot_no for lot in clinic.catalogue.lots())


KNOWN_LOTS = ["B-2031", "LOT-7", "OLD-1"]


# -- the separator, however the scanner sends it; Enter or Tab to end --------------------

@pytest.mark.parametrize("separator", ["ctrl+]", "gs", "f8"])
@pytest.mark.parametrize("end", ["enter", "tab"])
def test_a_lot_followed_by_a_serial_is_that_lot(qtbot, open_editor, clinic, separator, end):
    editor = open_editor()
    editor.products.scan_box.setFocus()
    scanner_types(f"]d201{GTIN}10LOT-7{GS}21SN123456", separator, end)
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]
    assert lots_of(clinic) == KNOWN_LOTS  # no made-up "LOT-721SN123456" beside it
    assert editor.products.scan_box.hasFocus()  # Tab ended the scan, it did not move on
    assert editor.products.scan_box.text() == ""
    assert editor.isVisible()  # Enter did not save and close the session


@pytest.mark.parametrize("separator", ["ctrl+]", "gs", "f8"])
def test_a_new_lot_followed_by_its_expiry_is_offered_with_that_expiry(
        qtbot, open_editor, clinic, separator):
    editor = open_editor()
    asked: list[str] = []

    def yes(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()
    when_modal(QMessageBox, yes)
    scanner_types(f"01{GTIN}10N-88{GS}17270630", separator)
    assert asked and "Lot N-88 of Dutasteride serum (expires 2027-06-30)" in asked[0]
    assert listed(editor) == [("N-88", "Dutasteride serum")]
    (added,) = [lot for lot in clinic.catalogue.lots() if lot.details.lot_no == "N-88"]
    assert added.details.expiry == date(2027, 6, 30)


@pytest.mark.parametrize(("scanned", "lot", "expiry"), [
    # EU medicines order: product, serial, lot, expiry, each variable field ended
    (f"]d201{GTIN}21PK-0001{GS}10EU-5{GS}17280131", "EU-5", date(2028, 1, 31)),
    # expiry day 00: the last day of the month
    (f"01{GTIN}17280200" "10FEB-28", "FEB-28", date(2028, 2, 29)),
    # a lot of 20 characters, the longest GS1 allows
    (f"]C101{GTIN}10ABCDEFGHIJ0123456789{GS}17270630", "ABCDEFGHIJ0123456789",
     date(2027, 6, 30)),
    # lower case, slash and hyphen are lot characters
    (f"01{GTIN}17270630" "10ab/12-c", "ab/12-c", date(2027, 6, 30)),
    # no symbology identifier, separators before and after
    (f"{GS}01{GTIN}10NOID-1{GS}17270630{GS}", "NOID-1", date(2027, 6, 30)),
])
def test_every_gs1_layout_of_a_vial_reads_when_typed(qtbot, open_editor, clinic,
                                                      scanned, lot, expiry):
    editor = open_editor()
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    scanner_types(scanned)
    assert listed(editor) == [(lot, "Dutasteride serum")]
    (added,) = [x for x in clinic.catalogue.lots() if x.details.lot_no == lot]
    assert added.details.expiry == expiry


def test_a_scan_that_lost_its_separator_says_so_and_adds_nothing(qtbot, open_editor, clinic):
    editor = open_editor()
    # a scanner that sends no separator at all (the lost key): lot, then serial
    scanner_types(f"01{GTIN}10LOT-7" "21SN123456")
    message = editor.products.scan_error.text()
    assert "lot LOT-7 followed by «21SN123456»" in message and "group separators" in message
    # lot, then expiry
    scanner_types(f"01{GTIN}10LOT-7" "17270630")
    assert f"GTIN {GTIN} read" in editor.products.scan_error.text()
    assert "looks like an expiry" in editor.products.scan_error.text()
    assert listed(editor) == [] and lots_of(clinic) == KNOWN_LOTS


def test_caps_lock_is_the_same_lot_not_a_new_one(qtbot, open_editor, clinic):
    editor = open_editor()
    scanner_types(f"]D201{GTIN}10lot-7{GS}17270630")  # Caps Lock: every letter inverted
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]
    assert lots_of(clinic) == KNOWN_LOTS


def test_a_us_scanner_on_a_french_keyboard_is_read_and_pointed_at(qtbot, open_editor):
    editor = open_editor()
    # ]d2 01 09506000134352 10 LOT-7 <GS> 17 270630, typed on AZERTY by a US-set scanner
    scanner_types("$déà&àç(à-ààà&\"'\"(é&àLOT)è" + GS + "&èéèà-\"à")
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]
    assert "US keyboard" in editor.products.scan_error.text()


def test_a_substitute_separator_reads_once_chosen(qtbot, open_editor, clinic):
    editor = open_editor(ScannerConfig(ScannerSetup(separator="|")))
    scanner_types(f"01{GTIN}10LOT-7|21SN1|17270630")
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]


def test_a_scanner_ending_with_nothing_is_heard_at_the_pause(qtbot, open_editor):
    editor = open_editor(ScannerConfig(ending=""))
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630", end=None)
    qtbot.waitUntil(lambda: listed(editor) == [("LOT-7", "Dutasteride serum")])


def test_a_tab_is_not_an_ending_when_enter_is_set(qtbot, open_editor):
    editor = open_editor(ScannerConfig(ending="enter"))
    editor.notes.setFocus()
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630", end="tab")
    assert listed(editor) == []  # the keys were a person's: they went to the notes
    assert editor.notes.toPlainText().startswith(f"01{GTIN}10LOT-7")


# -- a scan lands in the scan logic, wherever the focus is -------------------------------

def test_a_scan_in_the_notes_adds_the_vial_and_types_nothing(qtbot, open_editor):
    editor = open_editor()
    editor.notes.setFocus()
    type_by_hand(qtbot, editor.notes, "Calm scalp ")
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630")
    assert editor.notes.toPlainText() == "Calm scalp "
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]
    assert editor.notes.hasFocus()


def test_a_person_typing_digits_still_types_them(qtbot, open_editor):
    editor = open_editor()
    editor.notes.setFocus()
    type_by_hand(qtbot, editor.notes, "0.5 ml at 10:30, lot 17 ")
    assert editor.notes.toPlainText() == "0.5 ml at 10:30, lot 17 "
    spin = editor.pain
    spin.setFocus()
    spin.selectAll()
    type_by_hand(qtbot, spin, "7")
    assert spin.value() == 7


def test_a_second_scan_while_new_lot_is_asked_waits_and_is_not_the_answer(
        qtbot, open_editor, clinic):
    editor = open_editor()
    asked: list[str] = []

    def scan_again_then_no(box):
        asked.append(box.text())
        scanner_types(f"01{OTHER_GTIN}10B-2031{GS}17270630")  # Enter would have said Yes
        assert box.isVisible()
        box.button(QMessageBox.StandardButton.No).click()
    when_modal(QMessageBox, scan_again_then_no)
    scanner_types(f"01{GTIN}10N-99{GS}17270630")
    assert asked and "N-99" in asked[0]
    assert lots_of(clinic) == KNOWN_LOTS  # No: nothing new
    qtbot.waitUntil(lambda: listed(editor) == [("B-2031", "Biotin complex")])


def test_a_second_scan_while_the_expired_reason_is_asked_is_not_the_reason(
        qtbot, open_editor):
    editor = open_editor()
    typed_reason: list[str] = []

    def scan_again_then_give_reason(dialog):
        edit = dialog.findChild(QLineEdit)
        scanner_types(f"01{OTHER_GTIN}10B-2031{GS}17270630")
        typed_reason.append(edit.text())
        edit.setText(REASON)
        dialog.accept()
    when_modal(QInputDialog, scan_again_then_give_reason)
    scanner_types(f"01{GTIN}10OLD-1{GS}17261031")
    assert typed_reason == [""]  # the second vial did not become the reason
    assert [use.expired_override for use in editor.products.uses()][:1] == [REASON]
    qtbot.waitUntil(lambda: len(listed(editor)) == 2)
    assert listed(editor) == [("OLD-1", "Dutasteride serum"), ("B-2031", "Biotin complex")]


def test_a_second_scan_of_the_same_vial_while_already_listed_is_told(qtbot, open_editor):
    editor = open_editor()
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630")
    told: list[str] = []

    def scan_while_told(box):
        told.append(box.text())
        scanner_types(f"01{OTHER_GTIN}10B-2031{GS}17270630")
        assert box.isVisible()  # Enter went to the scan, not to the OK button
        box.accept()
    when_modal(QMessageBox, scan_while_told)
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630")
    assert told and "already in this session" in told[0]
    qtbot.waitUntil(lambda: len(listed(editor)) == 2)


def test_an_unreadable_scan_says_what_was_read(qtbot, open_editor):
    editor = open_editor()
    scanner_types(f"01{GTIN}17271399")
    assert (f"GTIN {GTIN} read; then «17271399» could not be read as the expiry"
            in editor.products.scan_error.text())
    scanner_types(f"01{GTIN}")
    assert "names the product but not its lot" in editor.products.scan_error.text()


def test_the_pause_gives_keys_back_in_order(qtbot, open_editor):
    editor = open_editor()
    line = editor.reason  # a line in the amendment box: any field will do
    editor.amend_box.show()
    line.setFocus()
    qtbot.keyClicks(line, "10 ")  # held while it could begin a scan, then given back
    qtbot.keyClicks(line, "21")
    qtbot.wait(PAUSE_MS)
    assert line.text() == "10 21"
    assert listed(editor) == []


def test_scanned_text_from_the_scan_box_by_hand_keeps_enter_from_saving(qtbot, open_editor):
    editor = open_editor()
    box = editor.products.scan_box
    box.setFocus()
    type_by_hand(qtbot, box, f"01{GTIN}")
    qtbot.keyClick(box, Qt.Key.Key_F8)  # typed by hand: F8 is the separator too
    type_by_hand(qtbot, box, "10LOT-7")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert listed(editor) == [("LOT-7", "Dutasteride serum")] and editor.isVisible()


def test_a_second_scan_while_an_allergy_is_warned_of_waits(qtbot, open_editor, clinic):
    allergic = clinic.patients.create(details(chart_no="P-7", allergies="Biotin (hives)"))
    editor = open_editor(for_patient=allergic)
    warned: list[str] = []

    def scan_again_then_no(box):
        warned.append(box.text())
        scanner_types(f"01{GTIN}10LOT-7{GS}17270630")  # Enter would have said No (default)
        assert box.isVisible()
        box.button(QMessageBox.StandardButton.No).click()
    when_modal(QMessageBox, scan_again_then_no)
    scanner_types(f"01{OTHER_GTIN}10B-2031{GS}17270630")
    assert warned and "Biotin" in warned[0]
    qtbot.waitUntil(lambda: listed(editor) == [("LOT-7", "Dutasteride serum")])


def test_a_scan_read_late_by_a_busy_desk_is_still_one_scan(qtbot, open_editor):
    editor = open_editor()
    editor.notes.setFocus()
    next_stamp = scanner_types(f"01{GTIN}10LOT-7", end=None)
    qtbot.wait(250)  # the desk busy: the rest of the scan waits, typed, in the queue
    scanner_types(f"{GS}17270630", stamped_from=next_stamp)
    assert listed(editor) == [("LOT-7", "Dutasteride serum")]
    assert editor.notes.toPlainText() == ""


def test_a_scan_that_never_ends_goes_back_to_its_field(qtbot, open_editor):
    editor = open_editor()
    editor.notes.setFocus()
    scanner_types(f"01{GTIN}10LOT-7", end=None)  # a scanner whose suffix is not set
    qtbot.waitUntil(lambda: editor.notes.toPlainText() == f"01{GTIN}10LOT-7", timeout=2000)
    assert listed(editor) == []


def test_a_vial_scanned_by_an_account_that_may_not_record_sessions_adds_nothing(
        qtbot, clinic, patient):
    from mesolog.services.practitioners import Role
    from tests.conftest import acting_as

    assistant = clinic.practitioners.create("Léa Martin", "lmartin", Role.ASSISTANT)
    theirs = Clinic.of(acting_as(clinic.db, assistant), fixed_clock)
    editor = SessionEditor(theirs, patient, None, NOW)
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    scanner_types(f"01{GTIN}10LOT-7{GS}17270630")
    assert listed(editor) == []
    assert "may read this session but not change it" in editor.products.scan_error.text()
