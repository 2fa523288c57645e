"""A database that cannot be written (a read-only disk, file or folder) opens read-only:
everything reads and prints, nothing is written, and the window says so."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mesolog.cli import main
from mesolog.domain.permissions import NotPermitted
from mesolog.services.accounts import AccountService
from mesolog.services.clinic import Clinic
from mesolog.services.demo import DEMO_PASSWORD
from mesolog.store.database import open_database
from tests.conftest import details, fixed_clock


@pytest.fixture
def read_only_copy(tmp_path):
    """A demo clinic on a read-only tmpfs (where the tests run as root), else in a folder
    and file whose write permissions are taken away."""
    made = tmp_path / "made" / "clinic.sqlite"
    made.parent.mkdir()
    assert main(["demo", "--db", str(made), "--patients", "5"]) == 0
    folder = tmp_path / "ro"
    folder.mkdir()
    root = os.name == "posix" and os.geteuid() == 0
    if root:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                       check=True)
    shutil.copy(made, folder / "clinic.sqlite")
    shutil.copy(made.with_name("clinic.sqlite.keys"), folder / "clinic.sqlite.keys")
    shutil.copytree(made.with_name("clinic-photos"), folder / "clinic-photos")
    if root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        (folder / "clinic.sqlite").chmod(0o400)
        folder.chmod(0o500)
    yield folder / "clinic.sqlite"
    if root:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o700)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_it_reads_logs_in_and_prints_but_writes_nothing(read_only_copy, tmp_path, capsys,
                                                       monkeypatch):
    before = digest(read_only_copy)
    db = open_database(read_only_copy)
    try:
        assert "read-only" in db.read_only
        logged_in = AccountService(db, fixed_clock).authenticate("cmoreau", DEMO_PASSWORD)
        clinic = Clinic.of(db.acting_as(logged_in.actor), fixed_clock)
        assert clinic.patients.count() == 5 and clinic.actor.read_only
        with pytest.raises(NotPermitted, match=r"open read-only .* nobody may add a patient"):
            clinic.patients.create(details(chart_no="P-NEW"))
    finally:
        db.close()
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["report", "--db", str(read_only_copy), "--patient", "P-00001", "-o",
                 str(tmp_path / "r.pdf")]) == 0
    assert main(["check", "--db", str(read_only_copy)]) == 0
    assert main(["backup", "--db", str(read_only_copy), "-o", str(tmp_path / "b.sqlite")]) == 0
    assert digest(read_only_copy) == before
    assert sorted(p.name for p in read_only_copy.parent.iterdir()) == [
        "clinic-photos", "clinic.sqlite", "clinic.sqlite.keys"]


def test_the_window_says_read_only_and_greys_every_change(qtbot, settings, read_only_copy):
    from mesolog.ui.main_window import MainWindow

    db = open_database(read_only_copy)
    actor = AccountService(db, fixed_clock).authenticate("cmoreau", DEMO_PASSWORD).actor
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window)
    window.attach(db.acting_as(actor))
    window.show()
    banner = window.list_panel.read_only_banner
    assert banner.isVisible() and "nothing can be saved" in banner.text()
    assert "(read-only)" in window.windowTitle()
    assert not window.new_patient_action.isEnabled()
    assert "open read-only" in window.new_patient_action.toolTip()
    window.list_view.selectRow(0)
    assert window.form.patient is not None and not window.new_session_action.isEnabled()
    assert window.form.inputs["last_name"].isReadOnly()  # the chart reads, and says why
    assert not window.form.no_known_allergies.isEnabled()
