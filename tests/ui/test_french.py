"""The window in French: every window and dialog walked with French chosen shows none
of the English texts French translates, dates are written day first, and a decimal
comma is typed and shown in numeric fields."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.domain.translation import untranslated
from mesolog.ui.common import settings as opt
from mesolog.ui.common.language import speak
from tests.conftest import fill_with_demo
from tests.ui.by_hand import type_by_hand
from tests.ui.shown_texts import english_replaced, english_shown
from tests.ui.test_dialog_focus import _dialogs, world  # noqa: F401 (the fixture)
from tests.ui.test_session_editor import clinic, patient, seeded  # noqa: F401 (fixtures)

DIALOGS = _dialogs()


@pytest.fixture(scope="module")
def english() -> set[str]:
    return english_replaced("fr")


def test_french_leaves_nothing_untranslated():
    assert untranslated("fr") == []


@pytest.mark.parametrize(("name", "make", "_first"), DIALOGS, ids=[d[0] for d in DIALOGS])
def test_every_dialog_in_french_shows_no_english(qtbot, world, english,  # noqa: F811
                                                 name, make, _first):
    speak("fr")
    dialog = make(world)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = english_shown(dialog, english)
    assert not shown, (name, shown)
    dialog.close()


@pytest.fixture
def french_window(make_window, db, settings, demo_template):
    settings.set(opt.LANGUAGE, "fr")
    speak("fr")
    return make_window(fill_with_demo(db, demo_template(300, 5)))


def test_the_main_window_and_the_clinic_windows_in_french_show_no_english(
        french_window, english):
    window = french_window
    shown = english_shown(window, english)
    assert not shown, shown
    window.show_patient(window.model.id_at(0), tab=0)
    for tab in range(window.patient_tabs.count()):
        window.patient_tabs.setCurrentIndex(tab)
        shown = english_shown(window, english)
        assert not shown, (window.patient_tabs.tabText(tab), shown)
    lists = window.clinic_lists
    for show in (lists.show_due, lists.show_open_events, lists.show_practice_outcomes):
        show()
    for shown in (lists.due, lists.open_events, lists.practice_outcomes):
        found = english_shown(shown, english)
        assert not found, (shown.windowTitle(), found)
    assert window.menuBar().actions()[0].text() == "&Fichier"


def test_dates_are_written_day_first_in_french(qtbot, french_window):
    window = french_window
    window.show_patient(window.model.id_at(0), tab=0)
    born = window.form.patient.details.date_of_birth
    assert window.form.inputs["date_of_birth"].text() == born.strftime("%d/%m/%Y")
    assert window.model.index(0, 2).data() == born.strftime("%d/%m/%Y")
    window.form.inputs["date_of_birth"].setText("")
    type_by_hand(qtbot, window.form.inputs["date_of_birth"], "27/03/1984")
    assert window.form.details().date_of_birth == date(1984, 3, 27)


def test_a_language_chosen_in_preferences_keeps_what_was_typed(qtbot, demo_window):
    """The window is built again in French, the chart's unsaved edit still there, still
    unsaved, the same patient and tab open."""
    from mesolog.ui.clinic.preferences import PreferencesDialog
    from tests.ui.modal import when_modal

    window = demo_window
    patient_id = window.model.id_at(3)
    window.show_patient(patient_id, tab=0)
    window.search_box.setText(window.form.patient.details.last_name[:3])
    notes = window.form.inputs["notes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Tolere mal le froid")
    assert window.form.is_dirty()

    def choose_french(dialog: PreferencesDialog) -> None:
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    when_modal(PreferencesDialog, choose_french)
    window.preferences_action.trigger()

    assert window.patient_tabs.tabText(1) == "&Traitement"
    assert window.form.patient.id == patient_id
    assert window.form.inputs["notes"].toPlainText().endswith("Tolere mal le froid")
    assert window.form.is_dirty() and window.isWindowModified()
    assert window.save_action.isEnabled() and window.save_action.text() == "&Enregistrer le patient"
    assert window.search_box.text() == window.form.patient.details.last_name[:3]
    assert window.form.save()  # the edit is saved from the French window
    assert "Tolere mal le froid" in window.clinic.patients.get(patient_id).details.notes


def test_a_french_desk_records_a_session_typed_with_decimal_commas(qtbot, clinic,  # noqa: F811
                                                                   patient):  # noqa: F811
    """0,05 typed in a product's volume is 0.05 ml stored; the editor and its question
    before signing speak French."""
    from PySide6.QtWidgets import QMessageBox

    from mesolog.ui.treatment.session_editor import SessionEditor
    from tests.conftest import NOW
    from tests.ui.modal import answer_message_box
    from tests.ui.test_session_editor import choose, retype

    speak("fr")
    editor = SessionEditor(clinic, patient, None, NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle().startswith("Séance — ")
    choose(qtbot, editor.practitioner, "Dr")
    choose(qtbot, editor.technique, "Nap")
    choose(qtbot, editor.device, "Pis")
    retype(qtbot, editor.depth, "1,5")
    products = editor.products
    choose(qtbot, products.lot_picker, "Minox")
    qtbot.keyClick(products.lot_picker, Qt.Key.Key_Down)
    qtbot.mouseClick(products.add_button, Qt.MouseButton.LeftButton)
    volume = products.table.cellWidget(0, 2)
    retype(qtbot, volume, "0,05")
    assert volume.text() == "0,05 ml"
    assert products.total_label.text() == "1 produit, total 0,05 ml"
    asked: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, asked)
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith(f"Signer la séance du {NOW:%d/%m/%Y}")
    (stored,) = clinic.sessions.for_patient(patient.id)
    assert [u.volume_ml for u in stored.used] == [0.05] and stored.details.depth_mm == 1.5


def test_the_consent_dialog_shows_the_patients_french_form(qtbot, clinic,  # noqa: F811
                                                          patient):  # noqa: F811
    from dataclasses import replace

    from mesolog.ui.treatment.treatment_dialogs import ConsentDialog
    from tests.conftest import NOW

    french = clinic.patients.update(patient.id, patient.version,
                                    replace(patient.details, language="fr"))
    dialog = ConsentDialog(clinic, french.id, NOW)  # an English desk
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.text.toPlainText()
    assert "Consentement à la mésothérapie du cuir chevelu" in shown and "Français" in shown
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    (given,) = clinic.consent.for_patient(french.id)
    assert given.form.language == "fr"
