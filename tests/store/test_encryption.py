"""An encrypted database: unreadable without a login, open with the right one."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mesolog.domain.photo import Photo, PhotoView, photo_folder_of
from mesolog.domain.practitioner import Role
from mesolog.services.accounts import AccountService, LoginRefused
from mesolog.services.clinic import Clinic
from mesolog.services.outcomes import OutcomeService
from mesolog.services.patient_search import SearchQuery
from mesolog.services.patients import PatientService
from mesolog.store.backup import backup_database, restore_database
from mesolog.store.check import check_database
from mesolog.store.database import DatabaseError, FileKind, inspect_file, open_database
from mesolog.store.keys import KeyFile, RecoveryKey, key_file_of
from tests.conftest import details, every_row, fixed_clock, picture

NAME, CHART_NO = "Kowalczyk-Öztürk", "P-31415"
ADMIN_PASSWORD = "correct horse battery"


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[Path, RecoveryKey]:
    """An encrypted clinic with an administrator (login admin) and one patient; its
    recovery key, copied by the administrator (the key file no longer holds it)."""
    path = tmp_path / "clinic.sqlite"
    db = open_database(path, encrypt=True)
    try:
        accounts = AccountService(db, fixed_clock)
        admin = accounts.create_first_administrator("Dr Claire Moreau", "admin",
                                                    ADMIN_PASSWORD)
        as_admin = db.acting_as(admin.actor)
        recovery = AccountService(as_admin).pending_recovery_key()
        assert recovery is not None
        AccountService(as_admin).recovery_key_copied()
        PatientService(as_admin, fixed_clock).create(details(last_name=NAME,
                                                             chart_no=CHART_NO))
    finally:
        db.close()
    return path, recovery


def clinic_key(path: Path):
    db = log_in(path)
    try:
        return db.key
    finally:
        db.close()


def log_in(path: Path, login: str = "admin", password: str = ADMIN_PASSWORD):
    db = open_database(path)
    return db.acting_as(AccountService(db).authenticate(login, password).actor)


def labelled_photo(path: Path) -> Path:
    """A PNG that carries the patient's name and chart number in its own text chunks,
    as some cameras and scanners write them."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    label = PngInfo()
    label.add_text("Patient", f"{NAME} {CHART_NO}")
    Image.new("RGB", (40, 30), (200, 150, 120)).save(path, pnginfo=label)
    return path


def test_no_byte_of_the_files_holds_a_name_or_chart_number(clinic, tmp_path):
    path, _ = clinic
    db = log_in(path)
    try:
        patient = PatientService(db, fixed_clock).create(details(last_name="Zieliński",
                                                                 chart_no="P-27182"))
        source = labelled_photo(tmp_path / f"{NAME}.png")
        outcomes = Clinic.of(db, fixed_clock).outcomes
        photo = outcomes.attach_photo(patient.id, source, PhotoView.VERTEX, date(2026, 11, 1))
        wal = Path(f"{path}-wal")
        assert wal.exists()  # the last change is still in the write-ahead log
        backup_database(path, tmp_path / "backup.sqlite", key=db.key)
        assert outcomes.photo_contents(photo) == (source.read_bytes(), True)  # in memory
    finally:
        db.close()
    photos = [*photo_folder_of(path).rglob("*"), *photo_folder_of(tmp_path / "backup.sqlite"
                                                                  ).rglob("*")]
    photo_files = [f for f in photos if f.is_file()]
    assert [f.suffix for f in photo_files] == [".sealed", ".sealed"]  # no format in the name
    assert all(NAME not in str(f) for f in photos)
    files = [path, wal, key_file_of(path), tmp_path / "backup.sqlite",
             key_file_of(tmp_path / "backup.sqlite"), *photo_files]
    for file in files:
        data = file.read_bytes() if file.exists() else b""
        for secret in (NAME, CHART_NO, "Zieliński", "P-27182", "Moreau", "admin"):
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, (file.name, secret)
    for file in photo_files:
        assert b"PNG" not in file.read_bytes()[:64] and b"IHDR" not in file.read_bytes()


def test_a_changed_byte_in_a_sealed_photo_is_found_and_nothing_of_it_shown(clinic, tmp_path):
    path, _ = clinic
    db = log_in(path)
    try:
        clinic_ = Clinic.of(db, fixed_clock)
        (patient_id,) = clinic_.patients.search(SearchQuery(text=CHART_NO))
        first, second = (clinic_.outcomes.attach_photo(
            patient_id, picture(tmp_path / f"{n}.png", shade=n), PhotoView.VERTEX,
            date(2026, 11, n)) for n in (1, 2))
        sealed = bytearray(first.path.read_bytes())
        sealed[len(sealed) // 2] ^= 0x01
        first.path.write_bytes(bytes(sealed))
        assert clinic_.outcomes.photo_contents(first) == (None, False)
        assert not clinic_.outcomes.photo_intact(first)
        assert clinic_.outcomes.photo_contents(second)[1]
        # the copy of another clinic's sealed photo does not open with this key
        other = open_database(tmp_path / "other.sqlite", encrypt=True)
        try:
            stranger = Photo(second.id, second.patient_id, None, PhotoView.VERTEX,
                             second.taken_on, second.path, second.sha256)
            assert OutcomeService(other).photo_contents(stranger) == (None, True)
        finally:
            other.close()
    finally:
        db.close()
    report = check_database(path, clinic_key(path))
    assert report.ok  # the records are sound; the photo is named as changed
    assert any(first.path.name in f for f in report.findings)


def test_plain_sqlite_cannot_read_it(clinic):
    path, _ = clinic
    # the sqlite3 module, as the sqlite3 tool would, in a process of its own
    script = ("import sqlite3, sys\n"
              "try:\n"
              "    sqlite3.connect(sys.argv[1]).execute('SELECT * FROM patient').fetchall()\n"
              "except sqlite3.DatabaseError as e:\n"
              "    print(e)\n")
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert "file is not a database" in out
    assert inspect_file(path).kind is FileKind.ENCRYPTED


def test_a_wrong_password_never_opens_it_and_the_right_one_does(clinic):
    path, _ = clinic
    db = open_database(path)
    try:
        assert db.locked and AccountService(db).has_accounts()
        for login, password in (("admin", "wrong horse battery"), ("nobody", ADMIN_PASSWORD)):
            with pytest.raises(LoginRefused, match="Wrong login or password"):
                AccountService(db).authenticate(login, password)
            assert db.locked
        logged_in = AccountService(db).authenticate("admin", ADMIN_PASSWORD)
        assert not db.locked
        patients = PatientService(db.acting_as(logged_in.actor))
        (found,) = patients.search(SearchQuery(text=NAME))
        assert patients.get(found).details.chart_no == CHART_NO
    finally:
        db.close()


def test_the_recovery_key_opens_it_even_without_its_key_file(clinic):
    path, recovery = clinic
    key_file_of(path).rename(path.with_name("elsewhere.keys"))
    with pytest.raises(DatabaseError, match=r"key file clinic\.sqlite\.keys is missing"):
        open_database(path)
    path.with_name("elsewhere.keys").rename(key_file_of(path))
    typed = str(recovery).lower().replace("-", " ")
    db = open_database(path, key=RecoveryKey.parse(typed).database_key())
    try:
        assert not db.locked
        assert db.fetch_all("SELECT chart_no FROM patient") == [(CHART_NO,)]
    finally:
        db.close()
    other = RecoveryKey.new().database_key()
    with pytest.raises(DatabaseError, match="does not open"):
        open_database(path, key=other)


def test_accounts_added_reset_and_deactivated_keep_the_records_open_for_the_others(clinic):
    path, _ = clinic
    db = log_in(path)
    try:
        accounts = AccountService(db, fixed_clock)
        nurse = accounts.add_account("Nurse Ana", "ana", Role.PRACTITIONER, "first password 1")
        doctor = accounts.add_account("Dr Ben", "ben", Role.PRACTITIONER, "first password 2")
        accounts.reset_password(doctor.id, "reset password 22")
        accounts.set_active(nurse.id, False)
    finally:
        db.close()
    keys = KeyFile.read(key_file_of(path))
    assert not keys.has_slot("ana") and keys.has_slot("ben") and keys.has_slot("admin")
    for login, password in (("ben", "reset password 22"), ("admin", ADMIN_PASSWORD)):
        db = log_in(path, login, password)
        try:
            patients = PatientService(db)
            (found,) = patients.search(SearchQuery(text=CHART_NO))
            assert patients.get(found).details.last_name == NAME
        finally:
            db.close()
    for login, password in (("ana", "first password 1"), ("ben", "first password 2")):
        db = open_database(path)
        try:
            with pytest.raises(LoginRefused):
                AccountService(db).authenticate(login, password)
        finally:
            db.close()
    db = log_in(path)
    try:  # back with a password the administrator chose, which locks the key for her again
        AccountService(db, fixed_clock).set_active(nurse.id, True, "welcome back 333")
    finally:
        db.close()
    db = open_database(path)
    try:
        assert AccountService(db).authenticate("ana", "welcome back 333").must_change_password
        assert db.fetch_all("SELECT chart_no FROM patient") == [(CHART_NO,)]
    finally:
        db.close()


def test_a_flipped_byte_is_found_by_check(clinic):
    path, recovery = clinic
    key = recovery.database_key()
    assert check_database(path, key).ok
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # in a page no query of the check need read
    path.write_bytes(bytes(data))
    report = check_database(path, key)
    assert not report.ok
    assert any("authentication check" in problem
               for problem in report.problems), report.problems


def test_a_backup_restores_with_the_clinics_key_and_every_row(clinic, tmp_path):
    path, recovery = clinic
    key = recovery.database_key()
    backup = tmp_path / "backup.sqlite"
    backup_database(path, backup, key=key)
    before = every_row(path, key)
    db = log_in(path)
    try:
        PatientService(db, fixed_clock).create(details(last_name="Later", chart_no="P-2"))
    finally:
        db.close()
    with pytest.raises(DatabaseError, match="another clinic's key"):
        restore_database(backup, path, key=RecoveryKey.new().database_key())
    kept = restore_database(backup, path, key=key)
    assert kept is not None and key_file_of(kept).exists()
    assert every_row(path, key) == before
    # the restored set carries its key file: the password of then opens it
    db = log_in(path)
    db.close()


def test_a_full_disk_while_the_key_file_is_written_changes_nothing(clinic, monkeypatch):
    import errno

    from mesolog.domain.validation import NotStored

    path, _ = clinic
    db = log_in(path)
    try:
        accounts = AccountService(db, fixed_clock)
        colleague = accounts.add_account("Dr Ben", "ben", Role.PRACTITIONER, "first password 2")
        before = key_file_of(path).read_bytes()

        def full(self, where):
            raise OSError(errno.ENOSPC, "No space left on device", str(where))
        monkeypatch.setattr(KeyFile, "write", full)
        with pytest.raises(NotStored, match="the disk is full"):
            accounts.reset_password(colleague.id, "reset password 22")
        monkeypatch.undo()
        assert key_file_of(path).read_bytes() == before
    finally:
        db.close()
    # neither the slot nor the account's hash moved: the first password still logs in
    db = log_in(path, "ben", "first password 2")
    db.close()
