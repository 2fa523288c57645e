"""The recovery key: shown to the first administrator, typed back, then forgotten."""

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.services.accounts import AccountService
from mesolog.store.database import open_database
from mesolog.store.keys import KeyFile, key_file_of
from mesolog.ui.gate import LoginGate
from mesolog.ui.login import FirstAdministratorDialog, LoginDialog
from mesolog.ui.main_window import MainWindow
from mesolog.ui.recovery_key_dialog import RecoveryKeyDialog
from tests.conftest import fixed_clock
from tests.ui.modal import when_modal

PASSWORD = "correct horse battery"


def click(qtbot, dialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def first_administrator(qtbot, dialog: FirstAdministratorDialog) -> None:
    qtbot.keyClicks(dialog.name, "Dr Claire Moreau")
    qtbot.keyClicks(dialog.login, "cmoreau")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)


def test_the_first_administrator_copies_the_recovery_key_then_it_is_gone(
        qtbot, settings, tmp_path):
    path = tmp_path / "clinic.sqlite"
    db = open_database(path, encrypt=True)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    shown: list[tuple[str, list[str]]] = []

    def copy_back(dialog: RecoveryKeyDialog) -> None:
        groups = KeyFile.read(key_file_of(path)).waiting_recovery_key(db.key).groups
        shown.append((dialog.key_label.text(), groups))
        first, second = dialog.typed
        qtbot.keyClicks(first, "XXXX")  # a group copied wrong is said at its field
        qtbot.keyClicks(second, groups[dialog.asked[1]].lower())  # case does not matter
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()
        assert dialog.errors.text(f"group{dialog.asked[0]}").startswith(
            f"This is not group {dialog.asked[0] + 1}")
        assert KeyFile.read(key_file_of(path)).has_waiting_recovery_key()  # still kept
        first.clear()
        qtbot.keyClicks(first, groups[dialog.asked[0]])
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    when_modal(FirstAdministratorDialog, lambda d: first_administrator(qtbot, d))
    when_modal(RecoveryKeyDialog, copy_back)
    assert window.admit_and_attach(db)
    text, groups = shown[0]
    assert len(groups) == 8 and all(group in text for group in groups)
    assert not KeyFile.read(key_file_of(path)).has_waiting_recovery_key()
    assert AccountService(window.database).pending_recovery_key() is None


def test_later_shows_it_again_at_an_administrators_next_login(qtbot, settings, tmp_path):
    path = tmp_path / "clinic.sqlite"
    db = open_database(path, encrypt=True)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    later: list[bool] = []

    def put_off(dialog: RecoveryKeyDialog) -> None:
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
        later.append(True)
    when_modal(FirstAdministratorDialog, lambda d: first_administrator(qtbot, d))
    when_modal(RecoveryKeyDialog, put_off)
    assert window.admit_and_attach(db)  # "Later" goes on into the records
    assert later == [True] and window.database.actor.name == "Dr Claire Moreau"
    window.database.close()

    again = open_database(path)
    assert again.locked  # the key kept is sealed: it does not open the file by itself

    def log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.login, "cmoreau")
        qtbot.keyClicks(dialog.password, PASSWORD)
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    when_modal(LoginDialog, log_in)
    when_modal(RecoveryKeyDialog, put_off)
    assert window.admit_and_attach(again)
    assert later == [True, True]


def test_the_printed_page_holds_the_key(qtbot, tmp_path):
    db = open_database(tmp_path / "clinic.sqlite", encrypt=True)
    admin = AccountService(db, fixed_clock).create_first_administrator(
        "Dr Claire Moreau", "cmoreau", PASSWORD)
    accounts = AccountService(db.acting_as(admin.actor))
    recovery = accounts.pending_recovery_key()
    dialog = RecoveryKeyDialog(accounts, recovery)
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    dialog.print_on(printer)
    text = subprocess.run(["pdftotext", str(tmp_path / "key.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert all(group in text for group in recovery.groups)
    assert "recovery key" in text
    db.close()
