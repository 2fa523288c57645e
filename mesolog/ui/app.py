"""Starting the window: QApplication, settings, then the database."""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mesolog import APP_NAME, __version__
from mesolog.store.addresses import is_server, shown_name
from mesolog.store.first_look import has_accounts
from mesolog.ui.common.app_icon import app_icon
from mesolog.ui.common.language import chosen_language, speak, tr
from mesolog.ui.common.settings import Settings
from mesolog.ui.common.termination import CloseOnTermination
from mesolog.ui.gate import LoginGate
from mesolog.ui.login import LoginDialog

if TYPE_CHECKING:
    from mesolog.services.accounts import LoggedIn
    from mesolog.ui.common.error_home import ErrorHome
    from mesolog.ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    # Wayland names a window's application by this: the menu entry's icon and name
    app.setDesktopFileName("mesolog")
    return app


def _open_first_database(window: MainWindow, path: Path | str) -> None:
    from mesolog.store.database import DatabaseError, open_database

    window.statusBar().showMessage(tr("Opening {database}…").format(database=path))
    try:
        db = open_database(path)
    except DatabaseError as e:
        print(f"mesolog: {e}", file=sys.stderr)
        QMessageBox.critical(window, tr("Mesolog: cannot open database"), str(e))
        QApplication.exit(1)
        return
    window.statusBar().clearMessage()
    if not window.admit_and_attach(db):
        QApplication.exit(0)  # nobody logged in: nothing is shown
        return
    window.files.owed_backup()  # the automatic backup that failed at the last closing


def run_application(db_path: Path | str) -> int:
    app = make_application()
    homes: list[ErrorHome] = []

    def install_error_home() -> None:
        # once the first window is up: its 20 ms are not spent before it
        from platformdirs import user_log_path

        from mesolog.ui.common.error_home import ErrorHome

        homes.append(ErrorHome(user_log_path(APP_NAME, appauthor=False)))
        homes[0].install()

    settings = Settings(QSettings())
    speak(chosen_language(settings))  # before anything is shown
    # a session that ends, `kill`, Ctrl+C: the windows close as their close buttons do
    termination = CloseOnTermination()
    try:
        return _start(app, settings, db_path, install_error_home)
    finally:
        termination.uninstall()
        for home in homes:
            home.uninstall()


class _AfterFirstPaint(QObject):
    """Runs ``then`` once ``widget`` has been painted the first time: start-up work that
    can wait does not stand between the start and the first window."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)  # after this paint
        return False


def _start(app: QApplication, settings: Settings, db_path: Path | str,
           when_shown: Callable[[], None]) -> int:
    # a server has its administrator from mesolog server init: a login first
    if is_server(db_path) or has_accounts(db_path):
        return _log_in_first(app, settings, db_path, when_shown)
    # Nobody can log in yet (a new file: the first administrator is made), or the file
    # must be opened to say what is wrong with it.
    window = _main_window(settings)
    _AfterFirstPaint(window, when_shown)
    window.show()
    # The window is on screen before the database layer is imported and opened.
    QTimer.singleShot(0, lambda: _open_first_database(window, db_path))
    return app.exec()


def _main_window(settings: Settings) -> MainWindow:
    from mesolog.ui.main_window import MainWindow

    return MainWindow(settings, gate=LoginGate(settings))


class _OpeningOnLogIn:
    """What the first login checks the password against: the database, opened when
    *Log In* is first pressed, its code imported on a helper thread while the login is
    typed (a person takes seconds; the imports half a second, which would otherwise
    stand between the start and the login)."""

    # Only code without Qt goes to the helper thread (SQLAlchemy, the models and the
    # services: most of the time); Qt's own types are made on the window's thread.
    MODULES = ("mesolog.store.database", "mesolog.services.clinic")
    WINDOW_MODULE = "mesolog.ui.main_window"

    def __init__(self, path: Path | str):
        self.path = path
        self.database = None
        self.failure = ""
        self._imports = threading.Thread(target=self._import, name="imports", daemon=True)

    def start_importing(self) -> None:
        self._imports.start()
        # the window's code on the window's thread, once the login is painted (0.2 s,
        # before anyone has typed much: keys pressed meanwhile wait, none is lost)
        QTimer.singleShot(100, lambda: importlib.import_module(self.WINDOW_MODULE))

    def _import(self) -> None:
        for module in self.MODULES:
            with contextlib.suppress(Exception):  # imported again on the window's thread
                importlib.import_module(module)

    def authenticate(self, login: str, password: str) -> LoggedIn:
        from mesolog.services.accounts import AccountService, LoginRefused
        from mesolog.store.database import DatabaseError, open_database

        if self.database is None:
            try:
                self.database = open_database(self.path)
            except DatabaseError as e:
                self.failure = str(e)
                raise LoginRefused(tr("Cannot open the database: {reason}").format(
                    reason=e)) from None
        try:
            return AccountService(self.database).authenticate(login, password)
        except DatabaseError as e:  # an encrypted file is known only once a login opens it
            self.failure = str(e)
            raise LoginRefused(tr("Cannot open the database: {reason}").format(
                reason=e)) from None


def _log_in_first(app: QApplication, settings: Settings, path: Path | str,
                  when_shown: Callable[[], None] = lambda: None) -> int:
    """The login alone first, the window once someone is in."""
    opening = _OpeningOnLogIn(path)
    dialog = LoginDialog(opening, title=tr("Log in to {database} — Mesolog").format(
        database=shown_name(path)))
    _AfterFirstPaint(dialog, lambda: (when_shown(), opening.start_importing()))
    accepted = dialog.exec() and dialog.actor is not None
    if not accepted:
        if opening.database is not None:
            opening.database.close()
        if opening.failure:
            print(f"mesolog: {opening.failure}", file=sys.stderr)
            return 1
        return 0
    window = _main_window(settings)
    admitted = window.gate.let_in(window, opening.database, dialog)
    if admitted is None:
        opening.database.close()
        return 0
    window.show()
    window.attach(admitted)
    window.files.owed_backup()  # the automatic backup that failed at the last closing
    window.encryption.offer()  # a plain file opened by an administrator
    return app.exec()
