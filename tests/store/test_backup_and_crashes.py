import hashlib
import os
import signal
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from mesolog.cli import main
from mesolog.store import sqlite_files
from mesolog.store.backup import backup_database, restore_database, verify_backup
from mesolog.store.check import check_database
from mesolog.store.database import DatabaseError, open_database
from tests.conftest import key_of

WRITER = Path(__file__).with_name("writer.py")


def start_writer(db_path: Path, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), str(db_path), str(count)],
                            stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parents[2])


def committed(lines: list[str]) -> set[str]:
    return {line.strip() for line in lines if line.startswith("W-")}


def charts(path: Path, key=None) -> set[str]:
    with closing(sqlite_files.connect(path, key or key_of(path))) as conn:
        return {r[0] for r in conn.execute("SELECT chart_no FROM patient")}


def test_killing_a_writer_loses_no_committed_record(tmp_path):
    db_path = tmp_path / "clinic.sqlite"
    open_database(db_path).close()
    writer = start_writer(db_path, 100_000)
    seen = []
    while len(seen) < 150:  # let it commit a good number, then kill it mid-write
        seen.append(writer.stdout.readline())
    os.kill(writer.pid, signal.SIGKILL)
    rest = writer.stdout.read().splitlines()
    writer.wait()
    done = committed(seen + rest)
    stored = charts(db_path)
    assert len(done) >= 150
    assert done <= stored  # every committed record is there (and at most one more)
    assert len(stored - done) <= 1
    assert check_database(db_path, key_of(db_path)).ok


def test_a_backup_taken_while_another_process_writes_restores_whole(tmp_path):
    db_path = tmp_path / "clinic.sqlite"
    open_database(db_path).close()
    writer = start_writer(db_path, 400)
    before = committed([writer.stdout.readline() for _ in range(50)])
    key = key_of(db_path)
    report = backup_database(db_path, tmp_path / "backup.sqlite", key=key)
    writer.stdout.read()
    writer.wait()
    assert report.rows["patient"] >= 50
    restored = tmp_path / "restored.sqlite"
    assert restore_database(tmp_path / "backup.sqlite", restored, key=key) is None
    assert check_database(restored, key).ok
    assert before <= charts(restored)
    assert len(charts(restored)) == report.rows["patient"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_login(monkeypatch):
    from mesolog.services.demo import DEMO_PASSWORD

    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)


def test_restore_checks_the_backup_before_touching_anything(tmp_path, capsys, demo_login):
    db_path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(db_path), "--patients", "40", "--seed", "2"]) == 0
    backup = tmp_path / "monday.sqlite"
    assert main(["backup", "--db", str(db_path), "-o", str(backup)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    data = bytearray(backup.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4096] = b"\x00" * 4096
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    before = digest(db_path)
    assert main(["restore", "--db", str(db_path), str(damaged)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert digest(db_path) == before
    assert not list(tmp_path.glob("clinic.before-restore-*"))


def test_restore_brings_back_the_backup_and_keeps_the_replaced_database(tmp_path, capsys,
                                                                       demo_login):
    db_path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(db_path), "--patients", "30", "--seed", "2"])
    backup = tmp_path / "monday.sqlite"
    main(["backup", "--db", str(db_path), "-o", str(backup)])
    key = key_of(db_path)
    assert verify_backup(backup, key).photos > 0
    with closing(sqlite_files.connect(db_path, key)) as conn:
        conn.execute("UPDATE patient SET notes = 'changed after the backup' WHERE id = 1")
        conn.commit()
    capsys.readouterr()
    assert main(["restore", "--db", str(db_path), str(backup)]) == 0
    (kept,) = tmp_path.glob("clinic.before-restore-*.sqlite")
    assert f"kept as {kept}" in capsys.readouterr().out
    with closing(sqlite_files.connect(db_path, key)) as conn:
        assert conn.execute("SELECT notes FROM patient WHERE id = 1").fetchone()[0] != \
            "changed after the backup"
    with closing(sqlite_files.connect(kept, key)) as conn:
        assert conn.execute("SELECT notes FROM patient WHERE id = 1").fetchone()[0] == \
            "changed after the backup"
    assert check_database(db_path, key).ok


def test_a_backup_never_overwrites(tmp_path):
    db_path = tmp_path / "clinic.sqlite"
    open_database(db_path).close()
    (tmp_path / "taken.sqlite").write_text("someone's file")
    with pytest.raises(DatabaseError, match="already exists"):
        backup_database(db_path, tmp_path / "taken.sqlite", key=key_of(db_path))
    assert (tmp_path / "taken.sqlite").read_text() == "someone's file"



def test_automatic_backups_once_a_day_with_rotation(tmp_path):
    from datetime import datetime, timedelta

    from mesolog.store.backup import automatic_backup, automatic_backups

    db_path = tmp_path / "clinic.sqlite"
    open_database(db_path).close()
    folder, key = tmp_path / "backups", key_of(db_path)
    start = datetime(2026, 10, 1, 19, 0)
    for day in range(40):
        assert automatic_backup(db_path, folder, start + timedelta(days=day),
                                key=key) is not None
    assert automatic_backup(db_path, folder, start + timedelta(days=39, hours=2),
                            key=key) is None
    kept = automatic_backups(folder, db_path)
    assert max(kept) == start + timedelta(days=39)
    assert 7 <= len(kept) <= 11 and len(list(folder.glob("*.sqlite"))) == len(kept)
    assert all(check_database(path, key).ok for path in kept.values())


def test_two_instances_editing_one_patient_the_second_save_is_refused(tmp_path):
    from dataclasses import replace as changed

    from mesolog.services.patients import PatientService
    from tests.conftest import details, open_as_administrator

    db_path = tmp_path / "clinic.sqlite"
    db = open_as_administrator(db_path)
    patients = PatientService(db)
    patient = patients.create(details())
    other = subprocess.Popen([sys.executable, str(Path(__file__).with_name("stale_editor.py")),
                              str(db_path), str(patient.id)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    assert other.stdout.readline().strip() == f"opened {patient.version}"
    patients.update(patient.id, patient.version, changed(patient.details, notes="first instance"))
    out, _ = other.communicate("go\n", timeout=60)
    assert out.startswith("conflict: Öztürk, Zeynep was changed elsewhere")
    assert patients.get(patient.id).details.notes == "first instance"  # never overwritten
    db.close()


def test_the_command_line_asks_who_reads_the_records(tmp_path, capsys, monkeypatch):
    db_path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(db_path), "--patients", "5"])
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", "not the password")
    capsys.readouterr()
    assert main(["backup", "--db", str(db_path), "-o", str(tmp_path / "b.sqlite")]) == 1
    assert capsys.readouterr().err == "mesolog: Wrong login or password.\n"
    assert not (tmp_path / "b.sqlite").exists()
