"""A patient's record as HL7 FHIR R4: every resource exported for the demo clinic
validates against fhir.resources' models, refers only to what its bundle holds, and
uses the codes the issue names (SNOMED CT sites and route, UCUM units, FHIR's
severity with the CTCAE grade beside it)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class

from mesolog.cli import main
from mesolog.domain import fhir
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.practitioners import PractitionerService
from mesolog.store.fhir_export import FORMAT, bundle_name
from tests.conftest import (
    acting_as,
    demo_for_the_command_line,
    details,
    fill_with_demo,
    picture,
)

NOW = datetime(2026, 11, 25, 10, 30)
SITE_CODES = {"43067004", "61719002", "700032006", "16621002"}


def bundles_in(folder: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("patient-*.json"))}


def validated(bundle: dict) -> list[dict]:
    """The bundle's resources, each validated by fhir.resources' R4B model of its type
    (the Bundle's model validates the entries by their type too)."""
    get_fhir_model_class("Bundle").model_validate(bundle)
    resources = [entry["resource"] for entry in bundle["entry"]]
    for resource in resources:
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return resources


def references(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in references(v)]
    if isinstance(value, list):
        return [r for v in value for r in references(v)]
    return []


def codings(concept: dict, system: str) -> list[str]:
    return [c["code"] for c in concept.get("coding", []) if c["system"] == system]


def count(db, sql: str, *args: Any) -> int:
    return db.fetch_all(sql, args)[0][0]


def test_every_resource_of_the_demo_clinic_validates(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    exported = ClinicExportService(db).export_fhir(tmp_path / "fhir", NOW)
    bundles = bundles_in(exported.folder)
    charts = [r[0] for r in db.fetch_all("SELECT chart_no FROM patient ORDER BY id")]
    assert sorted(bundles) == sorted(bundle_name(c) for c in charts) and exported.bundles == 30
    manifest = json.loads((exported.folder / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["format"], manifest["fhir_version"]) == (FORMAT, "4.0.1")
    kinds: Counter[str] = Counter()
    for name, bundle in bundles.items():
        assert bundle["type"] == "collection"
        resources = validated(bundle)
        kinds.update(r["resourceType"] for r in resources)
        urls = {entry["fullUrl"] for entry in bundle["entry"]}
        for resource in resources:  # every reference is to the bundle, or contained
            for reference in references(resource):
                assert reference in urls or reference == "#product", (name, reference)
        (patient,) = [r for r in resources if r["resourceType"] == "Patient"]
        assert bundle_name(patient["identifier"][0]["value"]) == name
        assert patient["gender"] in {"female", "male", "other"}
    assert kinds["Patient"] == 30 == kinds["Condition"]
    assert kinds["Procedure"] == count(db, "SELECT count(*) FROM session") > 0
    assert kinds["MedicationAdministration"] == count(db, "SELECT count(*) FROM session_product")
    assert kinds["AdverseEvent"] == count(db, "SELECT count(*) FROM adverse_event") > 0
    assert kinds["Consent"] == count(db, "SELECT count(*) FROM consent") > 0
    assert kinds["Media"] == count(db, "SELECT count(*) FROM photo") > 0
    assert kinds["CarePlan"] == count(db, "SELECT count(*) FROM course") > 0
    assert kinds["Observation"] == (
        count(db, "SELECT count(*) FROM measurement") + count(db, "SELECT count(*) FROM "
                                                                  "grade_record")
        + count(db, "SELECT count(*) FROM session WHERE pain_score IS NOT NULL"))
    assert {"Practitioner", "Organization"} <= set(kinds)
    assert exported.resources == dict(kinds)
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((exported.folder / name).read_bytes()).hexdigest() == digest


def resources_of(folder: Path, kind: str) -> list[dict]:
    return [entry["resource"] for bundle in bundles_in(folder).values()
            for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_codes_are_the_standards(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    folder = ClinicExportService(db).export_fhir(tmp_path / "fhir", NOW).folder
    sites = [site for p in resources_of(folder, "Procedure") for site in p["bodySite"]]
    assert all(set(codings(s, fhir.SNOMED)) <= SITE_CODES and s["text"] for s in sites)
    coded = {code for s in sites for code in codings(s, fhir.SNOMED)}
    assert {"61719002", "16621002"} <= coded  # the demo's maps reach vertex and temples
    assert any(not s.get("coding") and s["text"].startswith("Frontal") for s in sites)
    for given in resources_of(folder, "MedicationAdministration"):
        dosage = given["dosage"]
        assert codings(dosage["route"], fhir.SNOMED) == ["372464004"]
        assert (dosage["dose"]["system"], dosage["dose"]["code"]) == (fhir.UCUM, "mL")
        (medication,) = given["contained"]
        assert medication["batch"]["lotNumber"] and medication["batch"]["expirationDate"]
    events = resources_of(folder, "AdverseEvent")
    seen = []
    for event in events:
        severity = event["severity"]
        (grade,) = codings(severity, f"{fhir.LOCAL}/CodeSystem/ctcae-grade")
        assert codings(severity, f"{fhir.HL7}/adverse-event-severity") == [
            {"1": "mild", "2": "moderate"}.get(grade, "severe")]
        seen.append(int(grade))
    assert sorted(seen) == sorted(g for (g,) in db.fetch_all("SELECT grade FROM adverse_event"))
    units = {c["valueQuantity"]["code"] for o in resources_of(folder, "Observation")
             for c in o.get("component", []) if "valueQuantity" in c}
    assert {"/cm2", "um"} <= units
    for photo in resources_of(folder, "Media"):
        content = photo["content"]
        picture = (folder / content["url"]).read_bytes()
        assert content["size"] == len(picture)
        assert base64.b64decode(content["hash"]) == hashlib.sha1(picture).digest()
        assert content["contentType"] in ("image/png", "image/jpeg")



def test_one_patients_bundle_holds_their_report_and_nothing_of_any_other(db, demo_template,
                                                                        tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    (patient_id,) = db.fetch_all("SELECT patient_id FROM photo GROUP BY patient_id "
                                 "ORDER BY count(*) DESC, patient_id LIMIT 1")[0]
    people = db.fetch_all("SELECT id, chart_no, last_name, first_name FROM patient")
    exported = ClinicExportService(db).export_patient_fhir(patient_id, tmp_path / "record",
                                                           NOW)
    folder = exported.folder
    (chart,) = [c for i, c, _, _ in people if i == patient_id]
    assert list(bundles_in(folder)) == [bundle_name(chart)] and exported.bundles == 1
    resources = validated(bundles_in(folder)[bundle_name(chart)])
    (document,) = [r for r in resources if r["resourceType"] == "DocumentReference"]
    attachment = document["content"][0]["attachment"]
    pdf = (folder / attachment["url"]).read_bytes()
    assert attachment["contentType"] == "application/pdf" and pdf.startswith(b"%PDF")
    assert base64.b64decode(attachment["hash"]) == hashlib.sha1(pdf).digest()
    assert codings(document["type"], fhir.LOINC) == ["11506-3"]
    media = [r for r in resources if r["resourceType"] == "Media"]
    assert len(media) == exported.photos == count(
        db, "SELECT count(*) FROM photo WHERE patient_id = ?", patient_id) > 0
    text = (folder / bundle_name(chart)).read_text(encoding="utf-8")
    (own,) = [p for p in people if p[0] == patient_id]
    for other_id, chart_no, last, first in people:
        if other_id != patient_id:
            assert chart_no not in text, chart_no
            if (last, first) != (own[2], own[3]):
                assert f"{first} {last}" not in text
    assert {p.parts[-2] for p in (folder / "photos").rglob("*.*")} == {str(patient_id)}


def test_the_clinic_is_an_administrators_a_record_a_practitioners(db, patients, tmp_path):
    patient = patients.create(details(allergies="Biotin (urticaria 2022)"))
    doctor = PractitionerService(db).create("Dr Prac", "drprac", Role.PRACTITIONER)
    helper = PractitionerService(db).create("Ann Assist", "annassist", Role.ASSISTANT)
    with pytest.raises(NotPermitted, match="export every record"):
        ClinicExportService(acting_as(db, doctor)).export_fhir(tmp_path / "all", NOW)
    with pytest.raises(NotPermitted, match="one patient's record"):
        ClinicExportService(acting_as(db, helper)).export_patient_fhir(
            patient.id, tmp_path / "one", NOW)
    assert not (tmp_path / "all").exists() and not (tmp_path / "one").exists()
    folder = ClinicExportService(acting_as(db, doctor)).export_patient_fhir(
        patient.id, tmp_path / "one", NOW).folder
    (bundle,) = bundles_in(folder).values()
    kinds = [r["resourceType"] for r in validated(bundle)]
    # a patient with nothing recorded yet: who they are, the diagnosis, the report
    assert sorted(kinds) == ["AllergyIntolerance", "Condition", "DocumentReference",
                             "Patient"]
    (allergy,) = [r for r in validated(bundle) if r["resourceType"] == "AllergyIntolerance"]
    assert allergy["code"] == {"text": "Biotin (urticaria 2022)"}


@pytest.mark.sqlite_only("the command line is given the test's file")
def test_the_command_line_writes_fhir(db, db_path, demo_template, tmp_path, capsys,
                                      monkeypatch):
    demo_for_the_command_line(db, demo_template(30, 2), monkeypatch)
    assert main(["export", "--db", str(db_path), "--format", "fhir",
                 "-o", str(tmp_path / "all")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("exported the FHIR bundles of 30 patients")
    assert str(tmp_path / "all") in out
    assert len(bundles_in(tmp_path / "all")) == 30
    assert main(["export", "--db", str(db_path), "--format", "fhir", "--patient", "p-00003",
                 "-o", str(tmp_path / "one")]) == 0
    assert list(bundles_in(tmp_path / "one")) == ["patient-P-00003.json"]
    assert (tmp_path / "one" / "progress-report.pdf").is_file()


def test_a_stored_time_carries_the_offset_the_clinic_had_then(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        assert fhir.date_time(datetime(2026, 7, 1, 9, 0)) == "2026-07-01T09:00:00+02:00"
        assert fhir.date_time(datetime(2026, 12, 1, 9, 0)) == "2026-12-01T09:00:00+01:00"
        # the autumn hour that happens twice: its first time, summer's
        assert fhir.date_time(datetime(2026, 10, 25, 2, 30)) == "2026-10-25T02:30:00+02:00"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.sqlite_only("a photo file taken away from the photo folder")
def test_a_missing_photo_keeps_its_media_and_a_slash_its_bundle(db, patients, tmp_path):
    from datetime import date

    from mesolog.domain.photo import PhotoView
    from mesolog.services.outcomes import OutcomeService

    patient = patients.create(details(chart_no="P/2026-1", first_name="محمد",
                                      last_name="王", notes="x" * 10_000))
    outcomes = OutcomeService(db)
    outcomes.attach_photo(patient.id, picture(tmp_path / "a.png"), PhotoView.VERTEX,
                          date(2026, 1, 5))
    gone = outcomes.attach_photo(patient.id, picture(tmp_path / "b.png", shade=30),
                                 PhotoView.BACK, date(2026, 1, 5))
    gone.path.unlink()
    exported = ClinicExportService(db).export_patient_fhir(patient.id, tmp_path / "out", NOW)
    assert exported.missing_photos == (gone.file_name,) and exported.photos == 1
    (name,) = bundles_in(exported.folder)
    assert name == "patient-P_2026-1.json"
    resources = validated(bundles_in(exported.folder)[name])
    contents = sorted((r["content"] for r in resources if r["resourceType"] == "Media"),
                      key=lambda c: "url" in c)
    assert "missing" in contents[0]["title"] and "url" not in contents[0]
    # the picture as attached (the database keeps it sealed)
    assert (exported.folder / contents[1]["url"]).read_bytes() == (
        tmp_path / "a.png").read_bytes()
    (person,) = [r for r in resources if r["resourceType"] == "Patient"]
    assert person["name"][0]["family"] == "王" and person["name"][0]["given"] == ["محمد"]
    text = (exported.folder / name).read_text(encoding="utf-8")
    assert "محمد" in text  # written as it reads, not escaped
