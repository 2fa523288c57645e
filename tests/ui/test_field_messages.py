"""Field messages behave alike in every form: every wrong field is named at once, and a
message goes as soon as its field is right (typed, not set)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.services.accounts import AccountService
from mesolog.services.clinic import Clinic
from mesolog.ui.login import FirstAdministratorDialog
from mesolog.ui.outcomes.outcome_dialogs import MeasurementDialog
from tests.conftest import TODAY, details, fixed_clock


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_the_first_account_names_every_wrong_field_at_once_and_each_goes_when_right(
        qtbot, db):
    accounts = AccountService(db, fixed_clock)
    dialog = FirstAdministratorDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "c")  # too short
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "shorter")
    save(qtbot, dialog)  # name empty, login too short, password too short, repeat differs
    assert dialog.errors.text("name") == "Name: 1 to 200 plain characters."
    assert dialog.errors.text("login").startswith("Login: 2 to 64")
    assert dialog.errors.text("password") == "Use at least 10 characters."
    assert dialog.errors.text("repeat") == "The two passwords differ."
    assert not accounts.has_accounts()

    qtbot.keyClicks(dialog.name, "Dr Claire Moreau")
    assert dialog.errors.text("name") == ""  # right: gone at once
    assert dialog.errors.text("login")  # still wrong: still said
    qtbot.keyClicks(dialog.login, "m")
    assert dialog.errors.text("login") == ""
    qtbot.keyClicks(dialog.password, " but longer")
    assert dialog.errors.text("password") == ""
    assert dialog.errors.text("repeat") == "The two passwords differ."
    dialog.repeat.selectAll()
    qtbot.keyClicks(dialog.repeat, "short but longer")
    assert dialog.errors.text("repeat") == ""
    save(qtbot, dialog)
    assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted


@pytest.fixture
def measuring(qtbot, db):
    """A patient with a measurement site, and the Measurement dialog open for them."""
    clinic = Clinic.of(db, fixed_clock)
    patient = clinic.patients.create(details())
    clinic.outcomes.add_site(patient.id, "Vertex centre")
    dialog = MeasurementDialog(clinic, patient.id, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return clinic, patient, dialog


def test_a_corrected_density_loses_its_message_while_a_wrong_one_keeps_it(qtbot, measuring):
    clinic, patient, dialog = measuring
    qtbot.keyClicks(dialog.values["density"], "900")
    qtbot.keyClicks(dialog.values["shaft_diameter_um"], "abc")
    save(qtbot, dialog)  # both named at once
    assert dialog.errors.text("density") == "Density: 0 to 600 hairs/cm²."
    assert dialog.errors.text("shaft_diameter_um") == "“abc” is not a number."
    qtbot.keyClick(dialog.values["density"], Qt.Key.Key_Backspace)  # "90": right
    assert dialog.errors.text("density") == ""
    assert dialog.errors.text("shaft_diameter_um")
    dialog.values["shaft_diameter_um"].clear()
    assert dialog.errors.text("shaft_diameter_um") == ""
    save(qtbot, dialog)
    assert dialog.result() == MeasurementDialog.DialogCode.Accepted
    (measurement,) = clinic.outcomes.measurements(patient.id)
    assert measurement.details.density == 90


def test_a_label_mnemonic_moves_the_cursor_to_its_field(qtbot, measuring):
    _, _, dialog = measuring
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # &Vellus hairs
    assert dialog.values["vellus_count"].hasFocus()
