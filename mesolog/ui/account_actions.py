"""The window's actions about who is at the desk: Clinic ▸ Accounts, Change Password,
Log Out / Switch User; and which of the window's actions the actor's role allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from mesolog.domain.permissions import Action, Actor
from mesolog.ui.common.language import tr
from mesolog.ui.common.permitted import allows, permit
from mesolog.ui.lock_screen import LockScreen, logged_out

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow


class AccountActions:
    def __init__(self, window: MainWindow):
        self._window = window
        self.accounts_action = QAction(tr("&Accounts…"), window)
        self.accounts_action.setStatusTip(tr("Who may log in, their roles, and when they last did"))
        self.accounts_action.triggered.connect(self.show_accounts)
        self.password_action = QAction(tr("Change &Password…"), window)
        self.password_action.triggered.connect(window.gate.change_password)
        self.switch_action = QAction(tr("&Log Out / Switch User…"), window)
        self.switch_action.setStatusTip(tr("Log out; the next person logs in"))
        self.switch_action.triggered.connect(lambda: self.switch_user())

    def switch_user(self, *, covered: bool = False) -> bool:
        """Log out; the next person logs in on the same database. Nothing of the last
        person's stays on screen meanwhile; nobody logging in closes the window."""
        window, db = self._window, self._window.database
        if db is None or not (covered or window.settle_unsaved()):
            return False
        screen = None if covered else LockScreen(logged_out())
        if screen is not None:
            screen.cover()
        try:
            acting = window.gate.admit(window, db)
        finally:
            if screen is not None:
                screen.uncover()
        if acting is None:
            window.close()
            return False
        window.attach(acting)
        return True

    def show_accounts(self) -> None:
        from mesolog.ui.clinic.accounts_dialog import AccountsDialog

        if self._window.clinic is not None:
            AccountsDialog(self._window.clinic, parent=self._window).exec()

    def update(self, actor: Actor | None, attached: bool) -> None:
        self.accounts_action.setVisible(allows(actor, Action.ACCOUNT_ADD))
        self.accounts_action.setEnabled(attached)
        logged_in = self._window.gate.logged_in
        self.password_action.setVisible(logged_in)  # without logins, no password to change
        self.switch_action.setVisible(logged_in)


def _backing_up(window: MainWindow) -> Action:
    """What File > Back Up asks of the role: a server's copy is a plain file."""
    on_server = window.database is not None and window.database.on_server
    return Action.BACKUP_SERVER if on_server else Action.BACKUP


def permit_window_actions(window: MainWindow, actor: Actor | None) -> None:
    """Menu actions the role may not use are disabled, saying why (the services would
    refuse them anyway)."""
    for action, permission in ((window.new_patient_action, Action.PATIENT_RECORD),
                               (window.archive_action, Action.PATIENT_ARCHIVE),
                               (window.new_session_action, Action.SESSION_RECORD),
                               (window.sign_session_action, Action.SESSION_SIGN),
                               (window.amend_session_action, Action.SESSION_AMEND),
                               (window.new_course_action, Action.COURSE_RECORD),
                               (window.consent_action, Action.CONSENT_RECORD),
                               (window.restore_action, Action.RESTORE),
                               (window.import_patients_action, Action.IMPORT),
                               (window.export_list_action, Action.EXPORT),
                               (window.export_record_action, Action.EXPORT),
                               (window.practice_outcomes_action, Action.PRACTICE_OUTCOMES),
                               (window.backup_action, _backing_up(window))):
        permit(action, actor, permission, action.isEnabled())
