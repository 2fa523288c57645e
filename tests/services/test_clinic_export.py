"""The whole clinic as JSON: every record, in the published schema, photos as attached,
nothing of a password, by an administrator."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from mesolog.cli import main
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.outcomes import OutcomeService
from mesolog.services.practitioners import PractitionerService
from mesolog.store.clinic_export import FORMAT, MANIFEST, export_schema, exported_tables
from mesolog.store.database import DatabaseError
from tests.conftest import acting_as, demo_for_the_command_line, fill_with_demo

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "resources" / "export" / "mesolog-clinic-export-1.schema.json"
NOW = datetime(2026, 11, 25, 10, 30)


def test_the_published_schema_is_the_one_the_tables_give():
    """A change of a table changes the published schema in the same commit (regenerate
    it with store.clinic_export.export_schema)."""
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == export_schema()


def test_every_record_of_the_demo_clinic_in_the_published_schema(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    exported = ClinicExportService(db).export(tmp_path / "export", NOW)
    folder = exported.folder
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["format"], manifest["version"]) == (FORMAT, 1)
    assert manifest["made_by"] == "Dr Claire Moreau" and manifest["missing_photos"] == []
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for table in exported_tables():
        validator = Draft202012Validator({**schema, "$ref": f"#/$defs/{table.name}"},
                                         format_checker=Draft202012Validator.FORMAT_CHECKER)
        lines = (folder / f"{table.name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == manifest["records"][table.name] == db.fetch_all(
            f"SELECT count(*) FROM {table.name}")[0][0], table.name
        for line in lines:
            validator.validate(json.loads(line))
    assert manifest["records"]["patient"] == 30 and manifest["records"]["injection_point"]
    for name, digest in manifest["files"].items():  # every file as the manifest says
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    everything = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.jsonl"))
    assert "$argon2" not in everything  # no password hash, in an account or its trail
    accounts = (folder / "practitioner.jsonl").read_text(encoding="utf-8").splitlines()
    assert accounts and all("password_hash" not in json.loads(a) for a in accounts)
    assert all(p.stat().st_mode & 0o077 == 0 for p in folder.rglob("*") if p.is_file())


def test_photos_are_the_pictures_as_attached(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    folder = ClinicExportService(db).export(tmp_path / "export", NOW).folder
    outcomes = OutcomeService(db)
    records = [json.loads(line) for line in
               (folder / "photo.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records
    for record in records:
        (photo,) = [p for p in outcomes.photos(record["patient_id"]) if p.id == record["id"]]
        picture, intact = outcomes.photo_contents(photo)
        assert intact and (folder / record["file_name"]).read_bytes() == picture
        assert record["file_name"].endswith((".png", ".jpg"))  # a picture, not sealed
        assert record["sha256"] == hashlib.sha256(picture).hexdigest()


def test_an_export_is_an_administrators_and_never_overwrites(db, tmp_path):
    doctor = PractitionerService(db).create("Dr Prac", "drprac", Role.PRACTITIONER)
    with pytest.raises(NotPermitted, match="export every record"):
        ClinicExportService(acting_as(db, doctor)).export(tmp_path / "export", NOW)
    assert not (tmp_path / "export").exists()
    (tmp_path / "taken").mkdir()
    with pytest.raises(DatabaseError, match="exists already"):
        ClinicExportService(db).export(tmp_path / "taken", NOW)
    assert list((tmp_path / "taken").iterdir()) == []


@pytest.mark.sqlite_only("the command line is given the test's file")
def test_the_command_line_exports_the_clinic(db, db_path, demo_template, tmp_path, capsys,
                                             monkeypatch):
    demo_for_the_command_line(db, demo_template(30, 2), monkeypatch)
    assert main(["export", "--db", str(db_path), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("exported ") and f"photos to {tmp_path / 'out'}" in out
    assert (tmp_path / "out" / MANIFEST).is_file()


def test_one_patients_record_holds_nothing_of_any_other_patient(db, demo_template, tmp_path):
    from pypdf import PdfReader

    fill_with_demo(db, demo_template(30, 2))
    (patient_id,) = db.fetch_all("SELECT patient_id FROM photo GROUP BY patient_id "
                                 "ORDER BY count(*) DESC, patient_id LIMIT 1")[0]
    people = db.fetch_all("SELECT id, chart_no, last_name, first_name FROM patient")
    exported = ClinicExportService(db).export_patient(patient_id, tmp_path / "record", NOW)
    folder = exported.folder
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["patient_id"] == patient_id and "progress-report.pdf" in manifest["files"]
    patients = [json.loads(line) for line in
                (folder / "patient.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in patients] == [patient_id]
    sessions = db.fetch_all("SELECT count(*) FROM session WHERE patient_id = ?",
                            (patient_id,))[0][0]
    points = db.fetch_all("SELECT count(*) FROM injection_point WHERE session_id IN "
                          "(SELECT id FROM session WHERE patient_id = ?)", (patient_id,))[0][0]
    assert (manifest["records"]["session"], manifest["records"]["injection_point"]) == (
        sessions, points) and sessions > 0
    assert exported.photos == db.fetch_all("SELECT count(*) FROM photo WHERE patient_id = ?",
                                           (patient_id,))[0][0] > 0
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for table in exported_tables():
        validator = Draft202012Validator({**schema, "$ref": f"#/$defs/{table.name}"})
        for line in (folder / f"{table.name}.jsonl").read_text(encoding="utf-8").splitlines():
            validator.validate(json.loads(line))

    text = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.jsonl"))
    report = "\n".join(page.extract_text() for page in
                       PdfReader(folder / "progress-report.pdf").pages)
    (own,) = [p for p in people if p[0] == patient_id]
    assert own[2] in report
    for other_id, chart_no, last, first in people:
        if other_id == patient_id:
            continue
        assert chart_no not in text and chart_no not in report, chart_no
        if (last, first) != (own[2], own[3]):
            for name in (f"{last}, {first}", f"{first} {last}"):
                assert name not in text and name not in report, name


@pytest.mark.sqlite_only("the command line is given the test's file")
def test_the_command_line_exports_one_patients_record(db, db_path, demo_template, tmp_path,
                                                      capsys, monkeypatch):
    demo_for_the_command_line(db, demo_template(30, 2), monkeypatch)
    assert main(["export", "--db", str(db_path), "--patient", "p-00003",
                 "-o", str(tmp_path / "record")]) == 0
    assert (tmp_path / "record" / "progress-report.pdf").is_file()
    capsys.readouterr()
    assert main(["export", "--db", str(db_path), "--patient", "P-99999",
                 "-o", str(tmp_path / "none")]) == 1
    assert "No patient with chart number P-99999" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
