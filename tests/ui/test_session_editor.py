from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.ui.main_window import MainWindow
from mesolog.ui.treatment.session_editor import SessionEditor
from tests.conftest import NOW, TODAY, details, fixed_clock
from tests.ui.modal import answer_message_box, close_dialog, when_modal

GS = "\x1d"
REASON = "Only vial in stock; supplier confirmed stability."


@pytest.fixture
def seeded(db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    clinic.practitioners.create("Ines Alvarez", "ialvarez", Role.PRACTITIONER)
    minox = clinic.catalogue.create_product(ProductDetails(
        "Minoxidil 0.5 %", "DermaPharm", "", (Ingredient("Minoxidil", "0.5 %"),)))
    biotin = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "7032069804988", (Ingredient("Biotin", "5 mg/ml"),)))
    clinic.catalogue.add_lot(minox.id, LotDetails("M-77", date(2027, 1, 31)))
    clinic.catalogue.add_lot(minox.id, LotDetails("M-12", date(2026, 10, 31)))  # expired
    clinic.catalogue.add_lot(biotin.id, LotDetails("B-2031", date(2027, 6, 30)))
    patient = clinic.patients.create(details(allergies="Biotin (urticaria 2022)"))
    clinic.courses.create(patient.id, CourseDetails("Minoxidil series", 6, 21, TODAY))
    return clinic, doctor, patient


@pytest.fixture
def clinic(seeded):
    return seeded[0]


@pytest.fixture
def doctor(seeded):
    return seeded[1]


@pytest.fixture
def patient(seeded):
    return seeded[2]


def choose(qtbot, combo, typed: str) -> None:
    """Pick a combo entry the way a keyboard user does: focus it and type.

    No spaces: on a closed combo box, Space opens its list.
    """
    combo.setFocus()
    qtbot.keyClicks(combo, typed)


def retype(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def give_reason(dialog) -> None:
    edit = dialog.findChild(QLineEdit)
    edit.setText(REASON)
    dialog.accept()


def test_record_a_full_session_with_clicks_and_keys(qtbot, clinic, patient):
    editor = SessionEditor(clinic, patient, None, NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert "Biotin" in editor.alerts.text() and editor.alerts.isVisibleTo(editor)
    assert "No valid treatment consent" in editor.consent_warning.text()
    assert editor.course.currentText().startswith("Minoxidil series")  # the one open course

    choose(qtbot, editor.practitioner, "Dr")
    choose(qtbot, editor.technique, "Nap")
    choose(qtbot, editor.device, "Inj")
    retype(qtbot, editor.needle_gauge, "32")
    retype(qtbot, editor.depth, "2")
    retype(qtbot, editor.pain, "4")
    qtbot.keyClicks(editor.notes, "Mild redness at the vertex.")

    products = editor.products
    choose(qtbot, products.lot_picker, "Minox")  # lots of a product: soonest expiry first
    qtbot.keyClick(products.lot_picker, Qt.Key.Key_Down)
    assert "M-77" in products.lot_picker.currentText()
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    retype(qtbot, products.table.cellWidget(0, 2), "2.5")

    # the expired lot asks for a reason, which goes with the session
    qtbot.keyClick(products.lot_picker, Qt.Key.Key_Up)
    assert "M-12" in products.lot_picker.currentText()
    when_modal(QInputDialog, give_reason)
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    assert products.table.rowCount() == 2
    assert REASON in products.table.item(1, 3).text()

    # a scanned vial of a product the patient is allergic to warns first
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    products.scan_box.setFocus()
    products.scan_box.setText(f"0107032069804988{GS}10B-2031{GS}17270630")
    qtbot.keyClick(products.scan_box, Qt.Key.Key_Return)
    assert editor.isVisible()  # Enter from the scanner adds the vial, it does not save
    assert seen and "recorded allergy names Biotin" in seen[0]
    assert products.table.rowCount() == 3 and "allergy" in products.table.item(2, 3).text()
    assert products.total_label.text() == "3 products, total 4.5 ml"

    asked: list[str] = []
    answer_message_box(QMessageBox.StandardButton.No, asked)  # Save and Sign asks first
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith("Sign the session of 2026-11-25")
    assert "as Dr Claire Moreau" in asked[0]
    assert editor.isVisible() and clinic.sessions.for_patient(patient.id) == []
    answer_message_box(QMessageBox.StandardButton.Yes, asked)
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    assert editor.result() == SessionEditor.DialogCode.Accepted
    (stored,) = clinic.sessions.for_patient(patient.id)
    assert stored.signed and stored.signed_by == "Dr Claire Moreau"
    d = stored.details
    assert (d.technique, d.device, d.needle_gauge, d.depth_mm, d.pain_score) == (
        Technique.NAPPAGE, Device.INJECTOR_GUN, 32, 2.0, 4)
    assert d.notes == "Mild redness at the vertex."
    assert d.course_id is not None
    assert [(u.lot_no, u.volume_ml, u.expired_override) for u in stored.used] == [
        ("M-77", 2.5, ""), ("M-12", 1.0, REASON), ("B-2031", 1.0, "")]


def test_missing_choices_are_named_at_their_fields(qtbot, clinic, patient):
    editor = SessionEditor(clinic, patient, None, NOW)
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))  # nothing to keep
    editor.show()
    assert editor.practitioner.currentData() == clinic.actor.id  # the one logged in
    editor.practitioner.setFocus()
    qtbot.keyClick(editor.practitioner, Qt.Key.Key_Home)  # back to "— choose —"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error_text("practitioner_id") == "Choose who performed the session."
    assert editor.error_text("technique") == "Choose the technique."
    assert "at least one product" in editor.error_text("products")
    assert editor.isVisible() and clinic.sessions.for_patient(patient.id) == []


def test_a_signed_session_is_read_only_until_amended_with_a_reason(qtbot, clinic, doctor,
                                                                  patient):
    lot = clinic.catalogue.lots()[0]
    stored = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 24, 9, 0), practitioner_id=doctor.id,
        technique=Technique.PAPULE, device=Device.MANUAL, pain_score=2,
        products=(ProductUse(lot.id, 2.0),)), sign=True)
    editor = SessionEditor(clinic, patient, stored, NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.signed_banner.isVisibleTo(editor) and "Signed" in editor.signed_banner.text()
    assert not editor.pain.isEnabled() and not editor.products.add_button.isEnabled()
    assert not editor.save_button.isVisibleTo(editor)

    qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    assert editor.pain.isEnabled() and editor.amend_box.isVisibleTo(editor)
    retype(qtbot, editor.pain, "5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Say why" in editor.error_text("reason")
    qtbot.keyClicks(editor.reason, "Patient corrected the pain score.")
    assert editor.author.text() == clinic.actor.name  # an amendment is its author's own
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    amended = clinic.sessions.get(stored.id)
    assert amended.details.pain_score == 5
    (entry,) = amended.amendments
    assert (entry.author, entry.reason) == (clinic.actor.name,
                                            "Patient corrected the pain score.")
    assert entry.changes == ("pain score: 2 → 5",)


def test_new_session_action_opens_the_editor_for_the_open_patient(qtbot, clinic, patient,
                                                                   settings):
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(clinic.db)
    window.show()
    qtbot.waitExposed(window)
    window.show_patient(patient.id)
    assert window.patient_tabs.currentWidget() is window.treatment
    opened: list = []
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Cancel, seen)  # no consent yet: stop
    window.new_session_action.trigger()
    assert seen == ["No valid treatment consent is recorded for this patient.\n\n"
                    "Record the patient's consent before the session?"]
    answer_message_box(QMessageBox.StandardButton.Ignore, seen)  # go on without
    close_dialog(SessionEditor, opened)
    assert window.new_session_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    window.new_session_action.trigger()
    assert len(seen) == 2 and len(opened) == 1
    assert opened[0].windowTitle().startswith("Session — Öztürk, Zeynep")


def map_click(qtbot, editor, x: float, y: float) -> None:
    canvas = editor.map.canvas
    position = canvas.mapFromScene(editor.map.scene.to_scene((x, y)))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=position)


def open_editor(qtbot, clinic, patient, session=None) -> SessionEditor:
    editor = SessionEditor(clinic, patient, session, NOW)
    # a failed test leaves edits behind; done() closes without asking about them
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_map_is_saved_with_the_session_and_gives_the_lots_volume(qtbot, clinic, patient):
    editor = open_editor(qtbot, clinic, patient)
    choose(qtbot, editor.practitioner, "Dr")
    choose(qtbot, editor.technique, "Pap")
    choose(qtbot, editor.device, "Man")
    products = editor.products
    choose(qtbot, products.lot_picker, "Minox")
    qtbot.keyClick(products.lot_picker, Qt.Key.Key_Down)
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    retype(qtbot, editor.depth, "2")  # the session's depth is the next point's
    for x, y in ((0.45, 0.45), (0.55, 0.45), (0.5, 0.7)):
        map_click(qtbot, editor, x, y)
    spin = products.table.cellWidget(0, 2)
    assert spin.value() == pytest.approx(0.15) and not spin.isEnabled()
    assert "3 points" in spin.toolTip()
    assert "greyed volumes are the sums of their points" in products.total_label.text()

    # a lot with points on the map stays in the products until its points go
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    products.table.selectRow(0)
    qtbot.mouseClick(products.remove_button, Qt.MouseButton.LeftButton)
    assert seen and "has 3 points on the injection map" in seen[0]
    assert products.table.rowCount() == 1

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == SessionEditor.DialogCode.Accepted
    (stored,) = clinic.sessions.for_patient(patient.id)
    assert [(u.lot_no, u.volume_ml) for u in stored.used] == [("M-77", 0.15)]
    assert [(p.zone.label, p.depth_mm, p.volume_ml) for p in stored.details.points] == [
        ("Mid-scalp", 2.0, 0.05), ("Mid-scalp", 2.0, 0.05), ("Vertex / crown", 2.0, 0.05)]
    assert clinic.db.fetch_all("SELECT count(*) FROM injection_point") == [(3,)]

    again = open_editor(qtbot, clinic, patient, stored)
    assert again.map.view_tabs.tabText(0) == "Top (vertex) · 3"
    assert len(again.map.scene.point_keys()) == 3 and not again.is_dirty()


def test_leaving_with_unsaved_map_changes_asks_and_discard_keeps_the_stored_map(
        qtbot, clinic, doctor, patient):
    lot = clinic.catalogue.lots()[0]
    from mesolog.domain.injection_map import InjectionPoint
    from mesolog.domain.scalp import ScalpView
    point = InjectionPoint(ScalpView.TOP, 0.5, 0.45, 1.5, 0.05, lot.id)
    stored = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 24, 9, 0), practitioner_id=doctor.id,
        technique=Technique.PAPULE, device=Device.MANUAL,
        products=(ProductUse(lot.id, 0.05),), points=(point,)))
    editor = open_editor(qtbot, clinic, patient, stored)
    map_click(qtbot, editor, 0.5, 0.7)
    assert editor.is_dirty() and len(editor.map.points()) == 2
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Discard, seen)
    editor.reject()
    assert seen == ["This session has changes that are not saved."]
    assert clinic.sessions.get(stored.id).details.points == (point,)


def test_a_signed_map_changes_only_by_amendment(qtbot, clinic, doctor, patient):
    lot = clinic.catalogue.lots()[0]
    from mesolog.domain.injection_map import InjectionPoint
    from mesolog.domain.scalp import ScalpView
    point = InjectionPoint(ScalpView.TOP, 0.5, 0.45, 1.5, 0.05, lot.id)
    stored = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 24, 9, 0), practitioner_id=doctor.id,
        technique=Technique.PAPULE, device=Device.MANUAL,
        products=(ProductUse(lot.id, 0.05),), points=(point,)), sign=True)
    editor = open_editor(qtbot, clinic, patient, stored)
    map_click(qtbot, editor, 0.5, 0.7)
    assert editor.map.points() == (point,) and not editor.map.fill_button.isEnabled()
    qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    map_click(qtbot, editor, 0.5, 0.7)
    qtbot.keyClicks(editor.reason, "Vertex point was left off the map.")
    choose(qtbot, editor.author, "Dr")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    amended = clinic.sessions.get(stored.id)
    assert len(amended.details.points) == 2 and amended.used[0].volume_ml == 0.1
    assert "injection map: 1 point, 0.05 ml → 2 points, 0.1 ml" in amended.amendments[0].changes


def test_after_the_autumn_change_a_session_of_the_repeated_hour_is_amended_as_it_stands(
        qtbot, paris, db, seeded):
    """02:30 summer time, amended at 02:10 winter time (40 minutes later): the editor
    keeps 02:30 instead of pulling it back to 'now', and the amendment is saved."""
    _, doctor, patient = seeded
    first_pass, second_pass = datetime(2026, 10, 25, 2, 30), datetime(2026, 10, 25, 2, 10,
                                                                         fold=1)
    clinic = Clinic.of(db, lambda: first_pass)
    lot = clinic.catalogue.lots()[0]
    stored = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=first_pass, practitioner_id=doctor.id, technique=Technique.PAPULE,
        device=Device.MANUAL, pain_score=2, products=(ProductUse(lot.id, 2.0),)),
        sign=True)
    clinic = Clinic.of(db, lambda: second_pass)
    editor = SessionEditor(clinic, patient, stored, second_pass)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.performed_at.dateTime().toPython() == first_pass
    qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    retype(qtbot, editor.pain, "4")
    qtbot.keyClicks(editor.reason, "Pain score read back to the patient.")
    choose(qtbot, editor.author, "Ines")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    amended = clinic.sessions.get(stored.id)
    assert (amended.details.pain_score, amended.details.performed_at) == (4, first_pass)


def test_add_lot_in_a_clinic_without_products_says_where_and_opens_the_catalogue(
        qtbot, db):
    from mesolog.ui.clinic.catalogue_dialog import CatalogueDialog

    clinic = Clinic.of(db, fixed_clock)
    clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    patient = clinic.patients.create(details(allergies=""))
    editor = SessionEditor(clinic, patient, None, NOW)
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))  # unsaved: no prompt
    editor.show()
    products = editor.products
    assert "no products yet" in products.lot_picker.currentText()

    def add_a_product(dialog: CatalogueDialog) -> None:
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.name, "Minoxidil 0.5 %")
        dialog.ingredients.setPlainText("Minoxidil, 0.5 %")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.lot_no, "M-77")
        dialog.expiry.setDate(QDate(2027, 1, 31))
        qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    seen: list[str] = []

    def open_catalogue(box: QMessageBox) -> None:
        seen.append(box.text())
        when_modal(CatalogueDialog, add_a_product)
        next(b for b in box.buttons() if b.text() == "Open Products and Lots…").click()
    when_modal(QMessageBox, open_catalogue)
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    assert "Clinic ▸ Products and Lots" in seen[0]
    assert products.lot_picker.currentText().startswith("Minoxidil 0.5 %")
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    assert [lot.details.lot_no for lot in products.lots()] == ["M-77"]


def test_record_side_effect_is_in_reach_without_scrolling_at_1280_by_800(qtbot, clinic,
                                                                         doctor, patient):
    from PySide6.QtWidgets import QScrollArea

    lot = clinic.catalogue.lots()[0]
    stored = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 24, 9, 0), practitioner_id=doctor.id,
        technique=Technique.PAPULE, device=Device.MANUAL, products=(ProductUse(lot.id, 2.0),)),
        sign=True)
    editor = SessionEditor(clinic, patient, stored, NOW)
    qtbot.addWidget(editor)
    editor.resize(1280, 760)
    editor.show()
    qtbot.waitExposed(editor)
    button = editor.record_event_button
    scroll = editor.findChild(QScrollArea)
    assert not scroll.isAncestorOf(button)  # it never scrolls away
    assert editor.rect().contains(button.mapTo(editor, button.rect().bottomRight()))
    assert button.isVisible() and button.isEnabled()
