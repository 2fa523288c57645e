from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.store.models import Patient
from mesolog.ui.clinic.catalogue_dialog import CatalogueDialog, RecallDialog
from mesolog.ui.clinic.due_view import DueListModel, DueWindow
from mesolog.ui.main_window import MainWindow
from mesolog.ui.treatment.session_editor import SessionEditor
from tests.conftest import TODAY, details, fixed_clock
from tests.ui.by_hand import type_by_hand
from tests.ui.modal import answer_message_box, close_dialog, when_modal


@pytest.fixture
def clinic(db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails(
        "Minoxidil 0.5 %", "DermaPharm", "", (Ingredient("Minoxidil", "0.5 %"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("M-77", date(2027, 1, 31)))
    for n, (days_ago, interval) in enumerate([(40, 21), (10, 14), (3, 28)]):
        patient = clinic.patients.create(details(chart_no=f"P-{n + 1}", last_name=f"Late{n}"))
        course = clinic.courses.create(patient.id, CourseDetails(
            "Series", 6, interval, TODAY - timedelta(days=days_ago)))
        clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime.combine(TODAY - timedelta(days=days_ago),
                                          datetime.min.time()),
            practitioner_id=doctor.id, course_id=course.id, technique=Technique.NAPPAGE,
            device=Device.MANUAL, products=(ProductUse(lot.id, 2.0),)))
    return clinic


def test_due_model_passes_the_model_tester(qtmodeltester, clinic):
    model = DueListModel()
    model.set_rows(clinic.courses.due(TODAY))
    qtmodeltester.check(model, force_py=True)


def test_due_window_lists_the_latest_first_and_opens_the_patient(qtbot, clinic, settings):
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(clinic.db)
    window.show()
    window.clinic_lists.show_due()
    due: DueWindow = window.clinic_lists.due
    rows = [due.model.data(due.model.index(r, 0)) for r in range(due.model.rowCount())]
    assert rows == ["19 days late", "in 4 days"]  # the third is due in 25 days
    due.horizon.setValue(30)
    rows = [due.model.data(due.model.index(r, 0)) for r in range(due.model.rowCount())]
    assert rows == ["19 days late", "in 4 days", "in 25 days"]
    where = due.table.visualRect(due.model.index(0, 2)).center()
    # a double click is a press and release, then the second press (as Qt sees it)
    qtbot.mouseClick(due.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(due.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.form.patient.details.last_name == "Late0"
    assert window.patient_tabs.currentWidget() is window.treatment
    assert "19 days late" in window.treatment.timeline.topLevelItem(0).text(2)


def test_catalogue_adds_products_and_lots_and_recalls(qtbot, clinic):
    dialog = CatalogueDialog(clinic, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Biotin complex")
    type_by_hand(qtbot, dialog.gtin, "7032069804989")  # wrong check digit
    dialog.ingredients.setPlainText("Biotin, 5 mg/ml\nPanthenol, 2 %")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "check digit" in dialog.errors.text("gtin")
    qtbot.keyClick(dialog.gtin, Qt.Key.Key_Backspace)  # "703206980498": still wrong
    assert "check digit" in dialog.errors.text("gtin")
    type_by_hand(qtbot, dialog.gtin, "8")  # the right check digit: gone before saving
    assert dialog.errors.text("gtin") == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (biotin,) = [p for p in clinic.catalogue.products() if p.details.name == "Biotin complex"]
    assert [str(i) for i in biotin.details.ingredients] == ["Biotin 5 mg/ml", "Panthenol 2 %"]
    qtbot.keyClicks(dialog.lot_no, "B-1")
    dialog.expiry.setDate(QDate(2027, 3, 31))
    dialog.opened_check.setChecked(True)
    dialog.opened.setDate(QDate(2027, 4, 2))  # after expiry: refused at the field
    qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("lot_no") == "Opened after the expiry date."
    dialog.opened.setDate(QDate(2026, 11, 20))
    qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
    assert dialog.lots_table.item(0, 0).text() == "B-1"
    assert dialog.lots_table.item(0, 2).text() == "2026-11-20"
    (lot,) = clinic.catalogue.lots(biotin.id)
    assert (lot.details.lot_no, lot.details.opened) == ("B-1", date(2026, 11, 20))

    dialog.product_list.setCurrentRow(1)  # Minoxidil, whose lot three patients received
    dialog.lots_table.selectRow(0)
    seen: list = []
    close_dialog(RecallDialog, seen)
    qtbot.mouseClick(dialog.recall_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].summary.text() == "3 sessions, 3 patients."
    assert seen[0].table.rowCount() == 3


def test_one_clock_runs_the_window_its_tabs_dialogs_and_the_audit_trail(qtbot, clinic,
                                                                        settings):
    """The window's clock, not the wall clock nor the services' own: seven days after
    the fixture's day, the late patient is 26 days late everywhere."""
    later = datetime(2026, 12, 2, 16, 45)
    window = MainWindow(settings, clock=lambda: later)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(clinic.db)
    window.show()
    window.clinic_lists.show_due()
    due: DueWindow = window.clinic_lists.due
    assert due.model.data(due.model.index(0, 0)) == "26 days late"
    window.show_patient(_patient_id(clinic, "Late0"))
    assert "26 days late" in window.treatment.timeline.topLevelItem(0).text(2)
    opened = []

    def look(editor) -> None:
        opened.append(editor.performed_at.dateTime().toPython())
        editor.reject()
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ignore, seen)  # no consent: go on
    when_modal(SessionEditor, look)
    window.new_session_action.trigger()
    assert opened == [later]
    window.form.inputs["phone"].setText("+33 1 23 45 67 89")
    window.form.save()
    entries = window._clinic.history.for_patient(window.form.patient.id)
    assert max(e.at for e in entries) == later


def _patient_id(clinic, last_name: str) -> int:
    with clinic.db.reading() as s:
        return s.scalar(select(Patient.id).where(Patient.last_name == last_name))


def test_an_expiry_date_is_typed_whole_and_an_expired_lot_asks_first(qtbot, clinic):
    dialog = CatalogueDialog(clinic, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves, as at the desk
    dialog.product_list.setCurrentRow(0)
    qtbot.keyClicks(dialog.lot_no, "M-88")
    # click into the expiry (the cursor lands wherever the click was) and type a date
    qtbot.mouseClick(dialog.expiry, Qt.MouseButton.LeftButton,
                     pos=dialog.expiry.rect().center())
    type_by_hand(qtbot, dialog.expiry, "2027-06-30")
    assert dialog.expiry.date() == QDate(2027, 6, 30)
    qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
    assert "M-88" in [lot.details.lot_no for lot in clinic.catalogue.lots()]

    qtbot.keyClicks(dialog.lot_no, "M-01")
    qtbot.mouseClick(dialog.expiry, Qt.MouseButton.LeftButton,
                     pos=dialog.expiry.rect().center())  # on the month, this time
    assert dialog.expiry.hasFocus()
    type_by_hand(qtbot, dialog.expiry, "2026-01-31")  # already past: asked, and No adds nothing
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
    assert "expired on 2026-01-31" in seen[0]
    assert "M-01" not in [lot.details.lot_no for lot in clinic.catalogue.lots()]
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(dialog.add_lot_button, Qt.MouseButton.LeftButton)
    assert "M-01" in [lot.details.lot_no for lot in clinic.catalogue.lots()]
