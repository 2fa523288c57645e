from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.domain.practitioner import Role
from mesolog.services.accounts import AccountService
from mesolog.services.clinic import Clinic
from mesolog.services.demo import DEMO_PASSWORD, build_demo_clinic
from mesolog.ui.common import settings as opt
from mesolog.ui.gate import LoginGate
from mesolog.ui.login import FirstAdministratorDialog, LockDialog, LoginDialog
from mesolog.ui.main_window import MainWindow
from tests.conftest import acting_as, fixed_clock
from tests.ui.modal import when_modal


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_new_database_asks_for_the_first_administrator(qtbot, db):
    accounts = AccountService(db, fixed_clock)
    dialog = FirstAdministratorDialog(accounts)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Dr Claire Moreau")
    qtbot.keyClicks(dialog.login, "cmoreau")
    qtbot.keyClicks(dialog.password, "correct horse battery")
    qtbot.keyClicks(dialog.repeat, "correct horse batterY")
    save(qtbot, dialog)
    assert dialog.errors.text("repeat") == "The two passwords differ."
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "correct horse battery")
    save(qtbot, dialog)
    assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted
    assert accounts.has_accounts() and dialog.actor.name == "Dr Claire Moreau"
    assert dialog.actor.role is Role.ADMINISTRATOR


def test_log_in_then_the_idle_lock_keeps_unsaved_edits(qtbot, db, settings):
    build_demo_clinic(db, 10, seed=1)
    gate = LoginGate(settings)
    window = MainWindow(settings, clock=fixed_clock, gate=gate)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.show()
    tries: list[str] = []

    def log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.login, "cmoreau")
        qtbot.keyClicks(dialog.password, "wrong password")
        save(qtbot, dialog)
        tries.append(dialog.errors.text("password"))
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
    when_modal(LoginDialog, log_in)
    assert window.admit_and_attach(db)
    assert tries == ["Wrong login or password."]
    assert window.database.actor.name == "Dr Claire Moreau" and window.model.rowCount() > 5
    assert gate.idle.interval() == settings.get(opt.IDLE_LOCK_MINUTES) * 60_000

    window.list_view.selectRow(0)
    qtbot.keyClicks(window.form.inputs["notes"], " unsaved words")
    unlocked: list[bool] = []

    def unlock(dialog: LockDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape does not unlock
        assert dialog.isVisible() and dialog.login.isReadOnly()
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
        unlocked.append(dialog.result() == LockDialog.DialogCode.Accepted)
    when_modal(LockDialog, unlock)
    gate.idle.timeout.emit()  # as if ten idle minutes had passed
    assert unlocked == [True]
    assert window.form.is_dirty() and "unsaved words" in window.form.inputs["notes"].toPlainText()


def logged_in(qtbot, db, settings, patients: int, login: str):
    """A demo clinic of ``patients`` in a window someone logged in to, typing as a person."""
    build_demo_clinic(db, patients, seed=1)
    gate = LoginGate(settings)
    window = MainWindow(settings, clock=fixed_clock, gate=gate)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.show()

    def log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.login, login)
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
    when_modal(LoginDialog, log_in)
    assert window.admit_and_attach(db)
    return window, gate


def test_refusing_to_log_in_shows_nothing(qtbot, db, settings):
    build_demo_clinic(db, 3, seed=1)
    window = MainWindow(settings, clock=fixed_clock, gate=LoginGate(settings))
    qtbot.addWidget(window)
    when_modal(LoginDialog, lambda dialog: dialog.reject())
    assert not window.admit_and_attach(db)
    assert window.database is None and window.model is None


def test_change_password_and_new_sessions_default_to_who_is_logged_in(qtbot, db, settings):
    from mesolog.ui.login import ChangePasswordDialog
    from mesolog.ui.treatment.session_editor import SessionEditor
    from tests.conftest import NOW

    window, _ = logged_in(qtbot, db, settings, 3, "tzielinski")
    password_action = window.account_actions.password_action
    assert password_action.isVisible()

    def change(dialog: ChangePasswordDialog) -> None:
        qtbot.keyClicks(dialog.current, DEMO_PASSWORD)
        qtbot.keyClicks(dialog.new, "a brand new secret")
        qtbot.keyClicks(dialog.repeat, "a brand new secret")
        save(qtbot, dialog)
    when_modal(ChangePasswordDialog, change)
    password_action.trigger()
    me = AccountService(db, fixed_clock).authenticate("tzielinski", "a brand new secret").actor
    clinic = window.clinic
    assert clinic.actor == me
    editor = SessionEditor(clinic, clinic.patients.get(1), None, NOW)
    qtbot.addWidget(editor)
    assert editor.practitioner.currentData() == me.id


def test_a_practitioner_chooses_only_their_language_in_preferences(qtbot, db, settings):
    """The letterhead and this desk's backups and lock are an administrator's; the
    language is everyone's."""
    from mesolog.ui.clinic.preferences import PreferencesDialog
    from tests.ui.modal import when_modal

    build_demo_clinic(db, 3, seed=1)
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window)
    assistant = next(p for p in Clinic.of(db).practitioners.active()
                     if p.name.startswith("Sam"))  # the demo's assistant
    window.attach(acting_as(db, assistant))
    window.show()
    seen: list[PreferencesDialog] = []
    backups = settings.get(opt.AUTO_BACKUP)

    def choose_french(dialog: PreferencesDialog) -> None:
        seen.append(dialog)
        assert not hasattr(dialog, "auto_backup") and not hasattr(dialog, "clinic_name")
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    when_modal(PreferencesDialog, choose_french)
    window.preferences_action.trigger()
    assert seen and settings.get(opt.LANGUAGE) == "fr"
    assert window.menuBar().actions()[0].text() == "&Fichier"
    assert settings.get(opt.AUTO_BACKUP) is backups  # not theirs to change: untouched


def test_while_locked_no_patient_data_is_on_the_screen(qtbot, db, settings, tmp_path):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    from mesolog.ui.treatment.session_editor import SessionEditor
    from tests.conftest import NOW

    window, gate = logged_in(qtbot, db, settings, 10, "cmoreau")
    window.list_view.selectRow(0)
    patient = window.form.patient
    name = patient.details.last_name
    editor = SessionEditor(window.clinic, patient, None, NOW)  # left open
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(0))
    editor.show()

    def shown_texts() -> list[str]:
        texts = []
        for top in QApplication.topLevelWidgets():
            if not top.isVisible() or isinstance(top, LockDialog):
                continue
            texts.append(top.windowTitle())
            for widget in top.findChildren(QWidget):
                if not widget.isVisible():
                    continue
                if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                    texts.append(widget.text())
                elif isinstance(widget, QPlainTextEdit):
                    texts.append(widget.toPlainText())
        return texts

    assert any(name in text for text in shown_texts())  # before: the chart is on screen
    seen: list[list[str]] = []

    def look_then_unlock(dialog: LockDialog) -> None:
        seen.append(shown_texts())
        window.grab().save(str(tmp_path / "locked.png"))
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
    when_modal(LockDialog, look_then_unlock)
    gate.idle.timeout.emit()
    (locked,) = seen
    assert locked and not any(name in text for text in locked)
    assert any(text.startswith("Mesolog is locked (Dr Claire Moreau).") for text in locked)
    assert any(name in text for text in shown_texts())  # unlocked: all back as it was
    assert editor.isVisible() and window.form.patient == patient


def test_switch_user_from_the_lock_and_from_the_file_menu(qtbot, db, settings, tmp_path):
    from PySide6.QtWidgets import QApplication, QLabel

    window, gate = logged_in(qtbot, db, settings, 10, "cmoreau")
    window.list_view.selectRow(0)
    name = window.form.patient.details.last_name
    qtbot.keyClicks(window.form.inputs["notes"], " unsaved words")
    refused: list[bool] = []

    def try_to_switch(dialog: LockDialog) -> None:  # her unsaved work: nobody else comes in
        refused.append(not dialog.switch_button.isEnabled())
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
    when_modal(LockDialog, try_to_switch)
    gate.idle.timeout.emit()
    assert refused == [True] and window.form.is_dirty()
    window.form.revert()

    hidden: list[bool] = []

    def switch(dialog: LockDialog) -> None:
        assert dialog.switch_button.isEnabled()
        qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)

    def log_in_as_the_assistant(dialog: LoginDialog) -> None:
        texts = [w.text() for top in QApplication.topLevelWidgets() if top.isVisible()
                 and not isinstance(top, LoginDialog) for w in top.findChildren(QLabel)
                 if w.isVisible()]
        hidden.append(not any(name in text for text in texts))
        window.grab().save(str(tmp_path / "switch-user.png"))
        qtbot.keyClicks(dialog.login, "sbecker")
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        save(qtbot, dialog)
    when_modal(LockDialog, switch)
    when_modal(LoginDialog, log_in_as_the_assistant)
    gate.idle.timeout.emit()
    assert hidden == [True]  # while the next person logs in, nothing of the chart shows
    assert window.clinic.actor.name == "Sam Becker" and window.model.rowCount() > 5
    # the window follows the table: an assistant records no session, sees no accounts
    window.list_view.selectRow(0)
    assert window.form.patient is not None and not window.new_session_action.isEnabled()
    assert "an assistant may not record a session" in window.new_session_action.toolTip()
    assert not window.account_actions.accounts_action.isVisible()
    assert window.new_patient_action.isEnabled()

    when_modal(LoginDialog, lambda dialog: (qtbot.keyClicks(dialog.login, "tzielinski"),
                                            qtbot.keyClicks(dialog.password, DEMO_PASSWORD),
                                            save(qtbot, dialog)))
    window.account_actions.switch_action.trigger()  # File ▸ Log Out / Switch User
    assert window.clinic.actor.name == "Dr Tomasz Zieliński"
    window.list_view.selectRow(0)
    assert window.new_session_action.isEnabled()
    assert window.new_session_action.toolTip() == "New Session"  # its own tip again
