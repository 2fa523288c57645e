"""File menu work on database files: open, new, back up, restore, the demo clinic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection

if TYPE_CHECKING:
    from mesolog.store.backup import BackupReport
    from mesolog.ui.main_window import MainWindow

DEMO_FILE_NAME = "demo-clinic.sqlite"
DEMO_PATIENTS = 300
FILE_FILTER = QT_TR_NOOP("Mesolog databases (*.sqlite *.db);;All files (*)")
# a patient's record is a folder; the type chosen in the save dialog is its format
RECORD_AS_JSON = QT_TR_NOOP("Mesolog record: JSON, photos and report (*)")
RECORD_AS_FHIR = QT_TR_NOOP("FHIR R4 bundle, photos and report (*)")


class FileActions:
    """What the File menu does with database files, on behalf of the main window."""

    def __init__(self, window: MainWindow):
        self._window = window
        self.building_demo: LongWork | None = None  # the last demo clinic made
        self.backing_up: LongWork | None = None  # the last backup made
        self.restoring: LongWork | None = None  # the last restore
        self.importing: LongWork | None = None  # the last import of patients
        self.exporting: LongWork | None = None  # the last list exported

    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self._window, tr("Open Database"),
                                              str(self._window.folder()), tr(FILE_FILTER))
        if name:
            self._window.switch_database(Path(name))

    def choose_new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window, tr("New Database"), str(self._window.folder() / "clinic.sqlite"),
            tr(FILE_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return
        if Path(name).exists():
            QMessageBox.warning(self._window, tr("File exists"),
                                tr("{name} already exists. Use File ▸ Open Database to open "
                                   "it.").format(name=name))
            return
        self._window.switch_database(Path(name))

    def automatic_backup(self, *, owed: bool = False,
                         then: Callable[[], None] | None = None) -> bool:
        """On closing (and, when one failed then, at the next opening): today's backup, if
        preferences ask for one and none was made today, made on a helper thread with
        its progress shown; ``then`` follows when it has ended. A failure is shown, and
        the backup is owed until it is made. False when no backup is due (``then`` is
        not called)."""
        from mesolog.domain.permissions import NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError
        from mesolog.ui.clinic.preferences import backup_folder
        from mesolog.ui.common import settings as opt

        settings, db = self._window.settings, self._window.database
        if not settings.get(opt.AUTO_BACKUP) or db is None or db.read_only or db.on_server:
            # a read-only database has not changed since its last backup; a server's
            # administrator backs it up with the server's tools
            return False
        folder, now, path = backup_folder(settings, db.path), self._window.clock(), db.path

        def done(_report: object) -> None:
            if settings.get(opt.BACKUP_OWED) == str(path):
                settings.set(opt.BACKUP_OWED, "")
                if owed:
                    self._window.statusBar().showMessage(
                        tr("The automatic backup that failed last time was made now."), 10_000)
            if then is not None:
                then()

        def failed(error: BaseException) -> None:
            settings.set(opt.BACKUP_OWED, str(path))
            QMessageBox.warning(self._window, tr("Automatic backup failed"),
                                f"{error}\n\n" + tr(
                                    "It is tried again when this database is next opened; "
                                    "make one now with File ▸ Back Up, or choose another "
                                    "folder in File ▸ Preferences."))
            if then is not None:
                then()

        self.backing_up = run_long_work(
            self._window, tr("Making today's backup"), with_own_connection(
                db, lambda own, progress: BackupService(own).automatic(folder, now, progress)),
            done=done, failed=failed, expected=(DatabaseError, OSError, NotPermitted))
        return True

    def owed_backup(self) -> None:
        """After opening: the automatic backup that failed at the last closing, if any."""
        from mesolog.ui.common import settings as opt

        db = self._window.database
        if db is not None and self._window.settings.get(opt.BACKUP_OWED) == str(db.path):
            self.automatic_backup(owed=True)

    def back_up(self) -> bool:
        """A backup where the person chooses, made on a helper thread with its progress;
        False if they chose no file."""
        from mesolog.domain.permissions import NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError

        stamp = self._window.clock().strftime("%Y%m%d-%H%M")
        stem = self._window.database.stem
        suggestion = self._window.folder() / f"{stem}-backup-{stamp}.sqlite"
        name, _ = QFileDialog.getSaveFileName(self._window, tr("Back Up"), str(suggestion),
                                              tr(FILE_FILTER))
        if not name:
            return False

        def done(report: BackupReport) -> None:
            QMessageBox.information(self._window, tr("Backed up"), tr(
                "The backup was made and checked.") + f"\n\n{report.summary()}")

        def failed(error: BaseException) -> None:
            QMessageBox.critical(self._window, tr("Backup failed"), str(error))

        self.backing_up = run_long_work(
            self._window, tr("Backing up"), with_own_connection(
                self._window.database,
                lambda own, progress: BackupService(own).back_up(Path(name), progress)),
            done=done, failed=failed, expected=(DatabaseError, NotPermitted))
        return True

    def import_patients(self) -> bool:
        """Patients from a spreadsheet: the file chosen, its columns and dates settled in
        the import dialog, then imported on a helper thread; False if nothing was."""
        from mesolog.domain.permissions import NotPermitted
        from mesolog.domain.spreadsheet import SpreadsheetError, read_spreadsheet
        from mesolog.domain.validation import NotStored
        from mesolog.services.patient_import import (
            Imported,
            ImportRefused,
            PatientImportService,
        )
        from mesolog.store.database import DatabaseError
        from mesolog.ui.patients.import_dialog import PatientImportDialog

        name, _ = QFileDialog.getOpenFileName(
            self._window, tr("Import Patients"), str(self._window.folder()),
            tr("Spreadsheets (*.xlsx *.csv *.txt *.tsv);;All files (*)"))
        if not name:
            return False
        try:
            sheet = read_spreadsheet(Path(name).read_bytes())
        except (SpreadsheetError, OSError) as e:
            QMessageBox.warning(self._window, tr("Import Patients"),
                                tr("{file} cannot be imported: {reason}").format(
                                    file=Path(name).name, reason=e))
            return False
        database = self._window.database
        dialog = PatientImportDialog(database, sheet, Path(name).name, self._window)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.plan is None:
            return False
        plan, valid_rows_only = dialog.plan, dialog.valid_rows_only

        def done(imported: Imported) -> None:
            left_out = ("\n\n" + tr("%Ln row(s) were left out: the duplicates and the "
                                     "refused rows.", "", imported.skipped)
                        if imported.skipped else "")
            QMessageBox.information(self._window, tr("Patients imported"),
                                    tr("%Ln patient(s) imported.", "", imported.patients)
                                    + left_out)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self._window, tr("Nothing imported"), str(error))

        self.importing = run_long_work(
            self._window, tr("Importing patients"), with_own_connection(
                database, lambda own, _progress: PatientImportService(own).run(
                    plan, valid_rows_only=valid_rows_only)),
            done=done, failed=failed,
            expected=(ImportRefused, NotPermitted, NotStored, DatabaseError))
        return True

    def export_patient_list(self) -> None:
        """Every patient the current search lists (not only those on screen), in the
        list's order and columns, to a CSV file."""
        from mesolog.services.list_export import ListExportService
        from mesolog.ui.common.list_export import export_list

        window = self._window
        query, today = window.model.query, window.today()
        title = (tr("Patients - {search}").format(search=query.text.strip())
                 if query.text.strip() else tr("Patients"))
        self.exporting = export_list(window, window.database, title,
                                     lambda own: ListExportService(own).patient_list(query,
                                                                                    today))

    def export_record(self) -> bool:
        """The open patient's record (JSON or a FHIR bundle, as the save dialog's type
        says; photos; progress report) into a new folder, for the patient, another clinic
        or a referring doctor; False if no folder was chosen."""
        from mesolog.domain.permissions import NotPermitted
        from mesolog.domain.progress import Progress
        from mesolog.domain.validation import NotFoundError
        from mesolog.services.clinic_export import ClinicExportService
        from mesolog.store.clinic_export import ClinicExport
        from mesolog.store.database import Database, DatabaseError
        from mesolog.store.fhir_export import FhirExport

        window = self._window
        patient = window.form.patient
        if patient is None or not window.settle_unsaved():
            return False
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        chart = patient.details.chart_no.replace("/", "-")
        name, chosen = QFileDialog.getSaveFileName(
            window, tr("Export Record"), str(folder / tr("{chart} record").format(chart=chart)),
            ";;".join((tr(RECORD_AS_JSON), tr(RECORD_AS_FHIR))),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return False
        now = window.clock()
        as_fhir = chosen == tr(RECORD_AS_FHIR)

        def done(exported: ClinicExport | FhirExport) -> None:
            missing = ("\n\n" + tr("%Ln photo file(s) were missing.", "",
                                    len(exported.missing_photos))
                       if exported.missing_photos else "")
            QMessageBox.information(window, tr("Record exported"), (tr(
                "{name}'s FHIR bundle, %Ln photo(s) and progress report are in {folder}.", "",
                exported.photos) if as_fhir else tr(
                "{name}'s record, %Ln photo(s) and progress report are in {folder}.", "",
                exported.photos)).format(name=patient.details.full_name,
                                         folder=exported.folder) + missing)

        def export(own: Database, progress: Progress) -> ClinicExport | FhirExport:
            exporter = ClinicExportService(own)
            if as_fhir:
                return exporter.export_patient_fhir(patient.id, Path(name), now, progress)
            return exporter.export_patient(patient.id, Path(name), now, progress)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(window, tr("Record not exported"), str(error))

        self.exporting = run_long_work(
            window, tr("Exporting the record"), with_own_connection(window.database, export),
            done=done, failed=failed,
            expected=(NotPermitted, NotFoundError, DatabaseError, OSError))
        return True

    def restore(self) -> bool:
        """The database replaced by a checked backup, on a helper thread; the window
        shows nothing of the file meanwhile and logs in to it again afterwards."""
        from mesolog.domain.permissions import Action, NotPermitted
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError, open_database

        if not self._window.settle_unsaved():
            return False
        name, _ = QFileDialog.getOpenFileName(self._window, tr("Restore from Backup"),
                                              str(self._window.folder()), tr(FILE_FILTER))
        if not name:
            return False
        answer = QMessageBox.question(
            self._window, tr("Restore"),
            tr("Replace {database} by the backup {backup}?\n\nThe backup is checked first; "
               "the current database is kept as a copy beside it.").format(
                database=self._window.database.path.name, backup=Path(name).name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db = self._window.database
        try:
            db.require(Action.RESTORE)  # refused before anything is let go of
        except NotPermitted as e:
            QMessageBox.warning(self._window, tr("Not restored"), str(e))
            return False
        self._window.let_go_of_database()  # nothing shown reads the file while it is replaced

        def reopened() -> bool:
            # the file now may hold other accounts and roles: whoever goes on logs in again
            if not self._window.admit_and_attach(open_database(db.path, key=db.key)):
                self._window.close()
                return False
            return True

        def done(kept: Path | None) -> None:
            if reopened():
                QMessageBox.information(self._window, tr("Restored"), tr(
                    "{database} now holds the backup.").format(database=db.path.name) + (
                    "\n\n" + tr("The replaced database is kept as {copy}.").format(copy=kept)
                    if kept else ""))

        def failed(error: BaseException) -> None:
            if not isinstance(error, DatabaseError | NotPermitted):
                reopened()
                raise error
            if reopened():
                QMessageBox.warning(self._window, tr("Not restored"),
                                    f"{error}\n\n" + tr("Nothing was changed."))

        # the window's own view: the restore closes every connection to the file first
        self.restoring = run_long_work(self._window, tr("Restoring"),
                                       lambda _progress: BackupService(db).restore(Path(name)),
                                       done=done, failed=failed,
                                       expected=(BaseException,))  # reopened whatever it is
        return True

    def open_demo_clinic(self) -> None:
        """The demo clinic beside the open database, built first (on a helper thread,
        with its progress and Cancel) if it is not there yet."""
        from mesolog.domain.progress import Cancelled
        from mesolog.services.demo import make_demo_clinic_file
        from mesolog.store.database import DatabaseError

        path = self._window.folder() / DEMO_FILE_NAME
        if path.exists():
            self._window.switch_database(path)
            return

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                self._window.statusBar().showMessage(tr("The demo clinic was not made."), 5000)
            else:
                QMessageBox.critical(self._window, tr("Cannot make the demo clinic"), str(error))

        self.building_demo = run_long_work(
            self._window, tr("Making the demo clinic"),
            lambda progress: make_demo_clinic_file(path, DEMO_PATIENTS, progress),
            done=lambda _result: self._window.switch_database(path), failed=failed,
            expected=(DatabaseError, OSError), cancellable=True)
