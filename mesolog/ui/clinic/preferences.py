"""Preferences: the language, the barcode scanner, automatic backups, how soon an idle
window locks, the letterhead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.backup_rotation import DAILY_KEPT, WEEKLY_KEPT
from mesolog.domain.print_layout import Paper
from mesolog.domain.translation import LANGUAGES
from mesolog.domain.validation import ValidationError
from mesolog.ui.clinic.scanner_preferences import ScannerBox
from mesolog.ui.common import settings as opt
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.form_dialog import OpensAtFirstField, choose
from mesolog.ui.common.language import chosen_language, format_sample, system_language, tr
from mesolog.ui.common.scanner import save_scanner_config, scanner_config
from mesolog.ui.common.settings import Settings

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.ui.main_window import MainWindow


def backup_folder(settings: Settings, db_path: Path) -> Path:
    """The folder set in preferences, or "backups" beside the database."""
    chosen = settings.get(opt.BACKUP_FOLDER)
    return Path(chosen) if chosen else db_path.parent / "backups"


class PreferencesDialog(OpensAtFirstField, QDialog):
    """``desk``: this desk's backups and lock, an administrator's; the language and the
    scanner are everyone's; the letterhead, when ``clinic`` is given, the clinic's."""

    def __init__(self, settings: Settings, db_path: Path, clinic: Clinic | None = None,
                 parent: QWidget | None = None, desk: bool = True):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self._settings = settings
        self._clinic = clinic
        self._desk = desk
        self._logo: Path | None = None
        self._drop_logo = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._language_box())
        self.scanner = ScannerBox(scanner_config(settings), self)
        layout.addWidget(self.scanner)
        if desk:
            layout.addWidget(self._desk_box(db_path))
        self.errors = FieldErrors()
        if clinic is not None:
            layout.addWidget(self._letterhead_box(clinic))
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _language_box(self) -> QGroupBox:
        self.language = QComboBox()
        self.language.addItem(tr("The system's ({language})").format(
            language=LANGUAGES[system_language()]), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        choose(self.language, self._settings.get(opt.LANGUAGE))
        self.formats = QLabel()
        self.language.currentIndexChanged.connect(self._show_formats)
        self._show_formats()
        box = QGroupBox(tr("Language (this desk)"))
        form = QFormLayout(box)
        form.addRow(tr("&Language"), self.language)
        form.addRow(tr("Dates and numbers"), self.formats)
        return box

    def _show_formats(self) -> None:
        code = self.language.currentData() or system_language()
        self.formats.setText(format_sample(code))

    def _desk_box(self, db_path: Path) -> QGroupBox:
        settings = self._settings
        self.auto_backup = QCheckBox(tr("Back up automatically when Mesolog closes "
                                        "(once a day)"))
        self.auto_backup.setChecked(settings.get(opt.AUTO_BACKUP))
        self.folder = QLineEdit(str(backup_folder(settings, db_path)))
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 240)
        self.idle_lock.setSuffix(tr(" minutes"))
        self.idle_lock.setValue(settings.get(opt.IDLE_LOCK_MINUTES))
        browse = QPushButton(tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        box = QGroupBox(tr("Backups and lock (this desk)"))
        form = QFormLayout(box)
        form.addRow(self.auto_backup)
        folder_label = QLabel(tr("Backup &folder"))  # a layout's row gets no buddy by itself
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        form.addRow("", QLabel(tr("Kept: the newest backup of each of the last {days} days "
                                  "and of the last {weeks} weeks.").format(
                                      days=DAILY_KEPT, weeks=WEEKLY_KEPT)))
        form.addRow(tr("&Lock after"), self.idle_lock)
        return box

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
        self.logo_label = QLabel(tr("A logo is set.") if current.logo else tr("No logo."))
        self.choose_logo_button = QPushButton(tr("Choose &Logo…"))
        clear = QPushButton(tr("No Logo"))
        self.choose_logo_button.clicked.connect(self._choose_logo)
        clear.clicked.connect(self._clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(clear)
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        choose(self.paper, current.paper.value)
        self.paper.setToolTip(tr("Every report is laid out for this paper; printed on "
                                 "other paper, its pages are fitted to it"))
        box = QGroupBox(tr("Letterhead on printed reports (shared by every desk)"))
        form = QFormLayout(box)
        form.addRow(tr("Clinic &name"), self.errors.under("name", self.clinic_name))
        form.addRow(tr("&Address"), self.errors.under("address", self.address))
        form.addRow(tr("P&hone"), self.errors.under("phone", self.phone))
        form.addRow(tr("Logo"), self.errors.under("logo", logo_row))
        form.addRow(tr("&Paper"), self.errors.under("paper", self.paper))
        return box

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Logo"), str(Path.home()),
                                              tr("Images (*.png *.jpg *.jpeg)"))
        if name:
            self._logo, self._drop_logo = Path(name), False
            self.logo_label.setText(Path(name).name)

    def _clear_logo(self) -> None:
        self._logo, self._drop_logo = None, True
        self.logo_label.setText(tr("No logo."))

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Backup folder"),
                                                self.folder.text())
        if name:
            self.folder.setText(name)

    def accept(self) -> None:
        if self._clinic is not None:
            from mesolog.services.letterhead import LetterheadService

            self.errors.clear()
            try:
                LetterheadService(self._clinic.db).set(
                    self.clinic_name.text(), self.address.toPlainText(), self.phone.text(),
                    self._logo, keep_logo=not self._drop_logo,
                    paper=Paper(self.paper.currentData()))
            except ValidationError as e:
                self.errors.show(e.errors, fallback="name")
                return
        self._settings.set(opt.LANGUAGE, self.language.currentData())
        save_scanner_config(self._settings, self.scanner.config())
        if self._desk:
            self._settings.set(opt.AUTO_BACKUP, self.auto_backup.isChecked())
            self._settings.set(opt.BACKUP_FOLDER, self.folder.text().strip())
            self._settings.set(opt.IDLE_LOCK_MINUTES, self.idle_lock.value())
        self._settings.sync()
        super().accept()


def open_preferences(window: MainWindow, clinic: Clinic | None, settings: Settings,
                     db_path: Path) -> None:
    """The language is each person's to choose; the rest of the preferences (the
    letterhead, and this desk's backups and lock) an administrator's. A new language
    shows at once: the window is built again in it, nothing typed lost."""
    from mesolog.domain.permissions import Action
    from mesolog.ui.common.permitted import allows

    administrator = clinic is None or allows(clinic.actor, Action.LETTERHEAD)
    before = chosen_language(settings)
    dialog = PreferencesDialog(settings, db_path, clinic if administrator else None,
                               parent=window, desk=administrator)
    if dialog.exec() and chosen_language(settings) != before:
        window.speak(chosen_language(settings))
