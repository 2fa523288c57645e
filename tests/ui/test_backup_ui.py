from contextlib import closing

from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesolog.services.demo import build_demo_clinic
from mesolog.store import sqlite_files
from mesolog.ui.gate import OpenGate
from mesolog.ui.main_window import MainWindow
from tests.conftest import fixed_clock, key_of
from tests.ui.modal import answer_message_box


def test_back_up_then_restore_from_the_file_menu(qtbot, db, db_path, settings, tmp_path,
                                                 monkeypatch):
    build_demo_clinic(db, 25, seed=3)
    # after a restore the file is logged in to again (as the same person, here)
    window = MainWindow(settings, clock=fixed_clock, gate=OpenGate(db.actor))
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(db)
    window.show()
    backup = tmp_path / "friday.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    seen: list[str] = []

    answer_message_box(QMessageBox.StandardButton.Ok, seen, within_s=10)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    assert backup.is_file() and seen == ["The backup was made and checked.\n\n"
                                         + seen[0].split("\n\n", 1)[1]]
    assert "integrity ok" in seen[0] and "25 patients" in seen[0]

    with closing(sqlite_files.connect(db_path, db.key)) as conn:
        conn.execute("UPDATE patient SET notes = 'after the backup' WHERE id = 1")
        conn.commit()
    answer_message_box(QMessageBox.StandardButton.Yes, seen)  # replace?
    answer_message_box(QMessageBox.StandardButton.Ok, seen, within_s=20)  # done
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=20_000)
    assert "Replace clinic.sqlite by the backup friday.sqlite?" in seen[1]
    assert "now holds the backup" in seen[2] and "kept as" in seen[2]
    assert window.database.path == db_path
    assert window.model.rowCount() > 20
    assert window.database.fetch_all("SELECT notes FROM patient WHERE id = 1")[0][0] != \
        "after the backup"
    assert list(tmp_path.glob("clinic.before-restore-*.sqlite"))


def test_closing_makes_the_days_automatic_backup_where_preferences_say(qtbot, db, db_path,
                                                                       settings, tmp_path):
    from mesolog.ui.clinic.preferences import PreferencesDialog
    from mesolog.ui.common import settings as opt

    build_demo_clinic(db, 5, seed=1)
    settings.set(opt.AUTO_BACKUP, True)
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window)
    window.attach(db)
    window.show()
    dialog = PreferencesDialog(settings, db_path, parent=window)
    assert dialog.folder.text() == str(tmp_path / "backups")  # the default, beside the database
    dialog.folder.setText(str(tmp_path / "elsewhere"))
    dialog.idle_lock.setValue(5)
    dialog.accept()
    assert settings.get(opt.IDLE_LOCK_MINUTES) == 5
    assert settings.get(opt.BACKUP_FOLDER) == str(tmp_path / "elsewhere")
    window.close()  # the backup first, its progress shown; then the window closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    made = list((tmp_path / "elsewhere").glob("auto-clinic-*.sqlite"))
    assert len(made) == 1


def test_a_failed_automatic_backup_is_shown_and_made_at_the_next_start(qtbot, db, db_path,
                                                                        settings, tmp_path):
    from mesolog.ui import app as app_module
    from mesolog.ui.common import settings as opt

    build_demo_clinic(db, 5, seed=1)
    actor = db.actor
    settings.set(opt.AUTO_BACKUP, True)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    settings.set(opt.BACKUP_FOLDER, str(blocked))
    window = MainWindow(settings, clock=fixed_clock, gate=OpenGate(actor))
    qtbot.addWidget(window)
    window.attach(db)
    window.show()
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert len(seen) == 1 and "tried again when this database is next opened" in seen[0]
    assert settings.get(opt.BACKUP_OWED) == str(db_path)

    settings.set(opt.BACKUP_FOLDER, str(tmp_path / "backups"))  # the folder is fixed
    again = MainWindow(settings, clock=fixed_clock, gate=OpenGate(actor, key_of))
    qtbot.addWidget(again)
    again.show()
    app_module._open_first_database(again, db_path)
    qtbot.waitUntil(lambda: bool(list((tmp_path / "backups").glob("auto-clinic-*.sqlite"))),
                    timeout=10_000)
    qtbot.waitUntil(lambda: "failed last time" in again.statusBar().currentMessage())
    assert settings.get(opt.BACKUP_OWED) == ""
    assert "failed last time was made now" in again.statusBar().currentMessage()


def test_a_backup_is_made_off_the_windows_thread_which_keeps_running(
        qtbot, db, settings, tmp_path, monkeypatch, demo_template):
    import threading

    from PySide6.QtCore import QTimer

    from mesolog.services.backups import BackupService
    from tests.conftest import fill_with_demo

    fill_with_demo(db, demo_template(300, 5))
    window = MainWindow(settings, clock=fixed_clock, gate=OpenGate(db.actor))
    qtbot.addWidget(window)
    window.attach(db)
    window.show()
    backup = tmp_path / "monday.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    made_on, counted, ticks = [], [], []
    real_back_up = BackupService.back_up

    def watched(self, target, progress):
        made_on.append(threading.current_thread())
        return real_back_up(self, target, lambda *step: (counted.append(step),
                                                         progress(*step)))
    monkeypatch.setattr(BackupService, "back_up", watched)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.backup_action.isEnabled()))
    timer.start(1)
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen, within_s=20)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
    timer.stop()
    assert made_on and made_on[0] is not threading.main_thread()
    assert ticks  # the window's timer fired while the backup was made
    assert any(what == "copying the database" for _, _, what in counted)
    assert backup.is_file() and "integrity ok" in seen[0]
