"""File ▸ Encrypt Database: a plain clinic made encrypted, offered when an
administrator opens one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QWidget

from mesolog.domain.permissions import Action
from mesolog.ui.common.form_dialog import FormDialog
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.long_work import LongWork, run_long_work

if TYPE_CHECKING:
    from mesolog.services.backups import Encrypted
    from mesolog.services.clinic import Clinic
    from mesolog.ui.main_window import MainWindow

_WHY = QT_TR_NOOP("{name} is not encrypted: anyone who copies the file, or its photos, reads every "
        "record without a password. Encrypting makes a checked encrypted copy and puts it in "
        "its place; the plain file is kept aside, still readable, until you delete it.")


class EncryptDialog(FormDialog):
    """What encrypting does, and the administrator's own password (it will open the
    encrypted records)."""

    def __init__(self, clinic: Clinic, name: str, parent: QWidget | None = None):
        super().__init__(tr("Encrypt database"), parent)
        self._clinic = clinic
        for at, text in enumerate((tr(_WHY).format(name=name), tr(
                "Other accounts log in again once you set them a new password (Clinic ▸ "
                "Accounts)."))):
            why = QLabel(text)
            why.setWordWrap(True)
            self.layout_.insertWidget(at, why)  # above the form: wrapped to its full height
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(tr("Your &password"), "password", self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Encrypt"))

    def store(self) -> None:  # checked before the window lets go of the file
        self._clinic.accounts.confirm_own_password(self.password.text(), "password")


class EncryptionActions:
    """Encrypting the open plain database, on behalf of the main window."""

    def __init__(self, window: MainWindow):
        self._window = window
        self.encrypting: LongWork | None = None

    def applies(self) -> bool:
        """Whether the open database is a plain file and its logged-in actor may encrypt
        it (a server's records are protected by the server: TLS, its disks)."""
        db = self._window.database
        return (db is not None and not db.encrypted and not db.read_only and not db.on_server
                and self._window.gate.logged_in and db.actor is not None
                and db.actor.may(Action.ENCRYPT))

    def offer(self) -> None:
        """On opening a plain database: say so, and encrypt it if the administrator wants."""
        if not self.applies():
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Not encrypted"),
                          _WHY.format(name=self._window.database.path.name),
                          parent=self._window)
        encrypt = box.addButton(tr("Encrypt…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
        box.setInformativeText(tr("File ▸ Encrypt Database does it later."))
        box.exec()
        if box.clickedButton() is encrypt:
            self.encrypt()

    def encrypt(self) -> bool:
        """Ask the password, then encrypt on a helper thread; the window shows the
        encrypted database again once its administrator has logged in to it."""
        from mesolog.services.backups import BackupService
        from mesolog.store.database import DatabaseError, open_database

        window, db = self._window, self._window.database
        if not self.applies() or not window.settle_unsaved():
            return False
        dialog = EncryptDialog(window.clinic, db.path.name, window)
        if not dialog.exec():
            return False
        password, now = dialog.password.text(), window.clock()
        window.let_go_of_database()  # nothing shown reads the file while it is replaced

        def reopened(key) -> bool:
            if not window.admit_and_attach(open_database(db.path, key=key)):
                window.close()
                return False
            return True

        def done(encrypted: Encrypted) -> None:
            converted = encrypted.converted
            QMessageBox.information(window, tr("Encrypted"), _done_text(db.path.name, encrypted))
            reopened(converted.recovery.database_key())  # the recovery key is shown next

        def failed(error: BaseException) -> None:
            if not reopened(None):
                return
            if not isinstance(error, DatabaseError | OSError):
                raise error
            QMessageBox.warning(window, tr("Not encrypted"), f"{error}\n\n" + tr(
                "The database is as it was, still plain."))

        self.encrypting = run_long_work(
            window, tr("Encrypting"), lambda progress: BackupService(db).encrypt(
                password, now, progress), done=done, failed=failed,
            expected=(BaseException,))  # reopened whatever it is
        return True


def _done_text(name: str, encrypted: Encrypted) -> str:
    converted = encrypted.converted
    text = tr("{name} is encrypted. The plain copy is kept as {copy} (its photos in "
              "{photos}): anyone can still read it. Delete it once a backup of the encrypted "
              "database is made.\n\nLog in again to go on; the recovery key is shown next: "
              "write it down.").format(name=name, copy=converted.plain_copy,
                                       photos=f"{converted.plain_copy.stem}-photos")
    if encrypted.need_a_new_password:
        text += "\n\n" + tr("These accounts log in again once you set them a new password "
                             "(Clinic ▸ Accounts ▸ Reset Password): {logins}.").format(
            logins=", ".join(encrypted.need_a_new_password))
    if converted.photos_left_plain:
        text += "\n\n" + tr("%Ln photo file(s) missing or changed since they were attached "
                             "were left as they were found.", "",
                             len(converted.photos_left_plain))
    return text
