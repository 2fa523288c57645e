"""A full disk: one line and exit 1 from the command line, and nothing left behind."""

import errno
import os
import subprocess

import pytest

from mesolog.cli import main
from mesolog.services.demo import DEMO_PASSWORD


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    """A 256 KiB file system (a tmpfs, where the tests run as root and may mount one);
    elsewhere a folder where every write of the backup's manifest fails with ENOSPC."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = os.name == "posix" and os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)],
        capture_output=True).returncode == 0
    if not mounted:
        from mesolog.store import backup

        def full(path, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        monkeypatch.setattr(backup, "write_private", full)
    yield folder
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_backup_onto_a_full_disk_says_so_in_one_line_and_leaves_nothing(
        tmp_path, small_disk, capsys, monkeypatch):
    db_path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(db_path), "--patients", "60", "--seed", "3"]) == 0
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    capsys.readouterr()
    assert main(["backup", "--db", str(db_path), "-o", str(small_disk / "friday.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the disk is full" in err and "Traceback" not in err
    assert list(small_disk.iterdir()) == []  # no partial copy, photos or manifest


def test_a_report_into_a_read_only_folder_says_so_in_one_line(tmp_path, capsys, monkeypatch):
    db_path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(db_path), "--patients", "3"])
    out = tmp_path / "out"
    out.mkdir(mode=0o500)  # root writes there anyway: give root a read-only file system
    mounted = os.name == "posix" and os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(out)],
        capture_output=True).returncode == 0
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    capsys.readouterr()
    try:
        code = main(["report", "--db", str(db_path), "--patient", "P-00001", "-o",
                     str(out / "r.pdf")])
    finally:
        if mounted:
            subprocess.run(["umount", str(out)], check=True)
    err = capsys.readouterr().err
    if os.geteuid() == 0 and not mounted:
        pytest.skip("running as root without a read-only file system to write to")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "read-only" in err or "may not write there" in err
    assert list(out.iterdir()) == []
