from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from mesolog.ui import app as app_module
from mesolog.ui.login import FirstAdministratorDialog
from mesolog.ui.recovery_key_dialog import RecoveryKeyDialog
from tests.ui.modal import when_modal


def test_a_new_database_starts_with_the_first_account_then_the_window(qtbot, tmp_path):
    # run_application uses the default QSettings: point it at this test's folder
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    seen: list[str] = []

    def create_account(dialog: FirstAdministratorDialog) -> None:
        qtbot.keyClicks(dialog.name, "Dr Claire Moreau")
        qtbot.keyClicks(dialog.login, "cmoreau")
        qtbot.keyClicks(dialog.password, "correct horse battery")
        qtbot.keyClicks(dialog.repeat, "correct horse battery")
        dialog.buttons.accepted.emit()

        def put_off(recovery: RecoveryKeyDialog) -> None:
            seen.append(recovery.windowTitle())
            recovery.reject()  # Later
        when_modal(RecoveryKeyDialog, put_off)

        def look() -> None:
            windows = [w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QMainWindow) and w.isVisible()]
            seen.extend(w.windowTitle() for w in windows)
            for window in windows:  # put away without the closing backup
                QApplication.instance().removeEventFilter(window.gate)
                window.gate.idle.stop()
                window.database.close()
                window.hide()
                window.deleteLater()
            QApplication.exit(0)
        QTimer.singleShot(300, look)

    when_modal(FirstAdministratorDialog, create_account)
    assert app_module.run_application(tmp_path / "clinic.sqlite") == 0
    # a new database is encrypted: its recovery key is shown before the window is used
    assert seen == ["Recovery key — write it down", "clinic.sqlite[*] — Mesolog"]
