"""Opening a plain clinic: the offer to encrypt it, and encrypting it from the window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from mesolog.services.demo import DEMO_PASSWORD
from mesolog.store.database import FileKind, inspect_file, open_database
from mesolog.ui.encryption_actions import EncryptDialog
from mesolog.ui.gate import LoginGate
from mesolog.ui.login import LoginDialog
from mesolog.ui.main_window import MainWindow
from mesolog.ui.recovery_key_dialog import RecoveryKeyDialog
from tests.conftest import fixed_clock, plain_demo
from tests.ui.modal import when_modal


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def log_in(qtbot, login: str = "cmoreau"):
    def type_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.login, login)
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    when_modal(LoginDialog, type_in)


def test_an_administrator_opening_a_plain_clinic_is_offered_to_encrypt_it(qtbot, settings,
                                                                          tmp_path):
    path = plain_demo(tmp_path / "clinic.sqlite", 12, seed=6)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    window.show()
    offered, said, later = [], [], []

    def accept_offer(box: QMessageBox) -> None:
        offered.append(box.text())
        encrypt = next(b for b in box.buttons() if b.text() == "Encrypt…")
        click(qtbot, encrypt)

    def confirm(dialog: EncryptDialog) -> None:
        qtbot.keyClicks(dialog.password, "not my password")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        said.append(dialog.errors.text("password"))
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    def encrypted(box: QMessageBox) -> None:
        said.append(box.text())
        log_in(qtbot)  # the encrypted file is logged in to again
        when_modal(RecoveryKeyDialog, lambda d: (later.append(d), d.reject()))
        box.button(QMessageBox.StandardButton.Ok).click()

    log_in(qtbot)
    when_modal(QMessageBox, accept_offer, fits=lambda box: box.windowTitle() == "Not encrypted")
    when_modal(EncryptDialog, confirm)
    when_modal(QMessageBox, encrypted, fits=lambda box: box.windowTitle() == "Encrypted")
    assert window.admit_and_attach(open_database(path))
    qtbot.waitUntil(lambda: bool(later), timeout=20_000)
    assert "clinic.sqlite is not encrypted" in offered[0]
    assert said[0] == "The current password is wrong."
    (kept,) = tmp_path.glob("clinic-plain-*.sqlite")
    assert f"The plain copy is kept as {kept}" in said[1] and "Dr Tomasz Zieliński" in said[1]
    qtbot.waitUntil(lambda: window.database is not None and window.database.encrypted)
    assert inspect_file(path).kind is FileKind.ENCRYPTED
    assert window.model.rowCount() == 12  # the same clinic, now encrypted
    assert not window.encrypt_action.isVisible()  # nothing more to offer


def test_not_now_leaves_it_plain_and_the_file_menu_still_offers_it(qtbot, settings, tmp_path):
    path = plain_demo(tmp_path / "clinic.sqlite", 3, seed=6)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    log_in(qtbot)
    when_modal(QMessageBox, lambda box: click(qtbot, next(
        b for b in box.buttons() if b.text() == "Not Now")))
    assert window.admit_and_attach(open_database(path))
    assert inspect_file(path).kind is FileKind.MESOLOG
    assert window.encrypt_action.isVisible() and window.encrypt_action.isEnabled()
    window.database.close()


def test_a_practitioner_is_not_offered_it(qtbot, settings, tmp_path):
    path = plain_demo(tmp_path / "clinic.sqlite", 3, seed=6)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    log_in(qtbot, "tzielinski")
    assert window.admit_and_attach(open_database(path))  # no offer: no dialog waits
    assert not window.encrypt_action.isVisible()
    window.database.close()
