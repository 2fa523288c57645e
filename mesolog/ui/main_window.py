"""The main window: patient list on the left, the open chart on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mesolog import APP_NAME
from mesolog.domain.validation import ConflictError
from mesolog.services.clock import Clock, local_now
from mesolog.ui.clinic.clinic_lists import ClinicLists
from mesolog.ui.common import settings as opt
from mesolog.ui.common.change_notices import ChangeNotices
from mesolog.ui.common.connection_banner import ConnectionBanner
from mesolog.ui.common.language import speak, tr
from mesolog.ui.common.prompts import Unsaved, ask_about_unsaved
from mesolog.ui.common.scanner import ScanListener, scanner_config
from mesolog.ui.common.settings import Settings
from mesolog.ui.gate import Gate, OpenGate
from mesolog.ui.outcomes.outcomes_panel import OutcomesPanel
from mesolog.ui.patients.patient_form import PatientForm
from mesolog.ui.patients.patient_list_model import PatientListModel
from mesolog.ui.patients.patient_list_panel import PatientListPanel
from mesolog.ui.patients.welcome import NoPatientPage, WelcomePage
from mesolog.ui.treatment.treatment_panel import TreatmentPanel
from mesolog.ui.window_layout import restore_layout, save_layout
from mesolog.ui.window_menus import build_actions, update_actions

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.patients import PatientService
    from mesolog.store.changes import Changes
    from mesolog.store.database import Database

# The database layer (SQLAlchemy) takes longer to import than Qt itself, so
# the window is built and shown first and the database attached right after;
# functions that open files import the store when they run.


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, clock: Clock = local_now,
                 parent: QWidget | None = None, gate: Gate | None = None):
        super().__init__(parent)
        self._settings = settings
        self._gate: Gate = gate or OpenGate()
        # one clock for the window, its tabs, dialogs and the services it opens
        self._clock = clock
        self._db: Database | None = None
        self._patients: PatientService | None = None
        self._clinic: Clinic | None = None
        self.clinic_lists = ClinicLists(self)
        self._notices: ChangeNotices | None = None
        self._backed_up_to_close = False  # closing: today's backup is made or not due
        self._build()
        restore_layout(self)
        # a vial scanned outside a session: who received its lot
        self.scans = ScanListener(self, scanner_config(settings))
        self.scans.scanned.connect(self._scanned)

    def _build(self) -> None:
        """What the window shows, in the language in force (built again by ``speak``)."""
        settings, clock = self._settings, self._clock
        self.list_panel = PatientListPanel(settings.get(opt.INCLUDE_ARCHIVED),
                                           self._shown_patient_id)
        self.search_box = self.list_panel.search_box
        self.include_archived = self.list_panel.include_archived
        self.list_view = self.list_panel.list_view

        self.form = PatientForm(self.today)
        self.treatment = TreatmentPanel(clock, lambda: self.scans.config)  # as Preferences left it
        self.patient_tabs = QTabWidget()
        self.patient_tabs.addTab(self.form, tr("&Chart", "the patient's record"))
        self.patient_tabs.addTab(self.treatment, tr("&Treatment"))
        self.outcomes = OutcomesPanel(clock)
        self.patient_tabs.addTab(self.outcomes, tr("&Outcomes"))
        # the chart's allergy banner stands above the tabs: seen whatever tab is open
        self.patient_page = QWidget()
        page_layout = QVBoxLayout(self.patient_page)
        page_layout.setContentsMargins(0, 6, 0, 0)
        page_layout.addWidget(self.form.alerts_banner)
        page_layout.addWidget(self.patient_tabs, 1)
        self.welcome = WelcomePage()
        self.hint = NoPatientPage()
        self.pages = QStackedWidget()
        for page in (self.welcome, self.hint, self.patient_page):
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(self.hint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.connection_banner = ConnectionBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.connection_banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = self.list_panel.count_label
        self.statusBar().addPermanentWidget(self.count_label)
        build_actions(self)
        self._connect()
        self.setWindowTitle(APP_NAME)
        self._update_actions()

    def speak(self, code: str) -> None:
        """Show the window in language ``code``: its texts are set as it is built, so it
        is built again, carrying over the database, who is logged in, the layout, the
        search, the open chart with what is typed and not saved, its tab, and the clinic
        lists that were open (Preferences are modal: no other unsaved work is open)."""
        from mesolog.ui.window_language import WhatIsShown

        shown = WhatIsShown.of(self)
        save_layout(self)
        self.outcomes.finish_loading()
        if self._db is not None:
            self.let_go_of_database()  # nothing of the old panels reads or follows it
        else:
            self.clinic_lists.close()
        self.statusBar().removeWidget(self.count_label)
        for old in (self.count_label,
                    *(a for a in self.findChildren(QAction) if a.parent() is self)):
            old.deleteLater()
        self.setMenuBar(QMenuBar())  # the old bar and (by _build) central widget go too
        speak(code)
        self.clinic_lists = ClinicLists(self)
        self._build()
        restore_layout(self)
        self._db = None  # attached again by ``shown``, with the list's saved columns
        shown.show_in(self)

    # -- construction ----------------------------------------------------

    def _connect(self) -> None:
        self.list_panel.patient_chosen.connect(self._on_patient_chosen)
        self.list_panel.searched.connect(self.hint.follow_search)
        self.form.dirty_changed.connect(self._on_dirty_changed)
        self.form.saved.connect(self._on_saved)
        self.welcome.create_patient.connect(self.new_patient)
        self.welcome.open_demo.connect(self.files.open_demo_clinic)
        self.hint.create_patient.connect(self.new_patient_from_search)

    def _scanned(self, text: str) -> None:
        if self._clinic is None:
            self.statusBar().showMessage(tr("Open a database to look up a scanned vial."), 8000)
            return
        from mesolog.ui.clinic.lot_recall import show_recall_of_scan

        show_recall_of_scan(self, self._clinic, text, self.scans.config)

    # -- the database ----------------------------------------------------

    @property
    def database(self) -> Database | None:
        return self._db

    @property
    def clinic(self) -> Clinic | None:
        return self._clinic

    @property
    def model(self) -> PatientListModel | None:
        """The patient list's model, while a database is open."""
        return self.list_panel.model

    @property
    def notices(self) -> ChangeNotices | None:
        return self._notices

    def admit_and_attach(self, db: Database) -> bool:
        """Show ``db`` as whoever the gate lets in sees it; False (``db`` closed) if nobody."""
        acting = self._gate.admit(self, db)
        if acting is None:
            db.close()
            return False
        self.attach(acting)
        self.encryption.offer()  # a plain file opened by an administrator
        return True

    def has_unsaved_work(self) -> bool:
        return self.form.is_dirty()

    def attach(self, db: Database) -> None:
        """Show ``db`` as its actor sees it; the window closes it when done with it."""
        from mesolog.services.clinic import Clinic

        saved_header = self._settings.get(opt.PATIENT_LIST_HEADER) if self._db is None else None
        if self._db is not None and self._db.engine is not db.engine:
            self._db.close()
        if self._notices is not None:
            self._notices.detach()
        self.clinic_lists.close()  # they list the old database
        self._db = db
        self._clinic = Clinic.of(db, self._clock)
        self._patients = self._clinic.patients
        self._notices = ChangeNotices(db, self)
        for follows in (self._on_changes, self.treatment.follow, self.outcomes.follow):
            self._notices.changed.connect(follows)
        self.connection_banner.follow(True, "")
        self._notices.reachable.connect(self._on_reachable)
        self.form.set_service(self._patients)
        self.form.load(None)
        self._show_clinical_tabs(None)
        self.list_panel.attach(self._patients, self.today, saved_header)
        self._show_database()

    def let_go_of_database(self) -> None:
        """While the file is replaced (a restore): nothing shown reads it; ``attach`` or
        ``admit_and_attach`` shows a database again."""
        self._notices.detach()
        self.clinic_lists.close()
        self.form.load(None)
        self._show_clinical_tabs(None)
        self.list_panel.detach()

    def switch_database(self, path: Path) -> bool:
        """Open ``path`` in this window; False (and nothing changed) if it cannot be."""
        from mesolog.store.database import DatabaseError, open_database

        if not self.settle_unsaved():
            return False
        try:
            db = open_database(path)
        except DatabaseError as e:
            QMessageBox.critical(self, tr("Cannot open database"), str(e))
            return False
        if not self.admit_and_attach(db):
            return False
        self.statusBar().showMessage(tr("Opened {database}").format(database=path), 5000)
        return True

    def folder(self) -> Path:
        return self._db.path.parent if self._db and self._db.path else Path.home()

    def _show_database(self) -> None:
        empty = self._patients.count(include_archived=True) == 0
        self.list_panel.setVisible(not empty or self.form.patient is not None)
        if empty and self.pages.currentWidget() is not self.patient_page:
            self.pages.setCurrentWidget(self.welcome)
        elif self.pages.currentWidget() is self.welcome:
            self.pages.setCurrentWidget(self.hint)
        self._update_title()
        self.list_panel.show_read_only(self._db.read_only)
        self._update_actions()
        self.list_panel.update_count()

    # -- the list --------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The list, and a chart with nothing unsaved, follow what was changed."""
        if not changes.may_touch("patient"):
            return
        self.model.reload()
        self.list_panel.update_count()
        shown = self.form.patient
        if (changes.by_another and shown is not None and changes.may_touch_patient(shown.id)
                and not self.form.is_dirty()):
            self.form.load(self._patients.get(shown.id))  # changed by another program

    def _on_reachable(self, reachable: bool, why: str) -> None:
        self.connection_banner.follow(reachable, why)
        if reachable:
            self.statusBar().showMessage(tr("Connected to the server again."), 5000)

    def _shown_patient_id(self) -> int | None:
        return self.form.patient.id if self.form.patient is not None else None

    def _on_patient_chosen(self, patient_id: int) -> None:
        if not self.settle_unsaved():
            # the list's selection has already moved; put it back after this signal
            shown = self._shown_patient_id()
            QTimer.singleShot(0, self, lambda: self.list_panel.select(shown))
            return
        self.open_patient(patient_id)

    def focus_search(self) -> None:
        self.list_panel.focus_search()

    def open_patient(self, patient_id: int) -> None:
        patient = self._patients.get(patient_id)
        self.form.load(patient)
        self._show_clinical_tabs(patient)
        self.pages.setCurrentWidget(self.patient_page)
        self._update_actions()

    def _show_clinical_tabs(self, patient: object) -> None:
        """Treatment and Outcomes follow the open chart; a new, unsaved chart has neither."""
        for index, panel in ((1, self.treatment), (2, self.outcomes)):
            panel.show_patient(self._clinic, patient)
            self.patient_tabs.setTabEnabled(index, patient is not None)

    def show_patient(self, patient_id: int, tab: int = 1) -> bool:
        """Bring ``patient_id`` up (from the due list, say), clearing a search that hides it."""
        if not self.settle_unsaved():
            return False
        if not self._patients.lists(self.model.query, patient_id):
            self.list_panel.show_everyone()
        self.open_patient(patient_id)
        self.list_panel.select(patient_id, read_down=True)
        self.patient_tabs.setCurrentIndex(tab)
        self.raise_()
        self.activateWindow()
        return True

    # -- the open chart --------------------------------------------------

    def settle_unsaved(self) -> bool:
        """True when it is fine to leave the open chart (saved, discarded or clean)."""
        if not self.form.is_dirty():
            return True
        name = self.form.details().full_name
        answer = ask_about_unsaved(self, tr("The chart of {name}").format(name=name) if name
                                   else tr("The chart of the new patient"))
        if answer is Unsaved.SAVE:
            return self.form.save()
        if answer is Unsaved.DISCARD:
            self.form.revert()
            return True
        return False

    def new_patient(self) -> bool:
        if not self.settle_unsaved():
            return False
        self.form.load(None, self._patients.next_chart_no())
        self._show_clinical_tabs(None)
        self.patient_tabs.setCurrentIndex(0)
        self.list_panel.select(None)
        self.list_panel.setVisible(self.list_panel.isVisible() or self.model.rowCount() > 0)
        self.pages.setCurrentWidget(self.patient_page)
        self.form.inputs["last_name"].setFocus()
        self._update_actions()
        return True

    def new_patient_from_search(self, searched: str) -> None:
        """A new chart (or the empty page's New Patient), started with what was searched
        for: a date of birth, or the last name then the first names."""
        if self.new_patient() and searched:
            self.form.start_with(searched)

    def _on_saved(self, patient: object) -> None:
        self._show_clinical_tabs(patient)  # the list and its count followed the change notice
        self.list_panel.select(patient.id, read_down=True)
        self.list_panel.setVisible(True)
        self._update_actions()
        self.statusBar().showMessage(tr("Saved."), 3000)

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)
        self._update_actions()

    def toggle_archived(self) -> None:
        patient = self.form.patient
        if patient is None or not self.settle_unsaved():
            return
        patient = self.form.patient
        try:
            if patient.archived:
                changed = self._patients.unarchive(patient.id, patient.version)
                message = tr("{name} is back in the patient list.").format(
                    name=changed.details.full_name)
            else:
                changed = self._patients.archive(patient.id, patient.version)
                message = tr("{name} is archived: kept in the database, shown only with "
                             "Include archived.").format(name=changed.details.full_name)
        except ConflictError as e:
            QMessageBox.warning(self, tr("Not changed: changed elsewhere"), str(e))
            return
        self.form.load(changed)
        self._show_clinical_tabs(changed)  # the list and its count followed the notice
        self._update_actions()
        self.statusBar().showMessage(message, 8000)

    def _update_actions(self) -> None:
        update_actions(self, self.pages.currentWidget() is self.patient_page)

    def _update_title(self) -> None:
        self.setWindowTitle((tr("{database} (read-only)[*] — Mesolog") if self._db.read_only
                             else tr("{database}[*] — Mesolog")).format(database=self._db.name))

    # -- treatment and the clinic ------------------------------------------

    def on_treatment(self, act: Callable[[], object]) -> None:
        """Run a treatment action on the open patient, showing the Treatment tab."""
        if self.form.patient is None or not self.settle_unsaved():
            return
        self.patient_tabs.setCurrentWidget(self.treatment)
        act()

    @property
    def clock(self) -> Clock:
        return self._clock

    def today(self) -> date:
        return self._clock().date()

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def gate(self) -> Gate:
        return self._gate

    # -- window ----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Today's backup is made with the window still up, its progress shown, and the
        # window closes when it ends: a failure is said while someone is there to read
        # it, and nothing is left running once the window is gone.
        if not self._backed_up_to_close:
            if not self.settle_unsaved():
                event.ignore()
                return
            save_layout(self)
            if self._db is not None:
                self._notices.detach()
                self._db.close()
                self._backed_up_to_close = True
                if self.files.automatic_backup(then=self.close):
                    event.ignore()
                    return
        # nobody is logged in once the window is gone: no idle timer, no filter left on
        # the application for a gate that is about to be deleted with the window
        self._gate.log_out()
        event.accept()
