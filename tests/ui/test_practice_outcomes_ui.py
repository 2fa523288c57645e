"""Clinic > Outcomes Across the Practice, as a practitioner uses it: the cohort and
outcome chosen, Show pressed, the numbers read, the patients behind them listed, a
patient opened by double-click; a second cohort compared; bad choices said in words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from mesolog.domain.cohort import Cohort, Follow, Outcome
from mesolog.domain.patient import Diagnosis
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.ui.clinic.practice_outcomes_window import PracticeOutcomesWindow


def _window(qtbot, window) -> PracticeOutcomesWindow:
    window.practice_outcomes_action.trigger()
    shown = window.clinic_lists.practice_outcomes
    assert isinstance(shown, PracticeOutcomesWindow) and shown.isVisible()
    return shown


def _show(qtbot, outcomes: PracticeOutcomesWindow) -> None:
    qtbot.mouseClick(outcomes.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcomes.show_button.isEnabled() and outcomes.result is not None,
                    timeout=20_000)


def test_a_cohort_shown_and_a_patient_opened(qtbot, demo_window):
    window = demo_window
    outcomes = _window(qtbot, window)
    box = outcomes.cohort_a
    box.diagnosis.setCurrentIndex(box.diagnosis.findData(Diagnosis.FEMALE_AGA.value))
    box.product.setCurrentIndex(1)
    product_id, product = box.product.currentData(), box.product.currentText()
    _show(qtbot, outcomes)
    expected = PracticeOutcomesService(window.database, window.clock).cohort(
        Cohort(diagnoses=frozenset({Diagnosis.FEMALE_AGA}), product_id=product_id), Outcome())
    text = outcomes.numbers.text()
    # the cohort in words, a product's name as the catalogue writes it
    assert f"Female androgenetic alopecia; given {product}<br>" in text
    assert f"<b>{len(expected.patients):,}</b> patients in the cohort" in text
    assert f"{expected.count(Follow.LOST):,} lost to follow-up" in text
    assert f"{expected.summary.mean.value:.1f} (95 % CI {expected.summary.mean.low:.1f}" in text
    assert outcomes.model.rowCount() == len(expected.patients)
    assert outcomes._chart_view.chart().series()  # the mean course is drawn
    if os.environ.get("MESOLOG_SHOTS"):
        for tab in range(3):
            outcomes.tabs.setCurrentIndex(tab)
            outcomes.grab().save(str(Path(os.environ["MESOLOG_SHOTS"])
                                     / f"practice-outcomes-{tab}.png"))
    outcomes.tabs.setCurrentIndex(2)
    # the patients behind one number: the lost ones, then the responders
    outcomes.which.setCurrentIndex(outcomes.which.findData(Follow.LOST.value))
    assert outcomes.model.rowCount() == expected.count(Follow.LOST)
    assert {outcomes.model.row(r).follow for r in range(outcomes.model.rowCount())} == \
        {Follow.LOST}
    outcomes.which.setCurrentIndex(outcomes.which.findData("responders"))
    assert outcomes.model.rowCount() == expected.responders
    assert outcomes.which_count.text() == (f"{expected.responders:,} patient"
                                           + ("s" if expected.responders != 1 else ""))
    first = outcomes.model.row(0)
    index = outcomes.model.index(0, 1)
    rect = outcomes.table.visualRect(index)
    # a double click is a press and release, then the second press (as Qt sees it)
    qtbot.mouseClick(outcomes.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(outcomes.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.form.patient is not None
                    and window.form.patient.id == first.patient_id)


def test_two_cohorts_compared_with_the_observational_caveat(qtbot, demo_window):
    outcomes = _window(qtbot, demo_window)
    outcomes.compare.setChecked(True)
    assert outcomes.cohort_b.isVisible()
    a, b = outcomes.cohort_a, outcomes.cohort_b
    a.diagnosis.setCurrentIndex(a.diagnosis.findData(Diagnosis.MALE_AGA.value))
    b.diagnosis.setCurrentIndex(b.diagnosis.findData(Diagnosis.FEMALE_AGA.value))
    _show(qtbot, outcomes)
    text = outcomes.numbers.text()
    assert "Difference in mean change" in text and "(Welch)" in text
    assert "not a trial" in text and outcomes.comparison is not None


def test_a_backwards_age_band_is_said_next_to_it(qtbot, demo_window):
    outcomes = _window(qtbot, demo_window)
    outcomes.cohort_a.age_from.setValue(60)
    outcomes.cohort_a.age_to.setValue(30)
    qtbot.mouseClick(outcomes.show_button, Qt.MouseButton.LeftButton)
    assert outcomes.result is None and outcomes.computing is None
    errors = [label.text() for label in outcomes.cohort_a.findChildren(type(outcomes.numbers))
              if label.isVisibleTo(outcomes) and "ends before it begins" in label.text()]
    assert errors


def test_the_window_starts_without_scipy():
    """scipy.stats takes half a second to import: the window does not pay it at start."""
    code = ("import sys, mesolog.ui.main_window, mesolog.ui.clinic.practice_outcomes_window; "
            "print('scipy' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert found.stdout.strip() == "False"


def test_side_effects_across_the_practice(qtbot, demo_window):
    outcomes = _window(qtbot, demo_window)
    outcomes.tabs.setCurrentWidget(outcomes.safety)
    page = outcomes.safety
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.show_button.isEnabled(),
                    timeout=20_000)
    expected = PracticeOutcomesService(demo_window.database, demo_window.clock).safety()
    assert page.report.rows == expected.rows and page.model.rowCount() == len(expected.rows)
    assert f"{expected.events:,} side effects in {expected.sessions:,} sessions" in \
        page.summary.text()
    if os.environ.get("MESOLOG_SHOTS"):
        outcomes.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "practice-safety.png"))
    page.period.setChecked(True)
    page.first.setDate(page.last.date().addDays(1))  # a period that ends before it begins
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.show_button.isEnabled(), timeout=20_000)
    shown = [label.text() for label in page.findChildren(type(page.summary))
             if label.isVisibleTo(page) and "ends before it begins" in label.text()]
    assert shown


def test_the_page_saved_as_a_pdf_under_the_letterhead(qtbot, demo_window, tmp_path,
                                                      monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from mesolog.services.letterhead import LetterheadService

    outcomes = _window(qtbot, demo_window)
    assert not outcomes.save_button.isEnabled()  # nothing computed yet
    outcomes.compare.setChecked(True)
    a, b = outcomes.cohort_a, outcomes.cohort_b
    a.diagnosis.setCurrentIndex(a.diagnosis.findData(Diagnosis.MALE_AGA.value))
    b.diagnosis.setCurrentIndex(b.diagnosis.findData(Diagnosis.FEMALE_AGA.value))
    _show(qtbot, outcomes)
    page = outcomes.safety
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    target = tmp_path / "practice"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(outcomes.save_button, Qt.MouseButton.LeftButton)
    assert outcomes.saved == tmp_path / "practice.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(outcomes.saved).pages)
    clinic = LetterheadService(demo_window.database).get().name
    assert clinic in text and "Outcomes across the practice" in text
    result = outcomes.result
    assert result.summary.mean.described() in text
    assert "Difference in mean change (Welch)" in text and "not a trial" in text
    assert f"{page.report.events:,} side effects in {page.report.sessions:,} sessions" in text
    assert outcomes.saved.stat().st_mode & 0o077 == 0
    assert "Published numbers" in text and "10.1111/j.1468-3083.2012.04535.x" in text
    assert f"{page.report.patients_with_pain:,} of {page.report.patients:,}" in text


def test_published_numbers_beside_the_practices_own(qtbot, demo_window):
    outcomes = _window(qtbot, demo_window)
    text = outcomes.published.text()
    assert "54 of 86 (62.8 %" in text and "7 of 40 (17.5 %" in text  # Moftah 2013
    assert "PMID 22486925" in text and "Show a cohort to see its responders here." in text
    _show(qtbot, outcomes)
    result = outcomes.result
    assert (f"{result.responders} of {len(result.analysed)}, "
            f"{result.responder_rate.described(0, True)}") in outcomes.published.text()
    assert "defined differently" in outcomes.published.text()
    page = outcomes.safety
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    report = page.report
    assert 0 < report.patients_with_pain <= report.patients
    assert (f"{report.patients_with_pain:,} of {report.patients:,} patients had pain"
            in outcomes.published.text())
    if os.environ.get("MESOLOG_SHOTS"):
        outcomes.tabs.setCurrentIndex(4)
        outcomes.grab().save(str(Path(os.environ["MESOLOG_SHOTS"]) / "practice-published.png"))


def test_a_protocol_added_since_is_offered_when_the_window_is_brought_up(qtbot, demo_window):
    from mesolog.domain.course import CourseDetails

    window = demo_window
    outcomes = _window(qtbot, window)
    box = outcomes.cohort_a
    box.protocol.setCurrentIndex(1)
    chosen = box.protocol.currentData()
    outcomes.close()
    patient_id = window.database.fetch_all("SELECT min(id) FROM patient")[0][0]
    window.clinic.courses.create(patient_id, CourseDetails("Zinc 4 × 2 weeks", 4, 14,
                                                           window.today()))
    again = _window(qtbot, window)
    assert again is outcomes and box.protocol.findData("Zinc 4 × 2 weeks") > 0
    assert box.protocol.currentData() == chosen  # the choice kept
