"""Who may use the window: everyone logs in (LoginGate), or, in tests that drive
the window directly, a named actor is let in without a password (OpenGate).

The gate is the one place where a database opened by the window gets its actor:
``admit`` hands back the database as the logged-in person sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mesolog.ui.common import settings as opt
from mesolog.ui.common.settings import Settings
from mesolog.ui.lock_screen import LockScreen, locked_by
from mesolog.ui.login import (
    ChangePasswordDialog,
    FirstAdministratorDialog,
    LockDialog,
    LoginDialog,
)
from mesolog.ui.recovery_key_dialog import RecoveryKeyDialog

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from mesolog.domain.permissions import Actor
    from mesolog.store.database import Database
    from mesolog.store.keys import DatabaseKey


class Gate(Protocol):
    """What the main window asks of whoever decides who may use it."""

    @property
    def logged_in(self) -> bool: ...

    def admit(self, window: QWidget, db: Database) -> Database | None: ...

    def change_password(self) -> bool: ...

    def log_out(self) -> None: ...


class OpenGate:
    """No login: ``actor`` (a test's named person) is let in; with no actor, nobody."""

    logged_in = False

    def __init__(self, actor: Actor | None = None,
                 key_of: Callable[[Path], DatabaseKey | None] | None = None):
        # ``key_of``: the key of an encrypted file the window opens, still locked
        self._actor, self._key_of = actor, key_of

    def admit(self, window: QWidget, db: Database) -> Database | None:
        if self._actor is None:
            return None
        key = self._key_of(db.path) if db.locked and self._key_of is not None else None
        if key is not None:
            db.unlock(key)
        return db.acting_as(self._actor)

    def change_password(self) -> bool:
        return False

    def log_out(self) -> None:
        return


class LoginGate(QObject):
    """Logs in on each database, and locks the window after idle minutes."""

    _ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})
    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._window: QWidget | None = None
        self._accounts = None
        self._user: Actor | None = None
        self._login = ""
        self._locked = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)

    def admit(self, window: QWidget, db: Database) -> Database | None:
        from mesolog.services.accounts import AccountService

        self.log_out()
        accounts = AccountService(db)
        dialog = (LoginDialog(accounts, parent=window) if accounts.has_accounts()
                  else FirstAdministratorDialog(accounts, parent=window))
        if not dialog.exec():
            return None
        return self.let_in(window, db, dialog)

    def let_in(self, window: QWidget, db: Database,
               dialog: LoginDialog | FirstAdministratorDialog) -> Database | None:
        """After ``dialog`` accepted someone: ``db`` as they see it, once a password
        someone else chose is changed; None if it is not."""
        from mesolog.services.accounts import AccountService

        acting = db.acting_as(dialog.actor)
        login = dialog.login.text().strip().lower()
        acting_accounts = AccountService(acting)
        if dialog.must_change_password and not ChangePasswordDialog(
                acting_accounts, dialog.actor, login, current=dialog.password.text(),
                parent=window).exec():
            return None  # a password someone else chose is not kept in use
        recovery = acting_accounts.pending_recovery_key()
        if recovery is not None:  # "Later" goes on: it is shown again at the next login
            RecoveryKeyDialog(acting_accounts, recovery, parent=window).exec()
        self._window, self._accounts, self._user = window, acting_accounts, dialog.actor
        self._login = login
        QApplication.instance().installEventFilter(self)
        self._restart()
        return acting

    def log_out(self) -> None:
        """Forget who was logged in; the window detaches their view of the database."""
        if self._user is None:
            return
        QApplication.instance().removeEventFilter(self)
        self.idle.stop()
        self._window = self._accounts = self._user = None
        self._login = ""

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
        # another person may come in only when nothing of this one's is open or unsaved
        switchable = (QApplication.activeModalWidget() is None
                      and not self._window.has_unsaved_work())
        screen = LockScreen(locked_by(self._user.name))
        screen.cover()  # before the lock dialog opens: it alone stays shown
        dialog = LockDialog(self._accounts, self._user, self._login, parent=self._window,
                            switchable=switchable)
        try:
            dialog.exec()
            if dialog.switch_user:  # still covered: the next person logs in first
                self._window.account_actions.switch_user(covered=True)
        finally:
            screen.uncover()
            self._locked = False
            if self._user is not None:
                self._restart()
