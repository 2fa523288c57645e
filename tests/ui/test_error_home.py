import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from mesolog.services.backups import BackupService
from mesolog.ui.common.error_home import ErrorHome
from tests.ui.by_hand import type_by_hand
from tests.ui.conftest import click_row


@pytest.mark.qt_no_exception_capture
def test_an_error_inside_long_work_is_shown_logged_and_the_unsaved_text_stays(
        qtbot, demo_window, error_home, tmp_path, monkeypatch):
    window = demo_window
    click_row(qtbot, window, 0)
    phone = window.form.inputs["phone"]
    type_by_hand(qtbot, phone, " ext. 12")
    typed = phone.text()
    assert window.form.is_dirty()

    def broken(self, target, progress):
        raise RuntimeError("the disk controller stopped answering")
    monkeypatch.setattr(BackupService, "back_up", broken)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "b.sqlite"), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: error_home.last_dialog is not None
                    and error_home.last_dialog.isVisible(), timeout=10_000)
    dialog = error_home.last_dialog
    assert "RuntimeError: the disk controller stopped answering" in dialog.message.text()
    assert "still open" in dialog.message.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "broken" in copied
    assert "the disk controller stopped answering" in error_home.log_path.read_text()
    dialog.reject()
    # nothing was closed or reverted: the unsaved text is there to be saved
    assert phone.text() == typed and window.form.is_dirty() and window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_helper_thread_reaches_the_same_dialog(qtbot, error_home):
    import threading

    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: error_home.last_dialog is not None, timeout=5000)
    assert "ZeroDivisionError" in error_home.last_dialog.message.text()
    error_home.last_dialog.reject()


def test_a_log_folder_that_cannot_be_made_is_no_reason_to_stop(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    home = ErrorHome(blocked / "logs")
    assert home.log_path is None
