"""Preferences: automatic backups, and how soon an idle window locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.backup_rotation import DAILY_KEPT, WEEKLY_KEPT
from mesolog.ui import settings as opt
from mesolog.ui.settings import Settings


def backup_folder(settings: Settings, db_path: Path) -> Path:
    """The folder set in preferences, or "backups" beside the database."""
    chosen = settings.get(opt.BACKUP_FOLDER)
    return Path(chosen) if chosen else db_path.parent / "backups"


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings
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
        form.addRow("Backup &folder", row)
        form.addRow("", QLabel(f"Kept: the newest backup of each of the last {DAILY_KEPT} days "
                               f"and of the last {WEEKLY_KEPT} weeks."))
        form.addRow("&Lock after", self.idle_lock)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Backup folder", self.folder.text())
        if name:
            self.folder.setText(name)

    def accept(self) -> None:
        self._settings.set(opt.AUTO_BACKUP, self.auto_backup.isChecked())
        self._settings.set(opt.BACKUP_FOLDER, self.folder.text().strip())
        self._settings.set(opt.IDLE_LOCK_MINUTES, self.idle_lock.value())
        self._settings.sync()
        super().accept()
