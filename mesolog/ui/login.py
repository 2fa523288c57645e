"""Who is at the desk: first administrator, logging in, and the idle lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from mesolog.domain.practitioner import account_problems
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.ui.common.form_dialog import FormDialog
from mesolog.ui.common.language import tr
from mesolog.ui.common.scanner import not_for_scans

if TYPE_CHECKING:
    from mesolog.domain.permissions import Actor
    from mesolog.services.accounts import AccountService


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class FirstAdministratorDialog(FormDialog):
    """A new database: the first account, an administrator, is made before anything else."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__(tr("Create the first account"), parent)
        not_for_scans(self)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.must_change_password = False  # they chose it themselves just now
        self.form.addRow(QLabel(tr("Health records are kept behind a password. Create the "
                                "administrator's account; more accounts can follow.")))
        self.name = QLineEdit()
        self.login = QLineEdit()
        self.password = _password()
        self.repeat = _password()
        self.add_row(tr("&Name"), "name", self.name)
        self.add_row(tr("&Login"), "login", self.login)
        self.add_row(tr("&Password"), "password", self.password)
        self.add_row(tr("&Repeat"), "repeat", self.repeat)
        self.setMinimumWidth(460)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Create Account"))

    def check(self) -> list[FieldError]:
        problems = account_problems(self.name.text(), self.login.text(), self.password.text())
        if self.password.text() != self.repeat.text():
            problems.append(FieldError("repeat", tr("The two passwords differ.")))
        return problems

    def store(self) -> None:
        if problems := self.check():
            raise ValidationError(problems)  # every wrong field at once
        self.actor = self._accounts.create_first_administrator(
            self.name.text(), self.login.text(), self.password.text()).actor


class LoginDialog(FormDialog):
    def __init__(self, accounts: AccountService, title: str = "",
                 login: str = "", parent: QWidget | None = None):
        super().__init__(title or tr("Log in"), parent)
        not_for_scans(self)  # the lock dialog too
        self._accounts = accounts
        self.actor: Actor | None = None
        self.must_change_password = False
        self.login = QLineEdit(login)
        self.login.setReadOnly(bool(login))
        self.password = _password()
        self.add_row(tr("&Login"), "login", self.login)
        self.add_row(tr("&Password"), "password", self.password)
        self.setMinimumWidth(380)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Log In"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.first_field = self.password if login else self.login

    def store(self) -> None:
        from mesolog.services.accounts import LoginRefused
        from mesolog.store.errors import DatabaseError

        try:
            logged_in = self._accounts.authenticate(self.login.text(), self.password.text())
        except LoginRefused as e:
            self.password.clear()
            raise ValidationError([FieldError("password", str(e))]) from None
        except DatabaseError as e:  # an encrypted file is known only once a login opens it
            raise ValidationError([FieldError("password", tr(
                "Cannot open the database: {reason}").format(reason=e))]) from None
        self.actor, self.must_change_password = logged_in.actor, logged_in.must_change_password


class LockDialog(LoginDialog):
    """After idle time: the same person's password again; the window and its unsaved
    edits wait underneath, untouched."""

    def __init__(self, accounts: AccountService, actor: Actor, login: str,
                 parent: QWidget | None = None, *, switchable: bool = True):
        super().__init__(accounts, tr("Locked"), login, parent)
        self._expected = actor
        self.switch_user = False  # True when closed by Switch User
        note = QLabel(tr("Mesolog locked itself after a while without use. {name}, enter "
                         "your password to go on; unsaved changes are kept.").format(
                             name=actor.name))
        note.setWordWrap(True)
        self.form.insertRow(0, note)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Unlock"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.switch_button = self.buttons.addButton(tr("Switch User…"),
                                                    QDialogButtonBox.ButtonRole.ResetRole)
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self._switch)
        # someone else's unsaved work is neither saved under a new name nor thrown away
        self.switch_button.setEnabled(switchable)
        if not switchable:
            self.switch_button.setToolTip(tr("{name} has unsaved or open work: they unlock "
                                             "and finish it first.").format(name=actor.name))

    def _switch(self) -> None:
        self.switch_user = True
        self.done(0)

    def store(self) -> None:
        super().store()
        if self.actor is None or self.actor.id != self._expected.id:
            raise ValidationError([FieldError("password", tr("Wrong login or password."))])

    def reject(self) -> None:  # Escape does not unlock
        return


class ChangePasswordDialog(FormDialog):
    """One's own password. Given ``current`` (just typed to log in with a password an
    administrator chose), the new one is required before going on."""

    def __init__(self, accounts: AccountService, actor: Actor, login: str, *,
                 current: str | None = None, parent: QWidget | None = None):
        super().__init__(tr("Change password — {name}").format(name=actor.name), parent)
        not_for_scans(self)
        self._accounts, self._login = accounts, login
        self.current = _password()
        self.new = _password()
        self.repeat = _password()
        if current is not None:
            self.current.setText(current)
            note = QLabel(tr("An administrator chose your password; choose your own before "
                          "going on."))
            note.setWordWrap(True)
            self.form.addRow(note)
        else:
            self.add_row(tr("&Current password"), "current", self.current)
        self.add_row(tr("&New password"), "password", self.new)
        self.add_row(tr("&Repeat"), "repeat", self.repeat)
        self.first_field = self.new if current is not None else self.current

    def store(self) -> None:
        if self.new.text() != self.repeat.text():
            raise ValidationError([FieldError("repeat", tr("The two passwords differ."))])
        self._accounts.change_own_password(self.current.text(), self.new.text())
