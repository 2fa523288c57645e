"""Backups as self-describing sets, and restores that work on a bad day."""

import hashlib
import shutil
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesolog.cli import main
from mesolog.domain.photo import photo_folder_of
from mesolog.services.demo import DEMO_PASSWORD
from mesolog.store import sqlite_files
from mesolog.store.backup import backup_database, restore_database, verify_backup
from mesolog.store.backup_manifest import manifest_of, read_manifest
from mesolog.store.check import check_database
from mesolog.store.database import DatabaseError
from mesolog.store.keys import key_file_of
from tests.conftest import copy_clinic as copy_files
from tests.conftest import key_of


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def patients_in(path: Path) -> int:
    with closing(sqlite_files.connect(f"{path.as_uri()}?mode=ro", key_of(path),
                                      uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM patient").fetchone()[0]


@pytest.fixture(scope="module")
def clinic_with_photos(tmp_path_factory) -> Path:
    """A demo clinic of 30 patients, photos included (made once; tests copy it)."""
    path = tmp_path_factory.mktemp("clinic") / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "30", "--seed", "2"]) == 0
    return path


def copy_clinic(source: Path, folder: Path, name: str = "clinic.sqlite") -> Path:
    """A copy of a clinic or of a backup set, its manifest included."""
    folder.mkdir(parents=True, exist_ok=True)
    target = copy_files(source, folder / name)
    if manifest_of(source).exists():
        shutil.copy(manifest_of(source), manifest_of(target))
    return target


def photo_files(db_path: Path) -> list[Path]:
    return sorted(p for p in photo_folder_of(db_path).rglob("*") if p.is_file())


def test_a_missing_photo_is_named_and_the_backup_is_made(clinic_with_photos, tmp_path, capsys,
                                                         monkeypatch):
    live = copy_clinic(clinic_with_photos, tmp_path / "live")
    key = key_of(live)
    gone = photo_files(live)[0]
    name = gone.relative_to(photo_folder_of(live)).as_posix()
    gone.unlink()
    report = backup_database(live, tmp_path / "friday.sqlite", key=key,
                             made_by="Dr Claire Moreau")
    assert report.missing_photos == (name,)
    assert name in report.summary() and "attach them again" in report.summary()
    manifest = read_manifest(manifest_of(tmp_path / "friday.sqlite"))
    assert manifest.missing_photos == (name,) and manifest.made_by == "Dr Claire Moreau"
    assert len(manifest.photos) == report.photos == len(photo_files(live))
    assert verify_backup(tmp_path / "friday.sqlite", key).missing_photos == (name,)
    check = check_database(live, key)
    assert check.ok and f"photo missing: {name} (in {photo_folder_of(live)})" in check.findings
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["check", "--db", str(live)]) == 0
    assert f"photo missing: {name}" in capsys.readouterr().out


@pytest.mark.parametrize("state", ["zero bytes", "malformed", "missing", "truncated"])
def test_restore_works_whatever_state_the_live_database_is_in(clinic_with_photos, tmp_path,
                                                              state):
    live = copy_clinic(clinic_with_photos, tmp_path / "live")
    backup, key = tmp_path / "monday.sqlite", key_of(live)
    backup_database(live, backup, key=key)
    if state == "zero bytes":
        live.write_bytes(b"")
    elif state == "malformed":
        live.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif state == "missing":
        live.unlink()
    else:
        live.write_bytes(live.read_bytes()[:8192])
    before = live.read_bytes() if live.exists() else None
    kept = restore_database(backup, live, key=key)
    assert check_database(live, key).ok and patients_in(live) == 30
    assert len(photo_files(live)) == verify_backup(backup, key).photos
    assert kept is not None and photo_files(kept)  # the old photos went aside, kept
    if before is not None:  # and the old file with them, never deleted
        assert kept.read_bytes() == before


def test_restoring_a_database_onto_itself_is_refused(clinic_with_photos, tmp_path, capsys,
                                                     monkeypatch):
    live = copy_clinic(clinic_with_photos, tmp_path)
    with pytest.raises(DatabaseError, match="is the database itself"):
        restore_database(live, live, key=key_of(live))
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["restore", "--db", str(live), str(live)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is the database itself" in err
    assert not list(tmp_path.glob("*before-restore*")) and patients_in(live) == 30


@pytest.fixture(scope="module")
def backup_set(clinic_with_photos, tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("set")
    live = copy_clinic(clinic_with_photos, folder / "live")
    backup = folder / "sets" / "monday.sqlite"
    backup.parent.mkdir()
    backup_database(live, backup, key=key_of(live))
    return live, backup


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(part=st.integers(min_value=0, max_value=10_000), offset=st.floats(0, 1),
       flip=st.integers(min_value=1, max_value=255))
def test_a_backup_with_any_byte_changed_is_refused_and_nothing_restored(backup_set, part,
                                                                        offset, flip):
    source_live, source_backup = backup_set
    key = key_of(source_live)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        live = copy_clinic(source_live, folder / "live")
        backup = copy_clinic(source_backup, folder / "sets", "monday.sqlite")
        files = [backup, manifest_of(backup), key_file_of(backup), *photo_files(backup)]
        damaged = files[part % len(files)]
        data = bytearray(damaged.read_bytes())
        at = min(int(offset * len(data)), len(data) - 1)
        data[at] ^= flip
        damaged.write_bytes(bytes(data))
        before = digest(live)
        with pytest.raises(DatabaseError, match="damaged"):
            verify_backup(backup, key)
        with pytest.raises(DatabaseError):
            restore_database(backup, live, key=key)
        assert digest(live) == before
        assert not list(live.parent.glob("*before-restore*"))
        assert not list(live.parent.glob(".*"))  # no partial copy left behind


def test_a_wal_left_beside_the_database_is_read_not_merged(tmp_path):
    from mesolog.services.patients import PatientService
    from tests.conftest import details, open_as_administrator

    path = tmp_path / "clinic.sqlite"
    db = open_as_administrator(path)
    PatientService(db).create(details())
    db.close()
    key = key_of(path)
    writer = sqlite_files.connect(path, key, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # what a crashed desk leaves behind
    writer.execute("UPDATE patient SET notes = 'only in the -wal'")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm", ".keys"):
        shutil.copy(f"{path}{suffix}", crashed / f"clinic.sqlite{suffix}")
    writer.close()
    source = crashed / "clinic.sqlite"
    before = {s: digest(Path(f"{source}{s}")) for s in ("", "-wal")}
    backup_database(source, tmp_path / "copy.sqlite", key=key)
    assert {s: digest(Path(f"{source}{s}")) for s in ("", "-wal")} == before  # untouched
    with closing(sqlite_files.connect(tmp_path / "copy.sqlite", key)) as conn:
        assert conn.execute("SELECT notes FROM patient").fetchone()[0] == "only in the -wal"
    assert check_database(source, key).ok
    assert {s: digest(Path(f"{source}{s}")) for s in ("", "-wal")} == before
