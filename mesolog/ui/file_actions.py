"""File menu work on database files: open, new, back up, restore, the demo clinic."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mesolog.ui.long_work import LongWork, run_long_work

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow

DEMO_FILE_NAME = "demo-clinic.sqlite"
DEMO_PATIENTS = 300
FILE_FILTER = "Mesolog databases (*.sqlite *.db);;All files (*)"


class FileActions:
    """What the File menu does with database files, on behalf of the main window."""

    def __init__(self, window: MainWindow):
        self._window = window
        self.building_demo: LongWork | None = None  # the last demo clinic made

    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self._window, "Open Database",
                                              str(self._window.folder()), FILE_FILTER)
        if name:
            self._window.switch_database(Path(name))

    def choose_new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window, "New Database", str(self._window.folder() / "clinic.sqlite"), FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return
        if Path(name).exists():
            QMessageBox.warning(self._window, "File exists",
                                f"{name} already exists. Use File ▸ Open Database to open it.")
            return
        self._window.switch_database(Path(name))

    def automatic_backup(self, *, owed: bool = False) -> None:
        """On closing (and, when one failed then, at the next opening): today's backup, if
        preferences ask for one and none was made today. A failure is shown, and the
        backup is owed until it is made."""
        from mesolog.domain.permissions import NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError
        from mesolog.ui import settings as opt
        from mesolog.ui.preferences import backup_folder

        settings, db = self._window.settings, self._window.database
        if not settings.get(opt.AUTO_BACKUP) or db is None or db.read_only:
            return  # a read-only database has not changed since its last backup
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            BackupService(db).automatic(backup_folder(settings, db.path), self._window.clock())
        except (DatabaseError, OSError, NotPermitted) as e:
            settings.set(opt.BACKUP_OWED, str(db.path))
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window, "Automatic backup failed",
                                f"{e}\n\nIt is tried again when this database is next "
                                "opened; make one now with File ▸ Back Up, or choose another "
                                "folder in File ▸ Preferences.")
            return
        QApplication.restoreOverrideCursor()
        if settings.get(opt.BACKUP_OWED) == str(db.path):
            settings.set(opt.BACKUP_OWED, "")
            if owed:
                self._window.statusBar().showMessage(
                    "The automatic backup that failed last time was made now.", 10_000)

    def owed_backup(self) -> None:
        """After opening: the automatic backup that failed at the last closing, if any."""
        from mesolog.ui import settings as opt

        db = self._window.database
        if db is not None and self._window.settings.get(opt.BACKUP_OWED) == str(db.path):
            self.automatic_backup(owed=True)

    def back_up(self) -> bool:
        from mesolog.domain.permissions import NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError

        stamp = self._window.clock().strftime("%Y%m%d-%H%M")
        stem = self._window.database.path.stem
        suggestion = self._window.folder() / f"{stem}-backup-{stamp}.sqlite"
        name, _ = QFileDialog.getSaveFileName(self._window, "Back Up", str(suggestion), FILE_FILTER)
        if not name:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = BackupService(self._window.database).back_up(Path(name))
        except (DatabaseError, NotPermitted) as e:
            QMessageBox.critical(self._window, "Backup failed", str(e))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        QMessageBox.information(self._window, "Backed up", f"The backup was made and checked.\n\n"
                                                   f"{report.summary()}")
        return True

    def restore(self) -> bool:
        from mesolog.domain.permissions import NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError, open_database

        if not self._window.settle_unsaved():
            return False
        name, _ = QFileDialog.getOpenFileName(self._window, "Restore from Backup",
                                              str(self._window.folder()), FILE_FILTER)
        if not name:
            return False
        answer = QMessageBox.question(
            self._window, "Restore",
            f"Replace {self._window.database.path.name} by the backup {Path(name).name}?\n\n"
            "The backup is checked first; the current database is kept as a copy beside it.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db = self._window.database
        failure: Exception | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = BackupService(db).restore(Path(name))
        except NotPermitted as e:  # refused before anything was closed or changed
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window, "Not restored", str(e))
            return False
        except DatabaseError as e:
            failure = e
        QApplication.restoreOverrideCursor()
        # the file now may hold other accounts and roles: whoever goes on logs in again
        if not self._window.admit_and_attach(open_database(db.path)):
            self._window.close()
            return False
        if failure is not None:
            QMessageBox.critical(self._window, "Not restored",
                                 f"{failure}\n\nNothing was changed.")
            return False
        QMessageBox.information(self._window, "Restored", f"{db.path.name} now holds the "
                                "backup." + (f"\n\nThe replaced database is kept as {kept}."
                                             if kept else ""))
        return True

    def open_demo_clinic(self) -> None:
        """The demo clinic beside the open database, built first (on a helper thread,
        with its progress and Cancel) if it is not there yet."""
        from mesolog.services.demo import make_demo_clinic_file
        from mesolog.services.progress import Cancelled
        from mesolog.store.database import DatabaseError

        path = self._window.folder() / DEMO_FILE_NAME
        if path.exists():
            self._window.switch_database(path)
            return

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self._window.statusBar().showMessage("The demo clinic was not made.", 5000)
            elif isinstance(error, (DatabaseError, OSError)):
                QMessageBox.critical(self._window, "Cannot make the demo clinic", str(error))
            else:
                raise error

        self.building_demo = run_long_work(
            self._window, "Making the demo clinic",
            lambda progress: make_demo_clinic_file(path, DEMO_PATIENTS, progress),
            done=lambda _result: self._window.switch_database(path), failed=failed,
            cancellable=True)
