"""One backup set for both engines: a clinic moves from its file onto a server and back,
every record and every photo the same at each step."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from mesolog.cli import main
from mesolog.domain.permissions import Actor
from mesolog.domain.photo import photo_folder_of
from mesolog.domain.practitioner import Role
from mesolog.services.demo import DEMO_PASSWORD
from mesolog.services.outcomes import OutcomeService
from mesolog.services.patients import PatientService
from mesolog.store import models
from mesolog.store.backup import backup_database, restore_database, verify_backup
from mesolog.store.backup_manifest import manifest_of, read_manifest
from mesolog.store.database import Database, DatabaseError, open_database
from mesolog.store.engine_copy import copied_tables
from mesolog.store.server_backup import backup_server, restore_to_server
from tests.conftest import details, key_of, plain_demo, write_directly


def as_demo_administrator(target: Path | str, key=None) -> Database:
    """The clinic at ``target`` as its demo administrator sees it (nobody added)."""
    db = open_database(target, create=False, key=key)
    with db.reading() as session:
        row = session.execute(select(models.Practitioner)
                              .where(models.Practitioner.login == "cmoreau")).scalar_one()
        return db.acting_as(Actor(row.id, row.name, Role(row.role)))


def records(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order, through SQLAlchemy's types (a
    date is a date on both engines)."""
    with db.engine.connect() as conn:
        return {table.name: [tuple(row) for row in conn.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for table in copied_tables()}


def pictures(db: Database) -> dict[int, bytes]:
    """Each photo's picture as attached (unsealed for an encrypted file), by its id."""
    outcomes = OutcomeService(db)
    with db.reading() as session:
        patients = session.execute(select(models.Photo.patient_id).distinct()).scalars().all()
    found = {}
    for patient in patients:
        for photo in outcomes.photos(patient):
            picture, intact = outcomes.photo_contents(photo)
            assert intact, photo
            found[photo.id] = picture
    return found


def without_photo_names(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The rows, a photo's file name and checksum aside (a sealed photo's change when
    it is unsealed onto a server; its picture is compared by itself)."""
    columns = [c.name for c in models.Photo.__table__.columns]
    dropped = {columns.index("file_name"), columns.index("sha256")}
    return {**rows, "photo": [tuple(v for i, v in enumerate(row) if i not in dropped)
                              for row in rows["photo"]]}


@pytest.fixture(scope="module")
def plain_clinic(tmp_path_factory) -> Path:
    return plain_demo(tmp_path_factory.mktemp("plain") / "clinic.sqlite", 40, 7)


def test_a_clinic_moves_onto_a_server_and_back_every_record_the_same(
        plain_clinic, server_database, tmp_path):
    before = as_demo_administrator(plain_clinic)
    try:
        rows, photos = records(before), pictures(before)
    finally:
        before.close()
    assert len(rows["session"]) > 40 and len(photos) > 10  # a clinic worth comparing

    backup_database(plain_clinic, tmp_path / "from-file.sqlite")
    restore_to_server(tmp_path / "from-file.sqlite", server_database)
    server = as_demo_administrator(server_database)
    try:
        assert records(server) == rows
        assert pictures(server) == photos
        backup_server(server, tmp_path / "from-server.sqlite", made_by="Dr Claire Moreau")
    finally:
        server.close()

    manifest = read_manifest(manifest_of(tmp_path / "from-server.sqlite"))
    assert manifest.made_by == "Dr Claire Moreau" and manifest.photos
    assert verify_backup(tmp_path / "from-server.sqlite").rows["photo"] == len(photos)
    assert restore_database(tmp_path / "from-server.sqlite", tmp_path / "desk.sqlite") is None
    after = as_demo_administrator(tmp_path / "desk.sqlite")
    try:
        assert records(after) == rows
        assert pictures(after) == photos
    finally:
        after.close()


def test_an_encrypted_clinic_moves_onto_a_server_its_photos_unsealed(
        demo_template, server_database, tmp_path):
    clinic = demo_template(15, 3)
    key = key_of(clinic)
    before = as_demo_administrator(clinic, key)
    try:
        rows, photos = records(before), pictures(before)
    finally:
        before.close()
    backup_database(clinic, tmp_path / "sealed.sqlite", key=key)
    assert all(p.suffix == ".sealed"
               for p in photo_folder_of(tmp_path / "sealed.sqlite").rglob("*.*"))

    restore_to_server(tmp_path / "sealed.sqlite", server_database, key=key)
    server = as_demo_administrator(server_database)
    try:
        assert without_photo_names(records(server)) == without_photo_names(rows)
        assert pictures(server) == photos  # each picture as attached
        names = [row[0] for row in server.fetch_all("SELECT file_name FROM photo_data")]
        assert names and all(name.endswith((".jpg", ".png")) for name in names)
    finally:
        server.close()


def test_a_server_that_holds_records_is_not_restored_over(plain_clinic, server_database,
                                                          tmp_path):
    backup_database(plain_clinic, tmp_path / "set.sqlite")
    restore_to_server(tmp_path / "set.sqlite", server_database)
    server = as_demo_administrator(server_database)
    try:
        patients = server.fetch_all("SELECT count(*) FROM patient")[0][0]
    finally:
        server.close()
    with pytest.raises(DatabaseError, match="holds records already"):
        restore_to_server(tmp_path / "set.sqlite", server_database)
    server = as_demo_administrator(server_database)
    try:
        assert server.fetch_all("SELECT count(*) FROM patient")[0][0] == patients
    finally:
        server.close()


def test_the_backup_is_one_moment_while_another_desk_writes(plain_clinic, server_database,
                                                            tmp_path):
    """A patient added on another desk while the backup runs is in the set whole or not at
    all, and no session is in it without its products: one snapshot of every table."""
    backup_database(plain_clinic, tmp_path / "set.sqlite")
    restore_to_server(tmp_path / "set.sqlite", server_database)
    server = as_demo_administrator(server_database)
    desk = as_demo_administrator(server_database)
    written = []

    def another_desk_writes(done: int, total: int, what: str) -> None:
        if not written:  # after the first batch was read: a patient and the trail's entry
            written.append(PatientService(desk).create(details(chart_no="LATE-1")))
    try:
        before = server.fetch_all("SELECT count(*) FROM patient")[0][0]
        report = backup_server(server, tmp_path / "moment.sqlite", progress=another_desk_writes)
        assert written
        assert server.fetch_all("SELECT count(*) FROM patient")[0][0] == before + 1
    finally:
        desk.close()
        server.close()
    assert report.rows["patient"] == before
    copy = open_database(tmp_path / "moment.sqlite", create=False)
    try:  # nor the trail's entry of it, written in the same transaction
        assert not copy.fetch_all("SELECT count(*) FROM audit_entry WHERE after_json LIKE "
                                  "'%LATE-1%'")[0][0]
    finally:
        copy.close()


def test_a_photo_missing_on_the_server_is_named_and_the_backup_is_made(
        plain_clinic, server_database, tmp_path):
    backup_database(plain_clinic, tmp_path / "set.sqlite")
    restore_to_server(tmp_path / "set.sqlite", server_database)
    server = as_demo_administrator(server_database)
    try:
        gone = server.fetch_all("SELECT file_name FROM photo_data ORDER BY file_name")[0][0]
        write_directly(server, "DELETE FROM photo_data WHERE file_name = ?", (gone,))
        report = backup_server(server, tmp_path / "again.sqlite")
    finally:
        server.close()
    assert report.missing_photos == (gone,)
    assert "missing" in report.summary()


def test_the_command_line_backs_up_a_server_and_restores_onto_another(
        plain_clinic, server_database, tmp_path, monkeypatch, capsys):
    """mesolog backup and mesolog restore with a server's address, logged in as one of
    the clinic's people (the accounts come with the records)."""
    backup_database(plain_clinic, tmp_path / "set.sqlite")
    assert main(["restore", "--db", server_database, str(tmp_path / "set.sqlite")]) == 0
    assert "restored" in capsys.readouterr().out
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["backup", "--db", server_database, "-o", str(tmp_path / "b.sqlite")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"backup {tmp_path / 'b.sqlite'}: integrity ok") and "photos" in out

    assert main(["restore", "--db", server_database, str(tmp_path / "b.sqlite")]) == 1
    assert "holds records already" in capsys.readouterr().err


def test_only_an_administrator_backs_a_server_up(plain_clinic, server_database, tmp_path):
    """A server's set is a plain file of every record: an administrator's to make (a
    file's set is encrypted as the file is, and anyone may make it)."""
    from mesolog.domain.permissions import NotPermitted
    from mesolog.services.backups import BackupService

    backup_database(plain_clinic, tmp_path / "set.sqlite")
    restore_to_server(tmp_path / "set.sqlite", server_database)
    db = open_database(server_database)
    try:
        others = db.fetch_all("SELECT id, name, role FROM practitioner "
                              "WHERE role != 'administrator' ORDER BY id")
        assert {Role(role) for _, _, role in others} == {Role.PRACTITIONER, Role.ASSISTANT}
        for person_id, name, role in others:
            target = tmp_path / f"by-{person_id}.sqlite"
            with pytest.raises(NotPermitted, match="into a plain file"):
                BackupService(db.acting_as(Actor(person_id, name, Role(role)))).back_up(target)
            assert not target.exists() and not manifest_of(target).exists()
    finally:
        db.close()
    administrator = as_demo_administrator(server_database)
    try:
        BackupService(administrator).back_up(tmp_path / "by-administrator.sqlite")
    finally:
        administrator.close()
    assert verify_backup(tmp_path / "by-administrator.sqlite").rows["patient"] == 40


def test_a_restore_stopped_half_way_leaves_the_server_empty_for_the_next(
        plain_clinic, server_database, tmp_path):
    """One transaction: a restore that fails after some tables were copied (a killed
    process, a full server disk) keeps none of them, and the next one goes through."""
    backup_database(plain_clinic, tmp_path / "set.sqlite")
    copied: list[int] = []

    def fails_half_way(done: int, total: int, what: str) -> None:
        copied.append(done)
        if done > total // 2:
            raise OSError(28, "No space left on device")
    with pytest.raises(OSError, match="No space left"):
        restore_to_server(tmp_path / "set.sqlite", server_database, progress=fails_half_way)
    assert copied and copied[-1] > 1000
    empty = open_database(server_database)
    try:
        assert empty.fetch_all("SELECT (SELECT count(*) FROM patient) + "
                               "(SELECT count(*) FROM session) + "
                               "(SELECT count(*) FROM photo_data)")[0][0] == 0
    finally:
        empty.close()
    assert restore_to_server(tmp_path / "set.sqlite", server_database).rows["patient"] == 40


def test_a_clinic_export_goes_onto_an_empty_server(plain_clinic, server_database, tmp_path):
    """mesolog export of a file, mesolog import clinic onto a server: every record and
    picture, the ids' sequences caught up (the next patient gets a new id)."""
    from datetime import datetime

    from mesolog.services.clinic_export import ClinicExportService
    from mesolog.services.clinic_import import ClinicImportService
    from mesolog.services.patients import PatientService
    from tests.conftest import details

    source = as_demo_administrator(plain_clinic)
    try:
        rows, photos = records(source), pictures(source)
        ClinicExportService(source).export(tmp_path / "export", datetime(2026, 11, 25))
    finally:
        source.close()
    server = open_database(server_database)
    try:
        ClinicImportService(server.acting_as(Actor.program("the test"))).import_clinic(
            tmp_path / "export", "cmoreau", "a long new password")
    finally:
        server.close()
    server = as_demo_administrator(server_database)
    try:
        after = records(server)
        assert after["patient"] == rows["patient"] and after["session"] == rows["session"]
        assert after["injection_point"] == rows["injection_point"]
        assert pictures(server) == photos
        added = PatientService(server).create(details(chart_no="P-NEXT"))
        assert added.id == max(row[0] for row in rows["patient"]) + 1
    finally:
        server.close()
