"""Health records are their owner's alone: files 0600, folders 0700 (POSIX), whatever
the process's umask, through every path that writes them."""

import os
import stat
import subprocess
import sys
from datetime import date

import pytest

from mesolog.domain.photo import PhotoView
from mesolog.services.clinic import Clinic
from mesolog.services.demo import build_demo_clinic
from mesolog.services.reports import ReportKind, ReportService
from mesolog.store.backup import automatic_backup, backup_database, photo_folder_of
from mesolog.store.keys import key_file_of
from tests.conftest import NOW, details, fixed_clock, key_of, open_as_administrator
from tests.conftest import picture as make_picture

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def lax_umask():
    """The usual desktop umask, which would make new files world-readable."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_database_photos_backups_and_reports_are_the_owners_alone(tmp_path):
    path = tmp_path / "clinic.sqlite"
    db = open_as_administrator(path)
    try:
        clinic = Clinic.of(db, fixed_clock)
        patient = clinic.patients.create(details())
        for suffix in ("", "-wal", "-shm"):
            assert mode(f"{path}{suffix}") == 0o600, suffix
        picture = tmp_path / "scalp.png"
        make_picture(picture)
        photo = clinic.outcomes.attach_photo(patient.id, picture, PhotoView.VERTEX,
                                             date(2026, 11, 20), None)
        folder = photo_folder_of(path)
        assert mode(folder) == 0o700
        assert mode(photo.path) == 0o600 and photo.path.is_relative_to(folder)
        report = tmp_path / "report.pdf"
        ReportService(clinic).write(ReportKind.SUMMARY, patient.id, report, NOW)
        assert mode(report) == 0o600 and report.stat().st_size > 0
    finally:
        db.close()
    backup, key = tmp_path / "backup.sqlite", key_of(path)
    assert mode(key_file_of(path)) == 0o600
    backup_database(path, backup, key=key)
    assert mode(backup) == 0o600 and mode(key_file_of(backup)) == 0o600
    assert mode(photo_folder_of(backup)) == 0o700
    assert all(mode(p) == 0o600 for p in photo_folder_of(backup).rglob("*") if p.is_file())
    automatic_backup(path, tmp_path / "backups", NOW, key=key)
    assert mode(tmp_path / "backups") == 0o700
    assert all(mode(p) == 0o600 for p in (tmp_path / "backups").glob("*.sqlite"))


def test_the_command_line_writes_owner_only_files(tmp_path):
    path = tmp_path / "demo.sqlite"
    db = open_as_administrator(path)
    build_demo_clinic(db, 3, seed=2)
    db.close()
    env = {**os.environ, "MESOLOG_LOGIN": "cmoreau", "MESOLOG_PASSWORD": "mesolog-demo"}
    for args in (["backup", "-o", str(tmp_path / "b.sqlite")],
                 ["report", "--patient", "P-00001", "-o", str(tmp_path / "r.pdf")]):
        done = subprocess.run([sys.executable, "-m", "mesolog", "--db", str(path), *args],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "b.sqlite") == 0o600 and mode(tmp_path / "r.pdf") == 0o600
    assert mode(photo_folder_of(path)) == 0o700
