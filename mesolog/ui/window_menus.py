"""The main window's actions and menus: what each does, its shortcut and its tip."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from mesolog.ui import window_dialogs
from mesolog.ui.about import show_about
from mesolog.ui.account_actions import AccountActions, permit_window_actions
from mesolog.ui.common.language import tr
from mesolog.ui.encryption_actions import EncryptionActions
from mesolog.ui.file_actions import FileActions

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_actions(window: MainWindow) -> None:
    """The window's actions, as attributes of the window, and its menus."""
    w = window
    k = QKeySequence.StandardKey
    w.files = FileActions(w)
    w.open_action = _action(w, tr("&Open Database…"), w.files.choose_database, k.Open,
                            tr("Open another Mesolog database file"))
    w.new_db_action = _action(w, tr("&New Database…"), w.files.choose_new_database, None,
                              tr("Create an empty Mesolog database file"))
    w.demo_action = _action(
        w, tr("Open &Demo Clinic"), w.files.open_demo_clinic, None,
        tr("A separate database of invented patients, to try things without touching yours"))
    w.backup_action = _action(w, tr("&Back Up…"), w.files.back_up, None,
                              tr("A verified copy of the database and its photos"))
    w.restore_action = _action(w, tr("&Restore…"), w.files.restore, None,
                               tr("Replace the database by a checked backup"))
    w.import_patients_action = _action(w, tr("&Import Patients…"), w.files.import_patients, None,
                                       tr("Patients from a spreadsheet saved as CSV"))
    w.export_list_action = _action(w, tr("Export &List…"), w.files.export_patient_list, None,
                                   tr("The patients the search lists, for a spreadsheet"))
    w.encryption = EncryptionActions(w)
    w.encrypt_action = _action(w, tr("&Encrypt Database…"), w.encryption.encrypt, None,
                               tr("Make the database and its photos unreadable without a login"))
    w.preferences_action = _action(w, tr("&Preferences…"),
                                   lambda: window_dialogs.show_preferences(w), k.Preferences)
    w.quit_action = _action(w, tr("&Quit"), w.close, k.Quit)
    w.new_patient_action = _action(w, tr("&New Patient"), w.new_patient, k.New,
                                   tr("Open an empty chart for a new patient"))
    w.save_action = _action(w, tr("&Save Patient"), w.form.save, k.Save)
    w.revert_action = _action(w, tr("&Revert Changes"), w.form.revert)
    w.archive_action = _action(w, tr("&Archive Patient"), w.toggle_archived,
                               "Ctrl+Shift+A",
                               tr("Take the patient out of the list; nothing is deleted"))
    w.find_action = _action(w, tr("&Find Patient"), w.focus_search, k.Find)
    w.about_action = _action(
        w, tr("&About Mesolog"), lambda: show_about(w, w.database))
    w.new_session_action = _action(
        w, tr("&New Session…"), lambda: w.on_treatment(w.treatment.new_session),
        "Ctrl+Shift+N", tr("Record an injection session for the open patient"))
    w.open_session_action = _action(
        w, tr("&Open Session…"), lambda: w.on_treatment(w.treatment.open_selected),
        None, tr("Open the session selected on the Treatment tab"))
    w.sign_session_action = _action(
        w, tr("&Sign Session"), lambda: w.on_treatment(w.treatment.sign_selected),
        "Ctrl+Shift+I", tr("Sign the selected session; it becomes read-only"))
    w.amend_session_action = _action(
        w, tr("&Amend Session…"), lambda: w.on_treatment(w.treatment.amend_selected),
        "Ctrl+Shift+M", tr("Change a signed session, with a reason"))
    w.new_course_action = _action(
        w, tr("New &Course…"), lambda: w.on_treatment(w.treatment.new_course))
    w.history_action = _action(w, tr("&History…"), lambda: window_dialogs.show_history(w), "Ctrl+H",
                               tr("Who changed what in this chart, and when"))
    w.export_record_action = _action(
        w, tr("E&xport Record…"), w.files.export_record, None,
        tr("The patient's record, photos and progress report, for them or another clinic"))
    w.report_action = _action(w, tr("&Print or Save Report…"),
                              lambda: window_dialogs.show_reports(w),
                              QKeySequence.StandardKey.Print,
                              tr("Progress report, patient summary or consent form"))
    w.consent_action = _action(
        w, tr("Record C&onsent…"), lambda: w.on_treatment(w.treatment.record_consent))
    w.catalogue_action = _action(w, tr("&Products and Lots…"),
                                 lambda: window_dialogs.show_catalogue(w),
                                 "Ctrl+Shift+P",
                                 tr("The product catalogue, lots and recalls"))
    w.lot_recall_action = _action(w, tr("&Who Received This Lot…"),
                                  lambda: window_dialogs.show_lot_recall(w), None,
                                  tr("Scan a vial, or choose its lot: every patient who "
                                     "received it"))
    w.due_action = _action(w, tr("&Due and Overdue"), w.clinic_lists.show_due, "Ctrl+D",
                           tr("Patients whose next session is due"))
    w.account_actions = AccountActions(w)
    w.open_events_action = _action(
        w, tr("Open &Side Effects"), w.clinic_lists.show_open_events, "Ctrl+Shift+E",
        tr("Unresolved side effects across the clinic"))
    w.practice_outcomes_action = _action(
        w, tr("&Outcomes Across the Practice…"), w.clinic_lists.show_practice_outcomes, None,
        tr("How a cohort of the practice's patients responds: mean change, responders, "
        "who was lost to follow-up"))

    file_menu = w.menuBar().addMenu(tr("&File"))
    file_menu.addActions([w.open_action, w.new_db_action, w.demo_action])
    file_menu.addSeparator()
    file_menu.addActions([w.backup_action, w.restore_action, w.encrypt_action])
    file_menu.addSeparator()
    file_menu.addActions([w.import_patients_action, w.export_list_action])
    file_menu.addSeparator()
    file_menu.addAction(w.preferences_action)
    file_menu.addSeparator()
    file_menu.addActions([w.account_actions.password_action,
                          w.account_actions.switch_action, w.quit_action])
    patient_menu = w.menuBar().addMenu(tr("&Patient"))
    patient_menu.addActions([w.new_patient_action, w.save_action, w.revert_action])
    patient_menu.addSeparator()
    patient_menu.addActions([w.new_course_action, w.consent_action])
    patient_menu.addSeparator()
    patient_menu.addActions([w.report_action, w.export_record_action, w.history_action,
                             w.archive_action,
                             w.find_action])
    session_menu = w.menuBar().addMenu(tr("&Session"))
    session_menu.addActions([w.new_session_action, w.open_session_action,
                             w.sign_session_action, w.amend_session_action])
    clinic_menu = w.menuBar().addMenu(tr("&Clinic"))
    clinic_menu.addActions([w.due_action, w.open_events_action,
                            w.practice_outcomes_action, w.catalogue_action,
                            w.lot_recall_action])
    clinic_menu.addSeparator()
    clinic_menu.addAction(w.account_actions.accounts_action)
    help_menu = w.menuBar().addMenu(tr("&Help"))
    help_menu.addAction(w.about_action)


def update_actions(window: MainWindow, on_chart: bool) -> None:
    """Enable what applies to what the window shows (``on_chart``: a chart page is open)
    and what its actor may do."""
    w = window
    attached = w.database is not None
    for action in (w.new_patient_action, w.find_action, w.new_db_action,
                   w.backup_action, w.restore_action, w.import_patients_action,
                   w.export_list_action,
                   w.catalogue_action, w.lot_recall_action, w.due_action,
                   w.open_events_action,
                   w.practice_outcomes_action):
        action.setEnabled(attached)
    # a server's records are never replaced: a set is restored into a new database
    w.restore_action.setVisible(not (attached and w.database.on_server))
    actor = w.database.actor if attached else None
    w.account_actions.update(actor, attached)
    w.encrypt_action.setVisible(w.encryption.applies())  # a plain file, an administrator
    patient = w.form.patient
    stored = on_chart and patient is not None
    for action in (w.new_session_action, w.open_session_action,
                   w.sign_session_action, w.amend_session_action,
                   w.new_course_action, w.consent_action, w.history_action,
                   w.report_action, w.export_record_action):
        action.setEnabled(stored)
    w.save_action.setEnabled(on_chart and w.form.is_dirty())
    w.revert_action.setEnabled(on_chart and w.form.is_dirty())
    w.archive_action.setEnabled(on_chart and patient is not None)
    archived = patient is not None and patient.archived
    w.archive_action.setText(tr("Restore from &Archive") if archived else tr("&Archive Patient"))
    permit_window_actions(w, actor)
