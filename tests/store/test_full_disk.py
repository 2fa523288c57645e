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


def test_saving_on_a_full_disk_refuses_the_change_in_words_and_keeps_the_rest(tmp_path):
    from mesolog.domain.validation import NotStored
    from mesolog.services.patients import PatientService
    from tests.conftest import details, open_as_administrator

    folder = tmp_path / "small"
    folder.mkdir()
    if not (os.name == "posix" and os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
            capture_output=True).returncode == 0):
        pytest.skip("needs a small file system to fill (mounted where the tests run as root)")
    db = open_as_administrator(folder / "clinic.sqlite")
    try:
        patients = PatientService(db)
        stored = 0
        with pytest.raises(NotStored) as refused:
            for n in range(1000):
                patients.create(details(chart_no=f"P-{n:04}", notes="x" * 9_000))
                stored += 1
        assert "the disk is full" in str(refused.value)
        assert stored > 5 and patients.count() == stored  # the rest is whole
    finally:
        db.close()
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.sqlite_only("a full disk under the file")
def test_the_window_says_the_disk_is_full_and_keeps_the_edits(qtbot, db, settings,
                                                              monkeypatch):
    """What the store says on a full disk (the test above, on a real one) reaches the
    person at the desk as a message, and the edits stay for a second try."""
    from PySide6.QtWidgets import QMessageBox

    from mesolog.domain.validation import NotStored
    from mesolog.services.patients import PatientService
    from mesolog.ui.main_window import MainWindow
    from tests.conftest import details, fixed_clock
    from tests.ui.modal import answer_message_box

    PatientService(db).create(details())
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(db)
    window.show()
    window.list_view.selectRow(0)
    qtbot.keyClicks(window.form.inputs["notes"], " Seen again in December.")
    real_update = PatientService.update

    def full(self, *args):
        raise NotStored("Not saved: the disk is full. Nothing of the change was stored; "
                        "try again once that is put right.")
    monkeypatch.setattr(PatientService, "update", full)
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    assert not window.form.save()
    assert len(seen) == 1 and "the disk is full" in seen[0]
    assert window.form.is_dirty()  # the edits wait for a disk with room
    monkeypatch.setattr(PatientService, "update", real_update)
    assert window.form.save() and not window.form.is_dirty()
    assert "Seen again in December." in PatientService(db).get(1).details.notes
