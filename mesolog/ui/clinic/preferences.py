"""Preferences: automatic backups, how soon an idle window locks, the letterhead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.backup_rotation import DAILY_KEPT, WEEKLY_KEPT
from mesolog.domain.validation import ValidationError
from mesolog.ui.common import settings as opt
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.settings import Settings

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


def backup_folder(settings: Settings, db_path: Path) -> Path:
    """The folder set in preferences, or "backups" beside the database."""
    chosen = settings.get(opt.BACKUP_FOLDER)
    return Path(chosen) if chosen else db_path.parent / "backups"


class PreferencesDialog(OpensAtFirstField, QDialog):
    def __init__(self, settings: Settings, db_path: Path, clinic: Clinic | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings
        self._clinic = clinic
        self._logo: Path | None = None
        self._drop_logo = False
        self.auto_backup = QCheckBox("Back up automatically when Mesolog closes "
                                     "(once a day)")
        self.auto_backup.setChecked(settings.get(opt.AUTO_BACKUP))
        self.folder = QLineEdit(str(backup_folder(settings, db_path)))
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 240)
        self.idle_lock.setSuffix(" minutes")
        self.idle_lock.setValue(settings.get(opt.IDLE_LOCK_MINUTES))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.auto_backup)
        folder_label = QLabel("Backup &folder")  # a row of a layout gets no buddy by itself
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        form.addRow("", QLabel(f"Kept: the newest backup of each of the last {DAILY_KEPT} days "
                               f"and of the last {WEEKLY_KEPT} weeks."))
        form.addRow("&Lock after", self.idle_lock)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.errors = FieldErrors()
        if clinic is not None:
            layout.addWidget(self._letterhead_box(clinic))
        layout.addWidget(buttons)

    def buttons_last(self) -> list[QWidget]:
        return self.buttons.buttons()

    def _letterhead_box(self, clinic: Clinic) -> QGroupBox:
        from mesolog.services.letterhead import LetterheadService

        current = LetterheadService(clinic.db).get()
        self.clinic_name = QLineEdit(current.name)
        self.address = QPlainTextEdit(current.address)
        self.address.setMaximumHeight(60)
        self.address.setTabChangesFocus(True)
        self.phone = QLineEdit(current.phone)
        self.logo_label = QLabel("A logo is set." if current.logo else "No logo.")
        self.choose_logo_button = QPushButton("Choose &Logo…")
        clear = QPushButton("No Logo")
        self.choose_logo_button.clicked.connect(self._choose_logo)
        clear.clicked.connect(self._clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(clear)
        box = QGroupBox("Letterhead on printed reports (shared by every desk)")
        form = QFormLayout(box)
        form.addRow("Clinic &name", self.errors.under("name", self.clinic_name))
        form.addRow("&Address", self.errors.under("address", self.address))
        form.addRow("P&hone", self.errors.under("phone", self.phone))
        form.addRow("Logo", self.errors.under("logo", logo_row))
        return box

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Logo", str(Path.home()),
                                              "Images (*.png *.jpg *.jpeg)")
        if name:
            self._logo, self._drop_logo = Path(name), False
            self.logo_label.setText(Path(name).name)

    def _clear_logo(self) -> None:
        self._logo, self._drop_logo = None, True
        self.logo_label.setText("No logo.")

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Backup folder", self.folder.text())
        if name:
            self.folder.setText(name)

    def accept(self) -> None:
        if self._clinic is not None:
            from mesolog.services.letterhead import LetterheadService

            self.errors.clear()
            try:
                LetterheadService(self._clinic.db).set(
                    self.clinic_name.text(), self.address.toPlainText(), self.phone.text(),
                    self._logo, keep_logo=not self._drop_logo)
            except ValidationError as e:
                self.errors.show(e.errors, fallback="name")
                return
        self._settings.set(opt.AUTO_BACKUP, self.auto_backup.isChecked())
        self._settings.set(opt.BACKUP_FOLDER, self.folder.text().strip())
        self._settings.set(opt.IDLE_LOCK_MINUTES, self.idle_lock.value())
        self._settings.sync()
        super().accept()


def open_preferences(window: QWidget, clinic: Clinic | None, settings: Settings,
                     db_path: Path) -> None:
    """Preferences (the letterhead, and this desk's backups and lock) are an
    administrator's."""
    from mesolog.domain.permissions import Action
    from mesolog.ui.common.permitted import allows

    if clinic is not None and not allows(clinic.actor, Action.LETTERHEAD):
        QMessageBox.information(window, "Preferences",
                                "Only an administrator changes the preferences.")
        return
    PreferencesDialog(settings, db_path, clinic, parent=window).exec()
