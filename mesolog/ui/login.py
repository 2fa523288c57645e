"""Who is at the desk: first administrator, logging in, and the idle lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from mesolog.domain.practitioner import account_problems
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.ui.form_dialog import FormDialog

if TYPE_CHECKING:
    from mesolog.services.accounts import AccountService
    from mesolog.services.practitioners import PractitionerRef


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class FirstAdministratorDialog(FormDialog):
    """A new database: the first account, an administrator, is made before anything else."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__("Create the first account", parent)
        self._accounts = accounts
        self.practitioner: PractitionerRef | None = None
        self.form.addRow(QLabel("Health records are kept behind a password. Create the "
                                "administrator's account; more accounts can follow."))
        self.name = QLineEdit()
        self.login = QLineEdit()
        self.password = _password()
        self.repeat = _password()
        self.add_row("&Name", "name", self.name)
        self.add_row("&Login", "login", self.login)
        self.add_row("&Password", "password", self.password)
        self.add_row("&Repeat", "repeat", self.repeat)
        self.setMinimumWidth(460)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Create Account")

    def check(self) -> list[FieldError]:
        problems = account_problems(self.name.text(), self.login.text(), self.password.text())
        if self.password.text() != self.repeat.text():
            problems.append(FieldError("repeat", "The two passwords differ."))
        return problems

    def store(self) -> None:
        if problems := self.check():
            raise ValidationError(problems)  # every wrong field at once
        self.practitioner = self._accounts.create_first_administrator(
            self.name.text(), self.login.text(), self.password.text())


class LoginDialog(FormDialog):
    def __init__(self, accounts: AccountService, title: str = "Log in",
                 login: str = "", parent: QWidget | None = None):
        super().__init__(title, parent)
        self._accounts = accounts
        self.practitioner: PractitionerRef | None = None
        self.login = QLineEdit(login)
        self.login.setReadOnly(bool(login))
        self.password = _password()
        self.add_row("&Login", "login", self.login)
        self.add_row("&Password", "password", self.password)
        self.setMinimumWidth(380)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Log In")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Quit")
        self.first_field = self.password if login else self.login

    def store(self) -> None:
        from mesolog.services.accounts import LoginRefused

        try:
            self.practitioner = self._accounts.authenticate(self.login.text(),
                                                            self.password.text())
        except LoginRefused as e:
            self.password.clear()
            raise ValidationError([FieldError("password", str(e))]) from None


class LockDialog(LoginDialog):
    """After idle time: the same person's password again; the window and its unsaved
    edits wait underneath, untouched."""

    def __init__(self, accounts: AccountService, practitioner: PractitionerRef,
                 login: str, parent: QWidget | None = None):
        super().__init__(accounts, "Locked", login, parent)
        self._expected = practitioner
        note = QLabel(f"Mesolog locked itself after a while without use. {practitioner.name}, "
                      "enter your password to go on; unsaved changes are kept.")
        note.setWordWrap(True)
        self.form.insertRow(0, note)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Unlock")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def store(self) -> None:
        super().store()
        if self.practitioner is None or self.practitioner.id != self._expected.id:
            raise ValidationError([FieldError("password", "Wrong login or password.")])

    def reject(self) -> None:  # Escape does not unlock
        return


class ChangePasswordDialog(FormDialog):
    def __init__(self, accounts: AccountService, practitioner: PractitionerRef, login: str,
                 parent: QWidget | None = None):
        super().__init__(f"Change password — {practitioner.name}", parent)
        self._accounts, self._practitioner, self._login = accounts, practitioner, login
        self.current = _password()
        self.new = _password()
        self.repeat = _password()
        self.add_row("&Current password", "current", self.current)
        self.add_row("&New password", "password", self.new)
        self.add_row("&Repeat", "repeat", self.repeat)

    def store(self) -> None:
        from mesolog.services.accounts import LoginRefused

        try:
            self._accounts.authenticate(self._login, self.current.text())
        except LoginRefused as e:
            raise ValidationError([FieldError("current", str(e))]) from None
        if self.new.text() != self.repeat.text():
            raise ValidationError([FieldError("repeat", "The two passwords differ.")])
        self._accounts.set_password(self._practitioner.id, self.new.text(),
                                    current=self.current.text())
