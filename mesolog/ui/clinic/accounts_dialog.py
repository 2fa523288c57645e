"""Clinic ▸ Accounts: who may log in, with which role, and when they last did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.permissions import Action, NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.domain.translation import moment_text
from mesolog.domain.validation import FieldError, NotFoundError, ValidationError
from mesolog.ui.common.form_dialog import FormDialog
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.permitted import permit

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.practitioners import Account

COLUMNS = (QT_TR_NOOP("Login"), QT_TR_NOOP("Name"), QT_TR_NOOP("Role"), QT_TR_NOOP("Active"),
           QT_TR_NOOP("Last login"))


class ResetPasswordDialog(FormDialog):
    """An administrator sets another person's password; they choose their own at next
    login. Reactivating an account is the same form: it comes back with a password."""

    def __init__(self, clinic: Clinic, account: Account, parent: QWidget | None = None,
                 *, reactivate: bool = False):
        super().__init__((tr("Reactivate — {name}") if reactivate else
                          tr("Reset password — {name}")).format(name=account.name), parent)
        self._clinic, self._account, self._reactivate = clinic, account, reactivate
        note = QLabel(tr("{name} logs in with this password once, and then chooses their "
                         "own.").format(name=account.name))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(tr("&New password"), "password", self.password)
        self.add_row(tr("&Repeat"), "repeat", self.repeat)
        if reactivate:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Reactivate"))

    def store(self) -> None:
        if self.password.text() != self.repeat.text():
            raise ValidationError([FieldError("repeat", tr("The two passwords differ."))])
        if self._reactivate:
            self._clinic.accounts.set_active(self._account.id, True, self.password.text())
        else:
            self._clinic.accounts.reset_password(self._account.id, self.password.text())


class AccountsDialog(QDialog):
    def __init__(self, clinic: Clinic, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Accounts"))
        self._clinic = clinic
        self._accounts: list[Account] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(tr("&Add Account…"))
        self.role_button = QPushButton(tr("Change &Role…"))
        self.reset_button = QPushButton(tr("Reset &Password…"))
        self.active_button = QPushButton(tr("&Deactivate"))
        row = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.reset_button,
                       self.active_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        note = QLabel(tr("Accounts are never deleted: a deactivated account cannot log in, and "
                      "what its owner signed stays theirs."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(720, 400)
        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self._accounts = self._clinic.practitioners.accounts()
        self.table.setRowCount(len(self._accounts))
        for r, a in enumerate(self._accounts):
            last = moment_text(a.last_login_at) if a.last_login_at else tr("never")
            if a.must_change_password:
                last += " " + tr("(new password to choose)")
            for c, text in enumerate((a.login, a.name, a.role.label,
                                      tr("yes") if a.active else tr("no"), last)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if a.id == select_id:
                self.table.selectRow(r)
        self._update_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self._accounts[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        actor, account = self._clinic.actor, self.selected()
        chosen = account is not None
        permit(self.add_button, actor, Action.ACCOUNT_ADD)
        permit(self.role_button, actor, Action.ACCOUNT_ROLE, chosen)
        own = chosen and actor is not None and account.id == actor.id
        permit(self.reset_button, actor, Action.ACCOUNT_RESET_PASSWORD, chosen and not own)
        permit(self.active_button, actor, Action.ACCOUNT_DEACTIVATE, chosen and not own)
        self.active_button.setText(tr("Re&activate") if chosen and not account.active
                                   else tr("&Deactivate"))

    def _attempt(self, change, title: str) -> bool:
        try:
            change()
        except (ValidationError, NotFoundError, NotPermitted) as e:
            text = "\n".join(x.message for x in e.errors) if isinstance(e, ValidationError) \
                else str(e)
            QMessageBox.warning(self, title, text)
            return False
        return True

    def add_account(self) -> None:
        from mesolog.ui.treatment.treatment_dialogs import PractitionerDialog

        if PractitionerDialog(self._clinic, parent=self).exec():
            self.refresh()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        labels = [r.label for r in Role]
        label, ok = QInputDialog.getItem(self, tr("Change role"), tr("Role of {name}:").format(
            name=account.name), labels, labels.index(account.role.label), False)
        if ok and self._attempt(lambda: self._clinic.accounts.set_role(
                account.id, list(Role)[labels.index(label)]), tr("Role not changed")):
            self.refresh(account.id)

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None and ResetPasswordDialog(self._clinic, account, self).exec():
            self.refresh(account.id)

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        if not account.active:
            if ResetPasswordDialog(self._clinic, account, self, reactivate=True).exec():
                self.refresh(account.id)
            return
        if QMessageBox.question(
                self, tr("Deactivate"), tr("Deactivate {name}'s account? They can no longer log "
                                           "in; what they recorded and signed stays "
                                           "theirs.").format(name=account.name)) \
                != QMessageBox.StandardButton.Yes:
            return
        if self._attempt(lambda: self._clinic.accounts.set_active(account.id, False),
                         tr("Not changed")):
            self.refresh(account.id)



