from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.domain.adverse_event import Action, EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.ui.clinic.open_events_view import OpenEventsModel, OpenEventsWindow
from mesolog.ui.treatment.adverse_event_dialog import AdverseEventDialog, ResolveDialog
from mesolog.ui.treatment.session_editor import SessionEditor
from tests.conftest import NOW, TODAY, acting_as, details, fixed_clock
from tests.ui.modal import when_modal


@pytest.fixture
def world(db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 6, 30)))
    patient = clinic.patients.create(details(allergies=""))
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9, 0), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, products=(ProductUse(lot.id, 2.0),)))
    return clinic, patient, session


def tick(qtbot, box) -> None:
    """Click a check box on its box, at the left (its centre may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_record_from_the_session_editor_and_resolve_from_the_open_list(qtbot, world):
    clinic, patient, session = world
    editor = SessionEditor(clinic, patient, session, NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.side_effects_hint.text() == "Status: side effects not checked."

    attempts: list[str] = []

    def fill(dialog: AdverseEventDialog) -> None:
        dialog.kind.setFocus()
        qtbot.keyClicks(dialog.kind, "Bruis")
        dialog.grade.setFocus()
        qtbot.keyClicks(dialog.grade, "2")
        tick(qtbot, dialog.actions[Action.COLD_COMPRESS])
        dialog.lot.setFocus()
        qtbot.keyClick(dialog.lot, Qt.Key.Key_Down)
        # resolved before it began: refused at the field, the dialog stays
        tick(qtbot, dialog.resolved)
        dialog.resolved_on.setDate(QDate(2026, 11, 19))
        save(qtbot, dialog)
        attempts.append(dialog.errors.text("resolved_on"))
        tick(qtbot, dialog.resolved)  # not resolved after all: still open
        save(qtbot, dialog)

    when_modal(AdverseEventDialog, fill)
    qtbot.mouseClick(editor.record_event_button, Qt.MouseButton.LeftButton)
    assert attempts == ["Resolved before it began: check the dates."]
    (recorded,) = clinic.adverse_events.for_session(session.id)
    d = recorded.details
    assert (d.kind, d.grade, d.actions, d.outcome) == (EventKind.BRUISING, 2,
                                                      (Action.COLD_COMPRESS,), Outcome.ONGOING)
    assert recorded.suspected_lot == "Biotin complex lot B-1"
    assert editor.side_effects.count() == 1
    assert editor.side_effects_hint.text() == "Status: 1 side effect, 1 open."
    assert not editor.none_observed_button.isEnabled()

    window = OpenEventsWindow(clinic, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == "5 d"
    where = window.table.visualRect(window.model.index(0, 3)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    def resolve(dialog: ResolveDialog) -> None:
        dialog.resolved_on.setDate(QDate(2026, 11, 24))
        save(qtbot, dialog)

    when_modal(ResolveDialog, resolve)
    qtbot.mouseClick(window.resolve_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 0 and "0 open side effects" in window.summary.text()
    resolved = clinic.adverse_events.get(recorded.id)
    assert resolved.details.resolved_on == date(2026, 11, 24)
    assert resolved.details.outcome is Outcome.RESOLVED


def test_none_observed_from_the_session_editor(qtbot, world):
    clinic, patient, session = world
    editor = SessionEditor(clinic, patient, session, NOW)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.none_observed_button, Qt.MouseButton.LeftButton)
    assert editor.side_effects_hint.text() == "Status: no side effects."
    assert clinic.adverse_events.status([session.id])[session.id].none_observed


def test_open_events_model_passes_the_model_tester(qtmodeltester, world):
    clinic, _, session = world
    clinic.adverse_events.record(EventDetails(session_id=session.id, kind=EventKind.PAIN,
                                              onset=date(2026, 11, 20), grade=1))
    model = OpenEventsModel()
    model.set_rows(clinic.adverse_events.open_events(TODAY))
    qtmodeltester.check(model, force_py=True)


def test_an_earlier_allergic_reaction_shows_at_the_top_of_the_next_session(qtbot, world):
    clinic, patient, session = world
    clinic.adverse_events.record(EventDetails(
        session_id=session.id, kind=EventKind.ALLERGIC_REACTION, onset=date(2026, 11, 20),
        grade=2, suspected_lot_id=session.used[0].lot_id, actions=(Action.ANTIHISTAMINE,)))
    editor = SessionEditor(clinic, patient, None, NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.alerts.isVisibleTo(editor)
    assert "Earlier allergic reaction:</b> Biotin complex lot B-1 (2026-11-20, grade 2)" in \
        editor.alerts.text()


def test_an_assistant_sees_a_side_effect_but_cannot_change_it(qtbot, world):
    clinic, patient, session = world
    event = clinic.adverse_events.record(EventDetails(
        session_id=session.id, kind=EventKind.BRUISING, onset=session.details.performed_at.date(),
        grade=1))
    assistant = clinic.practitioners.create("Sam Becker", "sbecker", Role.ASSISTANT)
    as_assistant = Clinic.of(acting_as(clinic.db, assistant), fixed_clock)
    dialog = AdverseEventDialog(as_assistant, session, TODAY, event)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not button.isEnabled()
    assert button.toolTip() == ("Sam Becker is logged in as an assistant, and an assistant "
                                "may not change a side effect.")
    editor = SessionEditor(as_assistant, patient, session, NOW)
    qtbot.addWidget(editor)
    assert not editor.record_event_button.isEnabled()
    assert not editor.none_observed_button.isEnabled()
    assert clinic.adverse_events.get(event.id).version == event.version
