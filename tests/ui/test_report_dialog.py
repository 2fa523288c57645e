"""Printing and saving a patient's report from the window."""

import os
import stat
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from mesolog.services.clinic import Clinic
from mesolog.services.demo import build_demo_clinic
from mesolog.ui.main_window import MainWindow
from mesolog.ui.printing.report_dialog import ReportDialog, paper_to_start_with
from tests.conftest import fixed_clock
from tests.ui.modal import when_modal


@pytest.fixture
def clinic(db):
    build_demo_clinic(db, 12, seed=2)
    clinic = Clinic.of(db)
    db.actor_id = 1
    return clinic


def treated(clinic):
    (patient_id,) = clinic.db.fetch_all(
        "SELECT patient_id FROM session GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1")[0]
    return clinic.patients.get(patient_id)


def test_save_as_pdf_writes_the_report_shown(qtbot, clinic, tmp_path, monkeypatch):
    patient = treated(clinic)
    dialog = ReportDialog(clinic, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # built on a helper thread first
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=20_000)
    pages = len(PdfReader(BytesIO(dialog.pdf)).pages)
    assert dialog.pages.count() == pages and dialog.pages_label.text().startswith(str(pages))
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def choose(parent, title, suggested, filters):
        asked.append(suggested)
        return str(target), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(f"{patient.details.chart_no}-progress-"
                                       f"{asked[0][-14:-4]}.pdf")
    reader = PdfReader(target)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert patient.details.chart_no in text and "Progress report" in text
    for session in clinic.sessions.for_patient(patient.id):
        assert f"{session.details.performed_at:%Y-%m-%d}" in text
    assert not list(target.parent.glob(".*.part"))
    if os.name == "posix":  # a patient's report is the owner's alone
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_choosing_the_summary_rebuilds_the_preview(qtbot, clinic):
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=20_000)
    progress = dialog.pdf
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "Patient")
    assert dialog.kind.currentText() == "Patient Summary"
    qtbot.waitUntil(lambda: bool(dialog.pdf) and dialog.pdf != progress, timeout=20_000)
    assert dialog.pdf != progress and not dialog.every_map.isEnabled()
    assert "Your treatment summary" in PdfReader(BytesIO(dialog.pdf)).pages[0].extract_text()


def test_printing_sends_every_page_to_the_printer(qtbot, clinic, tmp_path):
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(96)  # pages drawn at 96 dpi, not 300: the same pages, sooner
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert dialog.print_report(printer)
    printed_by(qtbot, dialog)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == len(PdfReader(BytesIO(dialog.pdf)).pages)


def test_save_as_pdf_from_the_patient_window(qtbot, clinic, settings, tmp_path, monkeypatch):
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
    window.attach(clinic.db)
    window.show()
    assert not window.report_action.isEnabled()  # no chart open yet
    patient = treated(clinic)
    window.show_patient(patient.id)
    assert window.report_action.isEnabled()
    assert window.report_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    target = tmp_path / "from-window.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), "PDF documents (*.pdf)"))
    opened: list = []

    def save_then_close(dialog) -> None:
        opened.append(dialog.windowTitle())
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        dialog.reject()
    when_modal(ReportDialog, save_then_close)
    window.report_action.trigger()
    assert len(opened) == 1 and patient.details.chart_no in opened[0]
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert patient.details.chart_no in text and "Progress report" in text


def test_the_letterhead_is_set_in_preferences_with_messages_at_the_fields(
        qtbot, db, db_path, settings, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    from mesolog.domain.print_layout import Paper
    from mesolog.services.letterhead import LetterheadService
    from mesolog.ui.clinic.preferences import PreferencesDialog

    clinic = Clinic.of(db)  # no login: whoever runs the window
    dialog = PreferencesDialog(settings, db_path, clinic)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.clinic_name.text() == "Mesolog clinic"
    dialog.clinic_name.clear()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.errors.text("name") == "The clinic's name: 1 to 200 characters."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.clinic_name, "Clinique Saint-Eloi")
    qtbot.keyClicks(dialog.phone, "+33 1 23 45 67 89")
    logo = tmp_path / "logo.png"
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#009E73"))
    image.save(str(logo))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args: (str(logo), "Images (*.png *.jpg *.jpeg)"))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.logo_label.text() == "logo.png"
    assert dialog.paper.currentText() == "A4 (210 × 297 mm)"
    dialog.paper.setFocus()
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)
    assert dialog.paper.currentText() == "US Letter (8.5 × 11 in)"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    stored = LetterheadService(db).get()
    assert (stored.name, stored.phone) == ("Clinique Saint-Eloi", "+33 1 23 45 67 89")
    assert stored.paper is Paper.LETTER
    assert not dialog.isVisible()
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(stored.logo)) as kept, Image.open(logo) as chosen:
        assert kept.format == "PNG" and kept.size == chosen.size  # decoded, kept whole
        assert kept.convert("RGB").tobytes() == chosen.convert("RGB").tobytes()



@pytest.mark.qt_no_exception_capture
def test_a_report_that_cannot_be_built_says_so_and_the_window_goes_on(
        qtbot, clinic, tmp_path, monkeypatch):
    from mesolog.services.reports import ReportService
    from mesolog.ui.common.error_home import ErrorHome

    home = ErrorHome(tmp_path / "logs")
    home.install()
    try:
        def broken(*_args, **_kwargs):
            raise ValueError("a page that cannot be laid out")
        monkeypatch.setattr(ReportService, "write", broken)
        dialog = ReportDialog(clinic, treated(clinic))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: home.last_dialog is not None, timeout=20_000)
        assert "a page that cannot be laid out" in home.last_dialog.message.text()
        assert dialog.pages_label.text() == "Not built" and not dialog.print_button.isEnabled()
        home.last_dialog.reject()
    finally:
        home.uninstall()


def test_the_window_keeps_running_while_a_report_is_built(qtbot, clinic, monkeypatch):
    import threading
    import time

    from PySide6.QtCore import QTimer

    from mesolog.services.reports import ReportService

    built_on, ticks = [], []
    real_write = ReportService.write

    def slow(self, *args, **kwargs):
        built_on.append(threading.current_thread())
        time.sleep(0.3)  # a long report
        return real_write(self, *args, **kwargs)
    monkeypatch.setattr(ReportService, "write", slow)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=20_000)
    timer.stop()
    assert built_on[0] is not threading.main_thread() and len(ticks) >= 20


def printed_by(qtbot, dialog) -> None:
    """Printing is long work: the dialog answers at once and says when it is done."""
    assert dialog.print_status.text() == "Printing…" or dialog.print_status.text(
        ).startswith("Printed.")
    qtbot.waitUntil(lambda: dialog.print_status.text().startswith("Printed."),
                    timeout=20_000)


def _printer_to(path, paper=None):
    from PySide6.QtGui import QPageSize

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    if paper is not None:
        printer.setPageSize(QPageSize(paper))
    return printer


def ink_mm(pdf: bytes, page: int = 0) -> tuple[float, float, float, float, float, float]:
    """A page's paper size and the margins of what is printed on it, in mm:
    (width, height, left, top, right, bottom)."""
    import pypdfium2
    from PIL import ImageOps

    document = pypdfium2.PdfDocument(pdf)
    try:
        dpi = 100
        image = document[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()
    left, top, right, bottom = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0
                                                             ).getbbox()
    mm = 25.4 / dpi
    width, height = image.size
    return (width * mm, height * mm, left * mm, top * mm, (width - right) * mm,
            (height - bottom) * mm)


@pytest.fixture
def built(qtbot, clinic):
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    return dialog


def test_a_page_range_prints_only_those_pages(qtbot, built, tmp_path):
    report = PdfReader(BytesIO(built.pdf))
    assert len(report.pages) >= 3
    printer = _printer_to(tmp_path / "two.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)  # "Pages from 2 to 3" in the print dialog
    assert built.print_report(printer)
    printed_by(qtbot, built)
    printed = PdfReader(tmp_path / "two.pdf")
    assert len(printed.pages) == 2
    assert ink_mm((tmp_path / "two.pdf").read_bytes(), 0)[2:] == pytest.approx(
        ink_mm(built.pdf, 1)[2:], abs=1.0)  # page 2 printed first


def test_the_printed_page_lands_where_the_pdf_puts_it(qtbot, built, tmp_path):
    printer = _printer_to(tmp_path / "a4.pdf")
    assert built.print_report(printer)
    printed_by(qtbot, built)
    printed = ink_mm((tmp_path / "a4.pdf").read_bytes())
    own = ink_mm(built.pdf)
    assert printed[:2] == pytest.approx((210.0, 297.0), abs=1.0)
    assert printed[2:] == pytest.approx(own[2:], abs=1.0)  # every margin within 1 mm
    assert built.print_status.text() == "Printed."  # nothing fitted, nothing said


def test_on_letter_paper_an_a4_report_is_fitted_and_centred(qtbot, built, tmp_path):
    from PySide6.QtGui import QPageSize

    printer = _printer_to(tmp_path / "letter.pdf", QPageSize.PageSizeId.Letter)
    assert built.print_report(printer)
    printed_by(qtbot, built)
    width, height, left, top, right, _ = ink_mm((tmp_path / "letter.pdf").read_bytes())
    assert (width, height) == pytest.approx((215.9, 279.4), abs=1.0)
    own = ink_mm(built.pdf)
    scale = 279.4 / 297.0
    assert left - right == pytest.approx((own[2] - own[4]) * scale, abs=1.0)  # centred
    assert top == pytest.approx(own[3] * scale, abs=1.0)
    assert built.print_status.text() == (
        "Printed. Fitted to Letter / ANSI A: the report is laid out for A4.")


def test_a_letter_clinics_report_is_laid_out_for_letter_and_printed_at_full_size(
        qtbot, clinic, tmp_path):
    from PySide6.QtGui import QPageSize

    from mesolog.domain.print_layout import Paper
    from mesolog.services.letterhead import LetterheadService

    LetterheadService(clinic.db).set("Hair Clinic of Boston", "", "", paper=Paper.LETTER)
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    assert dialog.pages_label.text().endswith("pages, Letter / ANSI A")
    width, height, left, top, right, bottom = ink_mm(dialog.pdf)
    assert (width, height) == pytest.approx((215.9, 279.4), abs=0.5)
    assert left == pytest.approx(right, abs=1.0)  # the columns centred on the wider paper
    assert left == pytest.approx((215.9 - 174) / 2, abs=1.0)
    assert bottom == pytest.approx(9.4, abs=1.0)  # the footer 10 mm up, not cut off
    printer = _printer_to(tmp_path / "letter.pdf", QPageSize.PageSizeId.Letter)
    assert dialog.print_report(printer)
    printed_by(qtbot, dialog)
    assert dialog.print_status.text() == "Printed."
    assert ink_mm((tmp_path / "letter.pdf").read_bytes()) == pytest.approx(
        (width, height, left, top, right, bottom), abs=1.0)


def test_the_print_dialog_knows_the_pages(built):
    from PySide6.QtPrintSupport import QPrintDialog

    seen: list[tuple[int, int]] = []

    from PySide6.QtPrintSupport import QPrinterInfo

    def look(dialog):
        printer = dialog.printer()
        seen.append((dialog.minPage(), dialog.maxPage(), printer.printerName(),
                     printer.pageLayout().pageSize().key()))
        dialog.reject()
    when_modal(QPrintDialog, look)
    assert not built.print_report()
    (first, last, name, paper), = seen
    assert (first, last) == (1, len(PdfReader(BytesIO(built.pdf)).pages))
    # a printer's own paper (what its tray holds); with none, the report's own
    assert paper == (QPrinterInfo.printerInfo(name).defaultPageSize().key() if name else "A4")
    to_file = QPrinter()
    to_file.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert paper_to_start_with(to_file, built.page_pt).key() == "A4"
    assert paper_to_start_with(to_file, (612.0, 792.0)).key() == "Letter"
    assert built.pages_label.text() == f"{last} pages, A4"


def test_printing_can_be_cancelled_and_the_window_stays_free(qtbot, built, tmp_path):
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    printer = _printer_to(tmp_path / "cancelled.pdf")
    printer.setResolution(300)  # slow enough to stop half-way
    assert built.print_report(printer)
    built.printing.cancel()
    qtbot.waitUntil(lambda: built.print_status.text() == "Not printed.", timeout=20_000)
    timer.stop()
    assert ticks  # the window's timer fired while the pages were drawn
    assert built.print_button.isEnabled()


def _which_pages(printed: bytes, own: bytes) -> list[int]:
    """Which of the report's pages (from 1) each printed page is, told by their pictures:
    pages drawn for a printer are pictures, their text cannot be read back."""
    import pypdfium2
    from PIL import ImageChops, ImageStat

    def looks(pdf: bytes) -> list:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return [page.render(scale=30 / 72).to_pil().convert("L").resize((240, 340))
                    for page in document]
        finally:
            document.close()

    mine = looks(own)
    return [1 + min(range(len(mine)), key=lambda n: ImageStat.Stat(
        ImageChops.difference(page, mine[n])).mean[0]) for page in looks(printed)]


def test_pages_and_copies_chosen_with_clicks_in_the_print_dialog(qtbot, built, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog

    from tests.ui.print_dialog import fill_print_dialog

    assert built.page_count >= 3
    for collate, order in ((False, [2, 2, 3, 3]), (True, [2, 3, 2, 3])):
        target = tmp_path / f"collate-{collate}.pdf"
        when_modal(QPrintDialog, lambda dialog, target=target, collate=collate:
                   fill_print_dialog(dialog, file=target, pages=(2, 3), copies=2,
                                     collate=collate))
        assert built.print_report()
        printed_by(qtbot, built)
        assert _which_pages(target.read_bytes(), built.pdf) == order


def test_reports_asked_for_one_after_another_while_building_end_with_the_last(
        qtbot, clinic):
    """Each choice starts a build on a helper thread while the last is still running:
    PDFium (not thread-safe) is used by one at a time, and only the last is shown."""
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    latest_map_only = dialog.page_count
    for _ in range(3):
        dialog.every_map.setChecked(not dialog.every_map.isChecked())
        dialog.kind.setCurrentIndex((dialog.kind.currentIndex() + 1) % dialog.kind.count())
    dialog.kind.setCurrentIndex(0)  # the progress report, every session's map
    dialog.every_map.setChecked(True)
    assert not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=60_000)
    shown = PdfReader(BytesIO(dialog.pdf))
    assert shown.pages[0].extract_text().count("Progress report")
    assert dialog.page_count == len(shown.pages) == dialog.pages.count() > latest_map_only


def test_pages_are_pictured_on_several_threads_at_once_as_on_one(built):
    import threading

    from mesolog.ui.printing import pdf_pages

    alone = [image.bits().tobytes() for image in pdf_pages.page_images(built.pdf,
                                                                       width_px=200)]
    together: list[list[bytes]] = []

    def picture() -> None:
        together.append([image.bits().tobytes()
                         for image in pdf_pages.page_images(built.pdf, width_px=200)])
    threads = [threading.Thread(target=picture) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together == [alone] * 4


def test_a_job_the_print_system_refuses_is_said_with_its_reason(
        qtbot, built, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from mesolog.ui.printing import report_dialog
    from tests.ui.modal import answer_message_box

    lp = tmp_path / "lp"  # CUPS's lp, as it answers for a queue removed meanwhile
    lp.write_text("#!/bin/sh\ncat >/dev/null\necho 'lp: The printer or class does not "
                  "exist.' >&2\nexit 1\n")
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(report_dialog, "takes_pdf", lambda _printer: True)
    printer = _printer_to(tmp_path / "never.pdf")
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    assert built.print_report(printer)
    qtbot.waitUntil(lambda: built.print_status.text() == "Not printed.", timeout=20_000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == ["never.pdf did not take the report: lp: The printer or class does not "
                    "exist."]
    assert built.print_button.isEnabled() and not (tmp_path / "never.pdf").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full to fill")
def test_printing_to_a_file_on_a_full_disk_says_it_was_not_printed(qtbot, built):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.modal import answer_message_box

    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    assert built.print_report(_printer_to("/dev/full"))  # every write: no space left
    qtbot.waitUntil(lambda: built.print_status.text() == "Not printed.", timeout=20_000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == ["full did not take the report: /dev/full could not be written whole: "
                    "is the disk full?"]
