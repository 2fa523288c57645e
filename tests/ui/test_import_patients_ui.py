"""File > Import Patients, as a person uses it: the file chosen, the columns and dates
settled in the dialog, the report read, the import run."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesolog.services.patients import PatientService
from mesolog.ui.patients.import_dialog import NOT_IMPORTED, PatientImportDialog
from tests.services.test_patient_import import MESSY
from tests.ui.modal import answer_message_box, when_modal


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_a_messy_export_imported_from_the_file_menu(qtbot, db, make_window, tmp_path,
                                                    monkeypatch):
    window = make_window(db)
    sheet = tmp_path / "patients.csv"
    sheet.write_bytes(MESSY)
    _choose(monkeypatch, sheet)
    seen: dict[str, object] = {}

    def settle(dialog: PatientImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog.plan is not None)  # checked on a helper thread
        seen["report"] = dialog.report.toPlainText()
        seen["buttons"] = (dialog.import_button.isEnabled(),
                           dialog.valid_only_button.isEnabled())
        remarks = dialog.columns[8]
        assert remarks.currentText() == "Notes"
        with qtbot.waitSignal(dialog.checked):  # checked again, on a helper thread
            remarks.setCurrentIndex(remarks.findText(NOT_IMPORTED))  # the notes stay out
        seen["rechecked"] = dialog.plan is not None and "notes" not in dialog.plan.mapping.values()
        seen["mapped"] = sorted(dialog.mapping().values())
        if os.environ.get("MESOLOG_SHOTS"):
            dialog.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "import.png"))
        qtbot.mouseClick(dialog.valid_only_button, Qt.MouseButton.LeftButton)
    when_modal(PatientImportDialog, settle)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    count = PatientService(db).count(include_archived=True)
    window.import_patients_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)

    assert "to import: 4 patients; duplicates: 1; refused: 2" in seen["report"]
    assert seen["buttons"] == (False, True)  # not all of it: the valid rows only
    assert "notes" not in seen["mapped"] and seen["rechecked"]
    assert said[0].startswith("4 patients imported.") and "3 rows were left out" in said[0]
    assert PatientService(db).count(include_archived=True) == count + 4
    qtbot.waitUntil(lambda: window.model.rowCount() == count + 4)  # the list follows


def test_dates_that_read_both_ways_are_asked_before_anything_is_imported(
        qtbot, db, make_window, tmp_path, monkeypatch):
    window = make_window(db)
    sheet = tmp_path / "us.csv"
    sheet.write_text("Chart no,Last name,First name,DOB,Sex,Diagnosis\n"
                     "A-1,Miller,Ann,03/04/1984,F,Other\n", encoding="utf-8")
    _choose(monkeypatch, sheet)
    seen: dict[str, object] = {}

    def answer(dialog: PatientImportDialog) -> None:
        seen["note"] = dialog.dates_note.text()
        seen["before"] = (dialog.import_button.isEnabled(), dialog.report.toPlainText())
        with qtbot.waitSignal(dialog.checked):
            dialog.dates.setCurrentIndex(dialog.dates.findText("month/day/year"))
        seen["after"] = dialog.report.toPlainText()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    when_modal(PatientImportDialog, answer)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    window.import_patients_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    assert "could be day first or month first" in seen["note"]
    assert seen["before"] == (False, "Choose how the dates are written.")
    assert "to import: 1 patient;" in seen["after"]
    patients = PatientService(db)
    from mesolog.services.patient_search import SearchQuery

    (miller,) = patients.search(SearchQuery("miller"))
    assert patients.get(miller).details.date_of_birth.isoformat() == "1984-03-04"


def test_the_rows_are_checked_off_the_window_and_only_the_last_choices_shown(qtbot, db):
    """A big file is checked on a helper thread: the dialog answers at once, and a
    check of choices changed since is never shown over the newer one."""
    from mesolog.domain.spreadsheet import read_spreadsheet

    lines = ["Chart no;Last name;First name;Date of birth;Sex;Diagnosis;Notes"] + [
        f"B-{n};Nom{n};Prénom;27/03/1984;F;Autre;note {n}" for n in range(5_000)]
    sheet = read_spreadsheet("\r\n".join(lines).encode("utf-8"))
    dialog = PatientImportDialog(db, sheet, "big.csv")
    qtbot.addWidget(dialog)
    assert dialog.report.toPlainText() == "Checking every row…" and dialog.plan is None
    assert not dialog.import_button.isEnabled()
    notes = dialog.columns[6]
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        notes.setCurrentIndex(notes.findText(NOT_IMPORTED))  # while the first check runs
    qtbot.waitUntil(lambda: not dialog.checking.running, timeout=30_000)
    qtbot.wait(50)  # the first check's answer, if late, has been delivered and dropped
    assert "notes" not in dialog.plan.mapping.values()
    assert "to import: 5,000 patients" in dialog.report.toPlainText()
    assert dialog.import_button.isEnabled()
