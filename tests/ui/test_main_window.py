from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from mesolog.services.demo import build_demo_clinic
from mesolog.services.patient_search import LIST_PAGE_SIZE
from mesolog.ui.file_actions import DEMO_PATIENTS
from mesolog.ui.patients.patient_list_model import NAME
from tests.conftest import open_as_administrator
from tests.ui.by_hand import type_by_hand
from tests.ui.conftest import click_row
from tests.ui.modal import answer_message_box


def test_typing_in_the_search_box_narrows_the_list(qtbot, demo_window, patients):
    window = demo_window
    everyone = patients.count()
    assert everyone > LIST_PAGE_SIZE and window.model.rowCount() == LIST_PAGE_SIZE
    assert window.count_label.text() == f"{everyone} patients"
    qtbot.keyClicks(window.search_box, "nowak")
    qtbot.waitUntil(lambda: window.model.rowCount() < LIST_PAGE_SIZE)
    shown = [window.model.data(window.model.index(r, NAME)) for r in
             range(window.model.rowCount())]
    assert shown and all(s.startswith("Nowak") for s in shown) and window.model.complete
    # the count follows the list, once it is drawn
    qtbot.waitUntil(lambda: window.count_label.text()
                    == f"{len(shown)} of {everyone} patients match")
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.count_label.text() == f"{everyone} patients")
    assert window.model.rowCount() == LIST_PAGE_SIZE


def test_the_list_reads_the_rest_as_it_is_scrolled_to_the_end(qtbot, demo_window, patients):
    window, view = demo_window, demo_window.list_view
    assert not window.model.complete
    click_row(qtbot, window, 0)
    presses = 0
    while not window.model.complete:
        # to the last row read so far, where the view asks for more
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        presses += 1
        assert presses < 10
    assert window.model.rowCount() == patients.count() > LIST_PAGE_SIZE
    listed = [window.model.id_at(row) for row in range(window.model.rowCount())]
    assert listed == patients.search(window.model.query)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == len(listed) - 1
    assert window.form.patient.id == listed[-1]


def fill_new_patient(qtbot, window, birth="27.03.1984"):
    form = window.form
    qtbot.keyClicks(form.inputs["last_name"], "Dvorak")
    qtbot.keyClicks(form.inputs["first_name"], "Ondrej")
    type_by_hand(qtbot, form.inputs["date_of_birth"], birth)
    form.inputs["sex"].setCurrentIndex(form.inputs["sex"].findText("Male"))
    diagnosis = form.inputs["diagnosis"]
    diagnosis.setCurrentIndex(diagnosis.findText("Male androgenetic alopecia"))
    qtbot.keyClicks(form.inputs["allergies"], "Penicillin")


def test_create_a_patient_through_the_form(qtbot, demo_window, patients):
    window = demo_window
    before = patients.count()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.patient_page
    assert window.form.inputs["chart_no"].text() == "P-00301"
    fill_new_patient(qtbot, window)
    assert window.isWindowModified()
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    assert patients.count() == before + 1
    stored = patients.get(window.form.patient.id)
    assert stored.details.last_name == "Dvorak"
    assert stored.details.date_of_birth == date(1984, 3, 27)
    assert stored.details.allergies == "Penicillin"
    selected = window.list_view.currentIndex()
    assert window.model.id_at(selected.row()) == stored.id
    assert not window.isWindowModified()
    assert window.form.alerts_banner.isVisibleTo(window)
    assert "Penicillin" in window.form.alerts_banner.text()


def test_a_validation_error_blocks_saving_and_names_the_field(qtbot, demo_window, patients):
    window = demo_window
    before = patients.count()
    window.new_patient_action.trigger()
    fill_new_patient(qtbot, window, birth="12.05.2031")
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    assert window.form.error_text("date_of_birth") == "Date of birth is in the future."
    assert window.form.error_text("last_name") == ""
    assert patients.count() == before
    window.form.inputs["date_of_birth"].setText("31.02.1980")
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    assert "is not a date" in window.form.error_text("date_of_birth")
    assert patients.count() == before


def test_unsaved_edits_ask_before_switching_patient(qtbot, demo_window, patients):
    window = demo_window
    click_row(qtbot, window, 0)
    first = window.form.patient
    qtbot.keyClicks(window.form.inputs["notes"], " Call back on Monday.")
    seen: list[str] = []

    answer_message_box(QMessageBox.StandardButton.Cancel, seen)
    click_row(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.model.id_at(window.list_view.currentIndex().row()) == first.id)
    assert seen and "not saved" in seen[0]
    assert window.form.patient.id == first.id and window.form.is_dirty()

    answer_message_box(QMessageBox.StandardButton.Discard, seen)
    click_row(qtbot, window, 1)
    assert len(seen) == 2
    assert window.form.patient.id == window.model.id_at(1)
    assert "Call back" not in patients.get(first.id).details.notes

    qtbot.keyClicks(window.form.inputs["notes"], "Saved on the way out.")
    answer_message_box(QMessageBox.StandardButton.Save, seen)
    second = window.form.patient
    click_row(qtbot, window, 2)
    assert "Saved on the way out." in patients.get(second.id).details.notes


def test_closing_with_unsaved_edits_can_be_cancelled(qtbot, demo_window):
    window = demo_window
    click_row(qtbot, window, 0)
    type_by_hand(qtbot, window.form.inputs["phone"], "0")
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Cancel, seen)
    window.close()
    assert seen and window.isVisible()
    answer_message_box(QMessageBox.StandardButton.Discard, seen)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)  # after the backup


def test_archive_takes_a_patient_out_of_the_list_not_the_database(qtbot, demo_window, patients):
    window = demo_window
    click_row(qtbot, window, 0)
    patient = window.form.patient
    everyone = patients.count()
    window.archive_action.trigger()
    assert window.model.row_of(patient.id) is None and patients.count() == everyone - 1
    assert window.count_label.text() == f"{everyone - 1} patients"
    assert patients.get(patient.id).archived
    assert window.archive_action.text() == "Restore from &Archive"
    box = window.include_archived
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert window.model.row_of(patient.id) is not None


def test_an_empty_database_explains_what_to_do(qtbot, db, make_window, patients):
    window = make_window(db)
    assert window.pages.currentWidget() is window.welcome
    assert not window.list_panel.isVisible()
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.patient_page
    assert window.form.inputs["chart_no"].text() == "P-00001"
    fill_new_patient(qtbot, window)
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    assert patients.count() == 1 and window.list_panel.isVisible()


def test_the_demo_clinic_opens_beside_the_real_database(qtbot, db, make_window):
    window = make_window(db)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    building = window.files.building_demo
    steps = []
    building.progressed.connect(lambda done, total, what: steps.append((total, what)))
    qtbot.waitUntil(lambda: window.database.path.name == "demo-clinic.sqlite", timeout=30_000)
    timer.stop()
    assert len(ticks) > 20  # the window's own timers kept firing while it was built
    # its progress, counted in three stretches of the patients
    assert {total for total, _ in steps} == {3 * DEMO_PATIENTS}
    assert [what for _, what in steps][-1] == "writing outcomes and photos"
    assert window.model.rowCount() == LIST_PAGE_SIZE and window.list_panel.isVisible()
    assert "demo-clinic.sqlite" in window.windowTitle()


def test_layout_is_remembered(qtbot, db, make_window, settings):
    build_demo_clinic(db, 20, seed=1)
    window = make_window(db)
    window.splitter.setSizes([300, 900])
    window.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(open_as_administrator(db.path))
    left, right = again.splitter.sizes()
    assert left / (left + right) == pytest.approx(sizes[0] / sum(sizes), abs=0.01)
    header = again.list_view.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.model.data(again.model.index(0, 0)) == "P-00020"


def test_history_shows_who_changed_the_chart(qtbot, demo_window, patients):
    from mesolog.ui.patients.history_dialog import HistoryDialog
    from tests.ui.modal import close_dialog

    window = demo_window
    click_row(qtbot, window, 0)
    type_by_hand(qtbot, window.form.inputs["phone"], "9")
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    opened: list = []
    close_dialog(HistoryDialog, opened)
    window.history_action.trigger()
    (dialog,) = opened
    first = dialog.tree.topLevelItem(0)
    assert first.text(2) == "Chart" and first.text(3).endswith("changed")
    assert first.child(0).text(3).startswith("phone: ")


def test_hidden_tabs_load_when_shown_not_on_every_click(qtbot, demo_window):
    window = demo_window
    click_row(qtbot, window, 0)
    assert window.patient_tabs.currentWidget() is window.form
    assert window.treatment.timeline.topLevelItemCount() == 0  # not read while hidden
    window.patient_tabs.setCurrentWidget(window.treatment)
    assert window.treatment.timeline.topLevelItemCount() > 0
    assert window.treatment.consent_label.text().startswith("<")


def test_enter_or_down_in_the_search_box_moves_into_the_list_and_one_match_opens(
        qtbot, db, make_window, patients):
    from tests.conftest import details

    patients.create(details(chart_no="P-1", last_name="Öztürk", first_name="Zeynep"))
    patients.create(details(chart_no="P-2", last_name="Nowak", first_name="Anna"))
    patients.create(details(chart_no="P-3", last_name="Nowak", first_name="Piotr"))
    window = make_window(db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert "Find a patient" in window.hint.message.text()  # nothing open: what to do
    window.focus_search()
    qtbot.keyClicks(window.search_box, "ozturk")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # one match: it opens
    assert window.form.patient.details.last_name == "Öztürk"
    assert window.pages.currentWidget() is window.patient_page
    assert window.list_view.hasFocus()

    window.focus_search()
    qtbot.keyClicks(window.search_box, "nowak")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # into the list, on the first
    assert window.list_view.hasFocus() and window.model.rowCount() == 2
    assert window.form.patient.details.first_name == "Anna"
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
    assert window.form.patient.details.first_name == "Piotr"


def test_a_search_that_finds_nobody_says_so_and_offers_to_create_that_patient(
        qtbot, db, make_window, patients):
    from tests.conftest import details

    patients.create(details(chart_no="P-1"))
    window = make_window(db)
    window.focus_search()
    qtbot.keyClicks(window.search_box, "Dubois Helene")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.model.rowCount() == 0
    assert window.pages.currentWidget() is window.hint
    assert "No patient matches “Dubois Helene”" in window.hint.message.text()
    assert window.hint.create_button.text() == "&Create Patient “Dubois Helene”…"
    qtbot.mouseClick(window.hint.create_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.patient_page
    assert window.form.inputs["last_name"].text() == "Dubois"
    assert window.form.inputs["first_name"].text() == "Helene"
    assert window.form.patient is None  # a new chart, not yet saved


def test_the_demo_clinic_stays_in_the_file_menu_once_patients_exist(qtbot, db, make_window,
                                                                    patients):
    from tests.conftest import details

    patients.create(details())
    window = make_window(db)
    assert window.pages.currentWidget() is not window.welcome
    file_menu = window.menuBar().actions()[0].menu()
    assert window.demo_action in file_menu.actions() and window.demo_action.isEnabled()
    window.demo_action.trigger()
    qtbot.waitUntil(lambda: window.database.path.name == "demo-clinic.sqlite", timeout=30_000)
    assert window.model.rowCount() == LIST_PAGE_SIZE


def test_no_known_allergies_is_recorded_as_asked_and_the_banner_shows_on_every_tab(
        qtbot, db, make_window, patients):
    from tests.conftest import TODAY, details

    asked = patients.create(details(chart_no="P-1", allergies=""))
    allergic = patients.create(details(chart_no="P-2", last_name="Nowak", allergies="Latex"))
    window = make_window(db)
    window.show_patient(asked.id, tab=0)
    banner = window.form.alerts_banner
    assert "Allergies not asked yet" in banner.text()
    box = window.form.no_known_allergies
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not window.form.inputs["allergies"].isEnabled()
    assert window.form.save()
    stored = patients.get(asked.id).details
    assert stored.no_known_allergies_on == TODAY and stored.allergies == ""
    assert f"No known allergies (asked on {TODAY:%Y-%m-%d})" in banner.text()
    for tab in range(window.patient_tabs.count()):  # the banner stands above every tab
        window.patient_tabs.setCurrentIndex(tab)
        assert banner.isVisible()

    window.show_patient(allergic.id, tab=2)
    assert window.patient_tabs.currentIndex() == 2
    assert banner.isVisible() and "<b>Allergies:</b> Latex" in banner.text()


def test_allergies_listed_and_no_known_allergies_ticked_is_refused(patients):
    from dataclasses import replace

    from mesolog.domain.validation import ValidationError
    from tests.conftest import TODAY, details

    with pytest.raises(ValidationError) as caught:
        patients.create(replace(details(allergies="Latex"), no_known_allergies_on=TODAY))
    assert "keep one of the two" in caught.value.for_field("allergies")


def test_a_patient_shown_from_elsewhere_is_read_down_to_but_typing_reads_a_page(
        qtbot, demo_window, patients):
    window = demo_window
    deep = patients.search(window.model.query)[LIST_PAGE_SIZE + 30]
    assert window.show_patient(deep, tab=0)
    assert window.form.patient.id == deep
    assert window.list_view.currentIndex().row() == LIST_PAGE_SIZE + 30  # selected, in view
    qtbot.keyClicks(window.search_box, "zz")
    qtbot.waitUntil(lambda: window.model.query.text == "zz")
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.query.text == "")
    # the chart stays open; the list is not read down to it on a keystroke
    assert window.model.rowCount() == LIST_PAGE_SIZE and window.form.patient.id == deep
    assert not window.list_view.selectionModel().hasSelection()


def test_cancelling_the_demo_clinic_leaves_no_half_made_file(qtbot, db, make_window):
    window = make_window(db)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    building = window.files.building_demo
    qtbot.waitUntil(lambda: building.dialog.isVisible() and building.dialog.value() > 0,
                    timeout=10_000)
    cancel = next(b for b in building.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not building.running, timeout=30_000)
    qtbot.waitUntil(lambda: "not made" in window.statusBar().currentMessage())
    assert window.database.path == db.path  # still the clinic's own database
    folder = db.path.parent
    assert sorted(p.name for p in folder.iterdir() if "demo" in p.name) == []
