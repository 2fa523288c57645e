"""Who may use the window: nobody is asked (OpenGate) or everyone logs in (LoginGate).

The application uses LoginGate; tests that drive the window directly use the
OpenGate default, and test the login dialogs on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mesolog.ui import settings as opt
from mesolog.ui.lock_screen import LockScreen
from mesolog.ui.login import (
    ChangePasswordDialog,
    FirstAdministratorDialog,
    LockDialog,
    LoginDialog,
)
from mesolog.ui.settings import Settings

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


class Gate(Protocol):
    """What the main window asks of whoever decides who may use it."""

    @property
    def logged_in(self) -> bool: ...

    def admit(self, window: QWidget, clinic: Clinic) -> bool: ...

    def change_password(self) -> bool: ...


class OpenGate:
    logged_in = False

    def admit(self, window: QWidget, clinic: Clinic) -> bool:
        return True

    def change_password(self) -> bool:
        return False


class LoginGate(QObject):
    """Logs in on each database, and locks the window after idle minutes."""

    _ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._window: QWidget | None = None
        self._accounts = None
        self._user = None
        self._login = ""
        self._locked = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)

    def admit(self, window: QWidget, clinic: Clinic) -> bool:
        from mesolog.services.accounts import AccountService

        accounts = AccountService(clinic.db, clinic.practitioners)
        dialog = (LoginDialog(accounts, parent=window) if accounts.has_accounts()
                  else FirstAdministratorDialog(accounts, parent=window))
        if not dialog.exec():
            return False
        self._window, self._accounts, self._user = window, accounts, dialog.practitioner
        self._login = dialog.login.text().strip().lower()
        clinic.db.actor_id = self._user.id
        QApplication.instance().installEventFilter(self)
        self._restart()
        return True

    def _restart(self) -> None:
        self.idle.start(self._settings.get(opt.IDLE_LOCK_MINUTES) * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and not self._locked:
            self._restart()
        return False

    @property
    def logged_in(self) -> bool:
        return self._user is not None

    def change_password(self) -> bool:
        if self._user is None:
            return False
        return bool(ChangePasswordDialog(self._accounts, self._user, self._login,
                                         parent=self._window).exec())

    def lock(self) -> None:
        if self._user is None or self._locked:
            return
        self._locked = True
        screen = LockScreen(self._user.name)
        screen.cover()  # before the lock dialog opens: it alone stays shown
        try:
            LockDialog(self._accounts, self._user, self._login, parent=self._window).exec()
        finally:
            screen.uncover()
            self._locked = False
            self._restart()
