"""Two desks, two processes, one PostgreSQL database: what one saves reaches the other
within a second through the server's notice, and a save made on a version the other
desk has since changed is refused with the message a single desk gives."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mesolog.domain.validation import ConflictError
from mesolog.services.patients import PatientService
from mesolog.ui.common.change_notices import ChangeNotices
from tests.conftest import details, fixed_clock, open_as_administrator
from tests.ui.by_hand import type_by_hand

ROOT = Path(__file__).resolve().parents[2]


def test_a_save_on_one_desk_reaches_the_other_and_a_stale_save_is_refused(
        qtbot, server_database):
    db = open_as_administrator(server_database)
    notices = ChangeNotices(db)
    try:
        patients = PatientService(db, clock=fixed_clock)
        shown = patients.create(details())  # what this desk shows, at its version
        heard: list = []
        notices.changed.connect(heard.append)
        assert notices.poll.interval() > 1000  # not the poll: the notice wakes it
        started = time.monotonic()
        other = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "ui" / "desk.py"), server_database,
             "D-00002", str(shown.id)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        created = other.stdout.readline().split()
        assert created[0] == "created", created
        saved_at = time.monotonic()
        qtbot.waitUntil(lambda: any(c.by_another and int(created[1]) in c.patient_ids
                                    for c in heard), timeout=1000)
        assert time.monotonic() - saved_at < 1.0, time.monotonic() - started
        assert other.stdout.readline().split() == ["updated", str(shown.id)]
        assert other.wait(timeout=30) == 0
        qtbot.waitUntil(lambda: any(shown.id in c.patient_ids for c in heard), timeout=1000)
        # this desk saves over the other's change, from the version it showed: refused
        with pytest.raises(ConflictError, match="changed elsewhere"):
            patients.update(shown.id, shown.version, details(phone="+49 30 1111 1111"))
        assert patients.get(shown.id).details.phone == "+33 1 22 33 44 55"
    finally:
        notices.detach()
        db.close()


def test_the_window_on_a_server_searches_and_backs_it_up(
        qtbot, server_database, make_window, demo_template, tmp_path, monkeypatch):
    from mesolog.ui.patients.patient_list_model import NAME
    from tests.conftest import fill_with_demo

    db = fill_with_demo(open_as_administrator(server_database), demo_template(300, 5))
    window = make_window(db)
    assert server_database in window.windowTitle()
    assert window.backup_action.isVisible() and not window.restore_action.isVisible()
    assert not window.encrypt_action.isVisible()  # the server protects its own records
    qtbot.keyClicks(window.search_box, "nowak")
    from mesolog.services.patient_search import SearchQuery

    expected = PatientService(db).search(SearchQuery("nowak"))
    qtbot.waitUntil(lambda: window.model.rowCount() == len(expected) > 0)
    shown = [window.model.data(window.model.index(r, NAME))
             for r in range(window.model.rowCount())]
    assert all(name.startswith("Nowak") for name in shown)
    if os.environ.get("MESOLOG_SHOTS"):  # a picture to look at: MESOLOG_SHOTS=folder
        window.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "server-window.png"))

    # File > Back Up… makes the same set as on a file, named after the server database
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.ui.modal import answer_message_box

    suggested: list[str] = []
    backup = tmp_path / "server-backup.sqlite"

    def choose(parent, caption, suggestion, *filters):
        suggested.append(suggestion)
        return str(backup), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen, within_s=20)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
    assert Path(suggested[0]).name.startswith(f"{db.stem}-backup-")
    assert "The backup was made and checked" in seen[0] and "300 patients" in seen[0]
    assert backup.is_file()


@pytest.mark.qt_no_exception_capture
def test_a_lost_connection_is_said_once_and_nothing_typed_is_lost(
        qtbot, server_database, make_window, demo_template, error_home):
    """The cable between the desk and the server is pulled while a chart is being
    edited: the save is refused in words, the typing stays, the window says once that
    it is not connected (no error dialog for each read that fails meanwhile), and once
    the server answers again, the same Save stores it."""
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import fill_with_demo
    from tests.server_proxy import ServerProxy
    from tests.ui.conftest import click_row
    from tests.ui.modal import answer_message_box

    fill_with_demo(open_as_administrator(server_database), demo_template(300, 5)).close()
    cable = ServerProxy(server_database)
    window = make_window(open_as_administrator(cable.address))
    click_row(qtbot, window, 0)
    shown = window.form.patient
    phone = window.form.inputs["phone"]
    phone.clear()
    type_by_hand(qtbot, phone, "+49 30 7777 7777")
    typed = phone.text()

    cable.cut()
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert seen[0].startswith("Not saved: the connection to") and "is lost" in seen[0]
    assert phone.text() == typed and window.form.is_dirty()
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=5_000)
    assert "Not connected to the server" in window.connection_banner.text()

    qtbot.keyClicks(window.search_box, "nowak")  # reads that fail while it is cut
    qtbot.wait(600)
    assert error_home.last_dialog is None  # said by the banner, not by an error dialog
    assert phone.text() == typed

    cable.mend()
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)
    assert window.form.save()
    check = open_as_administrator(server_database)
    try:
        assert PatientService(check).get(shown.id).details.phone == typed
    finally:
        check.close()
    if os.environ.get("MESOLOG_SHOTS"):
        window.connection_banner.follow(False, "shown for the picture")
        window.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "server-lost.png"))
    cable.cut()
