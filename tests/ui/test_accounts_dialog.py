"""Clinic ▸ Accounts, driven as an administrator would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from mesolog.services.accounts import AccountService
from mesolog.services.clinic import Clinic
from mesolog.ui.clinic.accounts_dialog import AccountsDialog, ResetPasswordDialog
from mesolog.ui.treatment.treatment_dialogs import PractitionerDialog
from tests.conftest import fixed_clock
from tests.ui.modal import answer_message_box, when_modal


def row_of(dialog: AccountsDialog, login: str) -> int:
    return next(r for r in range(dialog.table.rowCount())
                if dialog.table.item(r, 0).text() == login)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_change_reset_and_deactivate_an_account(qtbot, db):
    clinic = Clinic.of(db, fixed_clock)  # the administrator every test starts as
    dialog = AccountsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 4).text() == "never"

    def add(form: PractitionerDialog) -> None:
        qtbot.keyClicks(form.name, "Ines Alvarez")
        qtbot.keyClicks(form.login, "ialvarez")
        qtbot.keyClicks(form.password, "a long first secret")
        click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    when_modal(PractitionerDialog, add)
    click(qtbot, dialog.add_button)
    r = row_of(dialog, "ialvarez")
    assert [dialog.table.item(r, c).text() for c in range(4)] == [
        "ialvarez", "Ines Alvarez", "Practitioner", "yes"]
    assert "new password to choose" in dialog.table.item(r, 4).text()

    dialog.table.selectRow(r)
    when_modal(QInputDialog, lambda box: (box.setTextValue("Assistant"), box.accept()))
    click(qtbot, dialog.role_button)
    assert dialog.table.item(row_of(dialog, "ialvarez"), 2).text() == "Assistant"

    def reset(form: ResetPasswordDialog) -> None:
        qtbot.keyClicks(form.password, "set by the administrator")
        qtbot.keyClicks(form.repeat, "set by the administrator")
        click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    when_modal(ResetPasswordDialog, reset)
    click(qtbot, dialog.reset_button)
    logged_in = AccountService(db, fixed_clock).authenticate("ialvarez",
                                                             "set by the administrator")
    assert logged_in.must_change_password  # she chooses her own next

    dialog.table.selectRow(row_of(dialog, "ialvarez"))
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    click(qtbot, dialog.active_button)
    r = row_of(dialog, "ialvarez")
    assert "Deactivate Ines Alvarez's account?" in seen[0]
    assert dialog.table.item(r, 3).text() == "no"  # listed still: never deleted
    dialog.table.selectRow(r)
    assert dialog.active_button.text() == "Re&activate"

    def come_back(form: ResetPasswordDialog) -> None:
        assert form.windowTitle() == "Reactivate — Ines Alvarez"
        qtbot.keyClicks(form.password, "welcome back again")
        qtbot.keyClicks(form.repeat, "welcome back again")
        click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    when_modal(ResetPasswordDialog, come_back)
    click(qtbot, dialog.active_button)
    assert dialog.table.item(row_of(dialog, "ialvarez"), 3).text() == "yes"
    assert AccountService(db, fixed_clock).authenticate(
        "ialvarez", "welcome back again").must_change_password


def test_the_last_administrator_stays_one_and_nobody_resets_their_own_password(qtbot, db):
    clinic = Clinic.of(db, fixed_clock)
    dialog = AccountsDialog(clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(row_of(dialog, "admin"))  # oneself
    assert not dialog.reset_button.isEnabled() and not dialog.active_button.isEnabled()
    seen: list[str] = []
    when_modal(QInputDialog, lambda box: (box.setTextValue("Practitioner"), box.accept()))
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    click(qtbot, dialog.role_button)
    assert seen and "last active administrator" in seen[0]
    assert dialog.table.item(row_of(dialog, "admin"), 2).text() == "Administrator"
