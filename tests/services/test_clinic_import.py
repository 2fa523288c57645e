"""A clinic export read back into a new database gives every record back, field by
field, maps and photos included; and somebody can log in."""

from __future__ import annotations

import json
import shutil
from datetime import datetime

import pytest

from mesolog.cli import main
from mesolog.domain.permissions import Actor
from mesolog.domain.validation import ValidationError
from mesolog.services.accounts import AccountService
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.clinic_import import ClinicImportService
from mesolog.store.database import DatabaseError, open_database
from tests.conftest import fill_with_demo
from tests.store.test_backup_across_engines import pictures, records, without_photo_names

NOW = datetime(2026, 11, 25, 10, 30)
PASSWORD = "a long new password"
# What the import itself changes: the chosen administrator's password (and the trail
# of that change); a photo's stored name and checksum (sealed again with the new key)
CHANGED = {"password_hash", "updated_at", "must_change_password", "version"}


def accounts_aside(rows: dict[str, list[tuple]], columns: list[str]) -> dict[str, list]:
    kept = [i for i, name in enumerate(columns) if name not in CHANGED]
    return {**rows, "practitioner": [tuple(row[i] for i in kept)
                                     for row in rows["practitioner"]]}


def test_the_demo_clinic_comes_back_equal_field_by_field(db, demo_template, tmp_path):
    from mesolog.store import models

    fill_with_demo(db, demo_template(30, 2))
    before, photos = records(db), pictures(db)
    ClinicExportService(db).export(tmp_path / "export", NOW)

    new = open_database(tmp_path / "moved.sqlite")  # a new, encrypted file
    try:
        imported = ClinicImportService(new.acting_as(Actor.program("the test"))).import_clinic(
            tmp_path / "export", "cmoreau", PASSWORD)
        assert imported.photos == len(photos) and "cmoreau" in imported.administrators
        after = records(new)
        columns = [c.name for c in models.Practitioner.__table__.columns]
        trail = len(before["audit_entry"])
        assert after["audit_entry"][:trail] == before["audit_entry"]  # then the new password
        before_rest = {k: v for k, v in before.items() if k not in ("audit_entry", "login_failure")}
        after_rest = {k: v for k, v in after.items() if k not in ("audit_entry", "login_failure")}
        assert without_photo_names(accounts_aside(after_rest, columns)) == \
            without_photo_names(accounts_aside(before_rest, columns))
        actor = AccountService(new).authenticate("cmoreau", PASSWORD).actor
        assert pictures(new.acting_as(actor)) == photos
    finally:
        new.close()


def test_a_damaged_export_or_an_unknown_administrator_imports_nothing(db, demo_template,
                                                                      tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    ClinicExportService(db).export(tmp_path / "export", NOW)
    damaged = tmp_path / "damaged"
    shutil.copytree(tmp_path / "export", damaged)
    with (damaged / "patient.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": 999}) + "\n")
    new = open_database(tmp_path / "new.sqlite")
    importer = ClinicImportService(new.acting_as(Actor.program("the test")))
    try:
        with pytest.raises(DatabaseError, match=r"patient\.jsonl is missing or changed"):
            importer.import_clinic(damaged, "cmoreau", PASSWORD)
        with pytest.raises(ValidationError, match="No active administrator"):
            importer.import_clinic(tmp_path / "export", "nobody", PASSWORD)
        with pytest.raises(ValidationError):
            importer.import_clinic(tmp_path / "export", "cmoreau", "short")
        assert new.fetch_all("SELECT count(*) FROM patient")[0][0] == 0
        importer.import_clinic(tmp_path / "export", "cmoreau", PASSWORD)
        with pytest.raises(DatabaseError, match="holds records already"):
            importer.import_clinic(tmp_path / "export", "cmoreau", PASSWORD)
    finally:
        new.close()


@pytest.mark.sqlite_only("the command line is given the test's files")
def test_the_command_line_moves_a_clinic_by_export_and_import(db, db_path, demo_template,
                                                              tmp_path, capsys, monkeypatch):
    from mesolog.services.demo import DEMO_PASSWORD

    fill_with_demo(db, demo_template(30, 2)).close()
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["export", "--db", str(db_path), "-o", str(tmp_path / "out")]) == 0
    monkeypatch.setenv("MESOLOG_NEW_PASSWORD", PASSWORD)
    target = tmp_path / "moved.sqlite"
    (tmp_path / "out" / "lot.jsonl").write_text("changed\n")  # damaged: nothing is left
    assert main(["import", "clinic", "--db", str(target), str(tmp_path / "out")]) == 1
    assert "lot.jsonl is missing or changed" in capsys.readouterr().err
    assert not target.exists() and not list(tmp_path.glob("moved*"))
    shutil.rmtree(tmp_path / "out")
    assert main(["export", "--db", str(db_path), "-o", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert main(["import", "clinic", "--db", str(target), str(tmp_path / "out")]) == 0
    assert "cmoreau logs in with the new password" in capsys.readouterr().out
    monkeypatch.setenv("MESOLOG_PASSWORD", PASSWORD)
    assert main(["check", "--db", str(target)]) == 0
