from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails, CourseStatus
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.ui.treatment.treatment_dialogs import StopCourseDialog
from mesolog.ui.treatment.treatment_panel import TreatmentPanel
from tests.conftest import NOW, TODAY, acting_as, details, fixed_clock
from tests.ui.modal import answer_message_box, when_modal


@pytest.fixture
def panel(qtbot, db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails(
        "Minoxidil 0.5 %", "DermaPharm", "", (Ingredient("Minoxidil", "0.5 %"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("M-77", date(2027, 1, 31)))
    patient = clinic.patients.create(details())
    course = clinic.courses.create(patient.id, CourseDetails("Minoxidil series", 6, 21,
                                                             TODAY - timedelta(days=30)))
    clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime.combine(TODAY - timedelta(days=30), datetime.min.time()),
        practitioner_id=doctor.id, course_id=course.id, technique=Technique.NAPPAGE,
        device=Device.MANUAL, products=(ProductUse(lot.id, 2.0),)))
    widget = TreatmentPanel(lambda: NOW)
    qtbot.addWidget(widget)
    widget.show_patient(clinic, patient)
    widget.show()
    return widget, clinic, patient


def test_the_timeline_shows_the_course_its_sessions_and_when_the_next_is_due(panel):
    widget, _, _ = panel
    course = widget.timeline.topLevelItem(0)
    assert course.text(1) == "Minoxidil series"
    assert course.text(2) == ("Active · 1 of 6 done · next 2026-11-16 (9 days late)")
    assert course.childCount() == 2  # the session, then what was given so far
    assert course.child(0).text(2) == "Not signed · side effects not checked"
    assert course.child(1).text(0) == "Given so far: Minoxidil 0.5 % 2 ml"
    assert course.isFirstColumnSpanned() and course.text(0).startswith(
        "2026-10-26  ·  Minoxidil series  ·  Active")
    # every session column is as wide as its widest text: nothing is cut
    metrics = widget.timeline.fontMetrics()
    for column in range(4):
        text = course.child(0).text(column)
        assert widget.timeline.columnWidth(column) >= metrics.horizontalAdvance(text)
    assert "No valid treatment consent" in widget.consent_label.text()


def test_sign_from_the_timeline(qtbot, panel):
    widget, clinic, patient = panel
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0).child(0))
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    assert widget.sign_selected()
    assert "Sign the session" in seen[0]
    (session,) = clinic.sessions.for_patient(patient.id)
    assert session.signed and session.signed_by == "Dr Claire Moreau"
    assert widget.timeline.topLevelItem(0).child(0).text(2).startswith("Signed ·")


def test_pause_resume_and_stop_a_course(qtbot, panel):
    widget, clinic, patient = panel
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0))
    qtbot.mouseClick(widget.pause_button, Qt.MouseButton.LeftButton)
    assert clinic.courses.for_patient(patient.id)[0].course.status is CourseStatus.PAUSED
    assert clinic.courses.due(TODAY) == []
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0))
    assert widget.pause_button.text() == "&Resume"
    qtbot.mouseClick(widget.pause_button, Qt.MouseButton.LeftButton)
    assert clinic.courses.for_patient(patient.id)[0].course.status is CourseStatus.ACTIVE

    def stop(dialog: StopCourseDialog) -> None:
        qtbot.keyClicks(dialog.reason, "No improvement after four sessions.")
        dialog.buttons.accepted.emit()
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0))
    when_modal(StopCourseDialog, stop)
    qtbot.mouseClick(widget.stop_button, Qt.MouseButton.LeftButton)
    course = clinic.courses.for_patient(patient.id)[0].course
    assert course.status is CourseStatus.STOPPED
    assert course.stop_reason == "No improvement after four sessions."
    assert widget.timeline.topLevelItem(0).text(2).startswith("Stopped (No improvement")


def test_a_side_effect_recorded_from_a_signed_session_shows_once_the_editor_is_closed(
        qtbot, panel):
    """The editor of a signed session is left with Close (Rejected), but the side effect
    was stored: the Treatment tab shows it at once, and listeners hear of it."""
    from PySide6.QtWidgets import QDialogButtonBox

    from mesolog.ui.treatment.adverse_event_dialog import AdverseEventDialog
    from mesolog.ui.treatment.session_editor import SessionEditor

    widget, _, _ = panel
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0).child(0))
    answer_message_box(QMessageBox.StandardButton.Yes, [])
    assert widget.sign_selected()
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0).child(0))
    assert widget.timeline.topLevelItem(0).child(0).text(2) == (
        "Signed · side effects not checked")

    def fill(dialog: AdverseEventDialog) -> None:
        dialog.kind.setFocus()
        qtbot.keyClicks(dialog.kind, "Redn")
        dialog.grade.setFocus()
        qtbot.keyClicks(dialog.grade, "1")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    def record_then_close(editor: SessionEditor) -> None:
        when_modal(AdverseEventDialog, fill)
        qtbot.mouseClick(editor.record_event_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Close

    when_modal(SessionEditor, record_then_close)
    widget.open_selected()
    row = widget.timeline.topLevelItem(0).child(0)
    assert row.text(2) == "Signed · 1 side effect, 1 open"
    assert widget.events.topLevelItemCount() == 1


def test_without_consent_enter_records_consent_rather_than_going_on(qtbot, panel):
    widget, _, _ = panel
    seen: list[str] = []

    def look(box: QMessageBox) -> None:
        seen.append(box.defaultButton().text())
        box.button(QMessageBox.StandardButton.Cancel).click()
    when_modal(QMessageBox, look)
    assert widget.new_session() is None
    assert seen == ["Record Consent…"]


def test_the_treatment_tab_signs_as_the_person_logged_in_like_the_editor(qtbot, panel):
    widget, clinic, patient = panel
    nurse = clinic.practitioners.create("Ines Álvarez", "ialvarez", Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(clinic.db, nurse), fixed_clock)  # she is logged in; the
    widget.show_patient(clinic, patient)  # session was performed by Dr Moreau
    widget.timeline.setCurrentItem(widget.timeline.topLevelItem(0).child(0))
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    assert widget.sign_selected()
    assert "as Ines Álvarez?" in seen[0]
    (session,) = clinic.sessions.for_patient(patient.id)
    assert session.signed_by == "Ines Álvarez" and session.practitioner_name == (
        "Dr Claire Moreau")
