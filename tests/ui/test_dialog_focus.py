"""Every dialog opens with the cursor in its first field, and its buttons come last:
what the practitioner types at once goes into the form, and Space never submits it."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QToolButton,
)

from mesolog.domain.adverse_event import EventDetails, EventKind
from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.accounts import AccountService
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import NOW, TODAY, acting_as, details, fixed_clock


@pytest.fixture
def world(db, settings):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 6, 30)))
    patient = clinic.patients.create(details(allergies=""))
    course = clinic.courses.create(patient.id, CourseDetails("Series", 6, 21, TODAY))
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9, 0), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, course_id=course.id,
        products=(ProductUse(lot.id, 2.0),)))
    event = clinic.adverse_events.record(EventDetails(
        session_id=session.id, kind=EventKind.BRUISING, onset=date(2026, 11, 20), grade=1))
    clinic.outcomes.add_site(patient.id, "Vertex centre")
    return {"clinic": clinic, "doctor": doctor, "lot": lot, "patient": patient,
            "course": course, "session": session, "event": event, "settings": settings,
            "path": db.path}


def _dialogs():
    """(name, how to make it, the attribute of the field that must hold the cursor)."""
    from mesolog.ui import login
    from mesolog.ui.clinic import (
        accounts_dialog,
        catalogue_dialog,
        due_view,
        lot_recall,
        open_events_view,
        preferences,
    )
    from mesolog.ui.common.scanner import ScannerConfig
    from mesolog.ui.outcomes import outcome_dialogs, photo_views
    from mesolog.ui.patients import history_dialog
    from mesolog.ui.printing import report_dialog
    from mesolog.ui.treatment import adverse_event_dialog, session_editor, treatment_dialogs

    def accounts(w):
        return AccountService(w["clinic"].db, fixed_clock)

    return [
        ("first account", lambda w: login.FirstAdministratorDialog(accounts(w)), "name"),
        ("log in", lambda w: login.LoginDialog(accounts(w)), "login"),
        ("unlock", lambda w: login.LockDialog(accounts(w), w["doctor"], "cmoreau"),
         "password"),
        ("change password", lambda w: login.ChangePasswordDialog(accounts(w), w["doctor"],
                                                                  "cmoreau"), "current"),
        ("add account", lambda w: treatment_dialogs.PractitionerDialog(w["clinic"]), "name"),
        ("reset password", lambda w: accounts_dialog.ResetPasswordDialog(
            w["clinic"], w["clinic"].practitioners.accounts()[0]), "password"),
        ("new course", lambda w: treatment_dialogs.CourseDialog(
            w["clinic"], w["patient"].id, TODAY), "protocol"),
        ("consent", lambda w: treatment_dialogs.ConsentDialog(
            w["clinic"], w["patient"].id, NOW), None),
        ("stop course", lambda w: treatment_dialogs.StopCourseDialog(w["clinic"],
                                                                     w["course"]), None),
        ("side effect", lambda w: adverse_event_dialog.AdverseEventDialog(
            w["clinic"], w["session"], TODAY), "kind"),
        ("resolve", lambda w: adverse_event_dialog.ResolveDialog(
            w["clinic"], w["event"], TODAY), "resolved_on"),
        ("site", lambda w: outcome_dialogs.SiteDialog(w["clinic"], w["patient"].id), "name"),
        ("measurement", lambda w: outcome_dialogs.MeasurementDialog(
            w["clinic"], w["patient"].id, TODAY), "site"),
        ("grade", lambda w: outcome_dialogs.GradeDialog(w["clinic"], w["patient"].id, TODAY),
         None),
        ("photo", lambda w: outcome_dialogs.PhotoDialog(w["clinic"], w["patient"].id, TODAY),
         None),
        ("session", lambda w: session_editor.SessionEditor(w["clinic"], w["patient"], None,
                                                           NOW), "performed_at"),
        ("products and lots", lambda w: catalogue_dialog.CatalogueDialog(
            w["clinic"], lambda: TODAY), "scan_box"),
        ("preferences", lambda w: preferences.PreferencesDialog(
            w["settings"], w["path"], w["clinic"]), "language"),
        ("who received this lot", lambda w: lot_recall.RecallDialog(
            w["clinic"], w["clinic"].catalogue.lots()[0]), None),
        ("find the lot", lambda w: lot_recall.FindLotDialog(w["clinic"], ScannerConfig()),
         "lot_picker"),
        ("report", lambda w: report_dialog.ReportDialog(w["clinic"], w["patient"]), None),
        ("history", lambda w: history_dialog.HistoryDialog(w["clinic"], w["patient"]), None),
        ("due", lambda w: due_view.DueWindow(w["clinic"], lambda: TODAY), None),
        ("open side effects", lambda w: open_events_view.OpenEventsWindow(
            w["clinic"], lambda: TODAY), None),
        ("before and after", lambda w: photo_views.BeforeAfterDialog(
            w["clinic"], w["patient"].id), None),
    ]


@pytest.mark.parametrize(("name", "make", "first"), _dialogs(),
                         ids=[d[0] for d in _dialogs()])
def test_every_dialog_opens_with_the_cursor_in_its_first_field(qtbot, world, name, make,
                                                              first):
    dialog = make(world)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    focused = QApplication.focusWidget()
    assert focused is not None and not isinstance(focused, QPushButton | QToolButton), (
        name, focused)
    if first is not None:
        expected = getattr(dialog, first)
        assert focused is expected or expected.isAncestorOf(focused), (name, focused)
    if isinstance(focused, QLineEdit) and not focused.isReadOnly():
        qtbot.keyClicks(focused, "x")  # typed at once: it lands in the field
        assert focused.text().endswith("x")
    dialog.close()


def test_a_consent_is_taken_by_the_person_logged_in(qtbot, world):
    from mesolog.ui.treatment.treatment_dialogs import ConsentDialog

    nurse = world["clinic"].practitioners.create("Ines Álvarez", "ialvarez", Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(world["clinic"].db, nurse), fixed_clock)  # she logs in
    dialog = ConsentDialog(clinic, world["patient"].id, NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.taken_by.text() == "Ines Álvarez"  # shown, not chosen: it is hers
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    (consent,) = clinic.consent.for_patient(world["patient"].id)
    assert consent.taken_by == "Ines Álvarez"
