"""A plain clinic made encrypted: every record kept, the plain copy left where it is."""

from datetime import datetime
from pathlib import Path

import pytest

from mesolog.domain.permissions import NotPermitted
from mesolog.domain.photo import photo_folder_of
from mesolog.domain.validation import ValidationError
from mesolog.services.accounts import AccountService, LoginRefused
from mesolog.services.backups import BackupService
from mesolog.services.clinic import Clinic
from mesolog.services.demo import DEMO_PASSWORD
from mesolog.store import convert
from mesolog.store.check import check_database
from mesolog.store.database import DatabaseError, FileKind, inspect_file, open_database
from mesolog.store.keys import key_file_of
from tests.conftest import every_row, fixed_clock, plain_demo

NOW = datetime(2026, 11, 27, 9, 30, 5)


@pytest.fixture
def plain_clinic(tmp_path: Path) -> Path:
    """A plain demo clinic of 25 patients with their photos, as Mesolog made them
    before encryption."""
    return plain_demo(tmp_path / "clinic.sqlite", 25, seed=3)


def logged_in(path: Path, login: str = "cmoreau", password: str = DEMO_PASSWORD):
    db = open_database(path)
    return db.acting_as(AccountService(db).authenticate(login, password).actor)


def photo_files(path: Path) -> dict[str, bytes]:
    folder = photo_folder_of(path)
    return {f.relative_to(folder).as_posix(): f.read_bytes()
            for f in folder.rglob("*") if f.is_file()}


def test_every_record_is_kept_and_the_plain_copy_stays_where_it_is(plain_clinic):
    administrator = logged_in(plain_clinic)
    plain_rows, plain_photos = every_row(plain_clinic), photo_files(plain_clinic)
    assert plain_photos  # the demo's photos
    encrypted = BackupService(administrator).encrypt(DEMO_PASSWORD, NOW)
    aside = encrypted.converted.plain_copy
    assert aside == plain_clinic.with_name("clinic-plain-20261127-093005.sqlite")
    assert inspect_file(plain_clinic).kind is FileKind.ENCRYPTED
    assert inspect_file(aside).kind is FileKind.MESOLOG  # still readable, kept whole
    assert every_row(aside) == plain_rows
    assert photo_files(aside) == plain_photos
    # every row of every table, a photo's file name and checksum aside (it is sealed)
    rows = every_row(plain_clinic, encrypted.converted.recovery.database_key())
    assert rows.keys() == plain_rows.keys()
    for table in rows:
        if table != "photo":
            assert rows[table] == plain_rows[table], table
    assert [row[:4] for row in rows["photo"]] == [row[:4] for row in plain_rows["photo"]]
    assert encrypted.need_a_new_password == ("Dr Tomasz Zieliński", "Ines Álvarez, RN",
                                             "Sam Becker")
    assert encrypted.converted.photos_sealed == len(plain_photos)

    db = logged_in(plain_clinic)  # the administrator's password opens it
    try:
        outcomes = Clinic.of(db, fixed_clock).outcomes
        for patient_id in {row[1] for row in rows["photo"]}:
            for photo in outcomes.photos(patient_id):
                picture, intact = outcomes.photo_contents(photo)
                assert intact and picture in plain_photos.values()
                assert photo.path.suffix == ".sealed"
        assert check_database(plain_clinic, db.key).ok
    finally:
        db.close()
    assert all(b"PNG" not in data[:64] for data in photo_files(plain_clinic).values())
    with pytest.raises(LoginRefused):  # no password of his was typed: reset first
        logged_in(plain_clinic, "tzielinski")
    again = open_database(plain_clinic, key=encrypted.converted.recovery.database_key())
    again.close()


def test_a_wrong_password_or_a_practitioner_changes_nothing(plain_clinic):
    administrator, practitioner = logged_in(plain_clinic), logged_in(plain_clinic, "tzielinski")
    before = every_row(plain_clinic)
    with pytest.raises(ValidationError, match="current password is wrong"):
        BackupService(administrator).encrypt("not my password", NOW)
    with pytest.raises(NotPermitted, match="a practitioner may not encrypt the database"):
        BackupService(practitioner).encrypt(DEMO_PASSWORD, NOW)
    assert every_row(plain_clinic) == before
    assert inspect_file(plain_clinic).kind is FileKind.MESOLOG
    assert not key_file_of(plain_clinic).exists()


def test_a_failure_on_the_way_leaves_the_plain_file_as_it_was(plain_clinic, monkeypatch):
    administrator = logged_in(plain_clinic)
    before = every_row(plain_clinic)

    def full_disk(*_args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(convert, "_verify", full_disk)
    with pytest.raises(OSError, match="No space"):
        BackupService(administrator).encrypt(DEMO_PASSWORD, NOW)
    monkeypatch.undo()
    assert inspect_file(plain_clinic).kind is FileKind.MESOLOG
    assert every_row(plain_clinic) == before
    assert sorted(p.name for p in plain_clinic.parent.iterdir()) == [
        "clinic-photos", "clinic.sqlite"]  # no half-made copy, no key file


def test_a_copy_left_by_a_killed_conversion_is_cleared_by_the_next(plain_clinic):
    leftover = plain_clinic.with_name("clinic.sqlite.encrypting")
    leftover.write_bytes(b"half a database")
    key_file_of(leftover).write_text("{}")
    BackupService(logged_in(plain_clinic)).encrypt(DEMO_PASSWORD, NOW)
    assert not leftover.exists() and not key_file_of(leftover).exists()
    assert inspect_file(plain_clinic).kind is FileKind.ENCRYPTED


def test_a_copy_that_differs_by_one_value_is_never_put_in_place(plain_clinic, monkeypatch):
    from contextlib import closing

    from mesolog.store import sqlite_files

    administrator = logged_in(plain_clinic)
    before = every_row(plain_clinic)
    real_seal = convert._seal_photos

    def and_a_changed_note(plain, target, key):
        done = real_seal(plain, target, key)
        with closing(sqlite_files.connect(target, key)) as conn, conn:
            conn.execute("UPDATE patient SET notes = notes || '.' WHERE id = 7")
        return done
    monkeypatch.setattr(convert, "_seal_photos", and_a_changed_note)
    with pytest.raises(DatabaseError, match=r"differs from clinic\.sqlite in patient"):
        BackupService(administrator).encrypt(DEMO_PASSWORD, NOW)
    assert inspect_file(plain_clinic).kind is FileKind.MESOLOG
    assert every_row(plain_clinic) == before
    assert not list(plain_clinic.parent.glob("*.encrypting*"))
