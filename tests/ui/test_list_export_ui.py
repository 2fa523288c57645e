"""Export List…: what the desk shows, in a spreadsheet file, as a person asks for it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesolog.domain.spreadsheet import read_spreadsheet
from mesolog.services.patient_search import SearchQuery
from mesolog.services.patients import PatientService
from tests.ui.modal import answer_message_box


def _save_as(monkeypatch, path: Path, kind: str = "") -> list[str]:
    suggested: list[str] = []

    def choose(parent, caption, suggestion, *filters, **options):
        suggested.append(suggestion)
        assert not kind or kind in filters[0].split(";;")
        return str(path), kind
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    return suggested


def test_the_patient_list_of_the_search_is_exported_whole(qtbot, demo_window, tmp_path,
                                                          monkeypatch):
    window = demo_window
    qtbot.keyClicks(window.search_box, "a")
    expected = PatientService(window.database).search(SearchQuery("a"))
    qtbot.waitUntil(lambda: window.model.query.text == "a")
    target = tmp_path / "patients"  # no suffix typed: .csv is added
    suggested = _save_as(monkeypatch, target)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    window.export_list_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    assert Path(suggested[0]).name == "Patients - a.csv"
    sheet = read_spreadsheet(target.with_suffix(".csv").read_bytes())
    assert len(sheet.rows) == len(expected) > window.model.rowCount() // 2
    assert sheet.headers == ("Chart no.", "Name", "Date of birth", "Age", "Diagnosis")
    assert said[0] == f"{len(expected):,} rows written to {target.with_suffix('.csv')}."


def test_the_due_list_is_exported_as_it_is_shown(qtbot, demo_window, tmp_path, monkeypatch):
    window = demo_window
    window.due_action.trigger()
    due = window.clinic_lists.due
    qtbot.waitUntil(lambda: due.model.rowCount() > 0)
    target = tmp_path / "due.csv"
    _save_as(monkeypatch, target)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    qtbot.mouseClick(due.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    sheet = read_spreadsheet(target.read_bytes())
    assert sheet.headers == due.model.columns and len(sheet.rows) == due.model.rowCount()
    first = tuple(due.model.data(due.model.index(0, c)) for c in range(len(sheet.headers)))
    assert sheet.rows[0] == first
    if os.environ.get("MESOLOG_SHOTS"):
        due.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "due-export.png"))


def test_the_open_patients_record_is_exported_from_the_patient_menu(qtbot, demo_window,
                                                                     tmp_path, monkeypatch):
    import json

    from tests.ui.conftest import click_row

    window = demo_window
    click_row(qtbot, window, 0)
    patient = window.form.patient
    target = tmp_path / "record"
    suggested = _save_as(monkeypatch, target)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    assert window.export_record_action.isEnabled()
    window.export_record_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=20_000)
    assert Path(suggested[0]).name == f"{patient.details.chart_no} record"
    assert said[0].startswith(f"{patient.details.full_name}'s record")
    (record,) = [json.loads(line) for line in
                 (target / "patient.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["chart_no"] == patient.details.chart_no
    assert (target / "progress-report.pdf").read_bytes().startswith(b"%PDF")


def test_the_record_is_exported_as_fhir_when_that_type_is_chosen(qtbot, demo_window, tmp_path,
                                                                 monkeypatch):
    import json

    from mesolog.store.fhir_export import bundle_name
    from mesolog.ui.file_actions import RECORD_AS_FHIR
    from tests.ui.conftest import click_row

    window = demo_window
    click_row(qtbot, window, 0)
    patient = window.form.patient
    target = tmp_path / "for the doctor"
    _save_as(monkeypatch, target, RECORD_AS_FHIR)
    said: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, said)
    window.export_record_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 1, timeout=20_000)
    assert said[0].startswith(f"{patient.details.full_name}'s FHIR bundle")
    bundle = json.loads((target / bundle_name(patient.details.chart_no)).read_text(
        encoding="utf-8"))
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert {"Patient", "DocumentReference"} <= kinds and bundle["type"] == "collection"
    assert (target / "progress-report.pdf").read_bytes().startswith(b"%PDF")
