"""Printing through a real print system: a CUPS queue that writes PDF (cups-pdf), as
.ci/run sets up. Skipped where there is none: MESOLOG_TEST_PRINTER names the queue,
MESOLOG_TEST_PRINTER_OUT the folder its jobs are written to."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from mesolog.ui.printing.print_system import PrintJob
from mesolog.ui.printing.report_dialog import ReportDialog
from tests.ui.test_report_dialog import clinic, ink_mm, treated  # noqa: F401 - the fixture

QUEUE = os.environ.get("MESOLOG_TEST_PRINTER", "")
LETTER_QUEUE = os.environ.get("MESOLOG_TEST_LETTER_PRINTER", "")  # its paper: US Letter
OUT = Path(os.environ.get("MESOLOG_TEST_PRINTER_OUT", "/nonexistent"))
needs_cups = pytest.mark.skipif(
    not QUEUE or not OUT.is_dir() or not shutil.which("ipptool"),
    reason="no CUPS queue: set MESOLOG_TEST_PRINTER (.ci/run); ipptool (cups-ipp-utils)")
needs_letter_queue = pytest.mark.skipif(
    not LETTER_QUEUE or not OUT.is_dir(),
    reason="no CUPS queue of Letter paper: set MESOLOG_TEST_LETTER_PRINTER (.ci/run)")


def job_file(title: str, timeout: float = 30) -> Path:
    """The PDF cups-pdf wrote for the job titled ``title`` (or ending "-job_N.pdf")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in OUT.glob("*.pdf") if title in p.name and p.stat().st_size]
        if found:
            time.sleep(0.3)  # written whole
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no job {title!r} in {OUT}")


def sent_job(qtbot, dialog, queue: str) -> str:
    """The print system's id of the job the dialog sent ("desk-a4-12"), once sent."""
    qtbot.waitUntil(lambda: dialog.print_status.text().startswith("Sent to"), timeout=20_000)
    said = re.match(rf"Sent to {re.escape(queue)} \(job ({re.escape(queue)}-\d+)\)\.",
                    dialog.print_status.text())
    assert said, dialog.print_status.text()
    return said.group(1)


def printed_file(job: str) -> Path:
    return job_file(f"-job_{job.rsplit('-', 1)[1]}.pdf")


def job_attributes(queue: str, job: str, tmp_path: Path) -> dict[str, str]:
    """What the print system holds of a job (IPP Get-Job-Attributes, through ipptool): the
    copies and collation a PDF queue itself leaves undone show here."""
    request = tmp_path / "job.test"
    request.write_text("""{
    OPERATION Get-Job-Attributes
    GROUP operation-attributes-tag
    ATTR charset attributes-charset utf-8
    ATTR naturalLanguage attributes-natural-language en
    ATTR uri printer-uri $uri
    ATTR integer job-id $job_id
    ATTR keyword requested-attributes all
}
""", encoding="utf-8")
    answer = subprocess.run(
        ["ipptool", "-tv", f"ipp://localhost/printers/{queue}", "-d",
         f"job_id={job.rsplit('-', 1)[1]}", str(request)],
        capture_output=True, text=True, timeout=30, check=False).stdout
    return dict(re.findall(r"^\s+([\w-]+) \([^)]*\) = (.*)$", answer, re.MULTILINE))


def printed_through_the_dialog(qtbot, clinic, queue: str, **choices):  # noqa: F811
    """The report dialog of the patient with most sessions, its report printed to
    ``queue`` with ``choices`` made in Qt's print dialog; the dialog and the job id."""
    from PySide6.QtPrintSupport import QPrintDialog

    from tests.ui.modal import when_modal
    from tests.ui.print_dialog import fill_print_dialog

    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    when_modal(QPrintDialog, lambda print_dialog: fill_print_dialog(
        print_dialog, printer=queue, **choices))
    assert dialog.print_report()
    return dialog, sent_job(qtbot, dialog, queue)


def page_numbers(path: Path) -> list[int]:
    """Each printed page's number, from its footer ("Page 2 of 4")."""
    return [int(re.search(r"Page (\d+) of \d+", page.extract_text()).group(1))
            for page in PdfReader(path).pages]


def test_the_job_options_are_the_print_dialogs_choices():
    job = PrintJob("desk-a4", "P-1-progress.pdf", copies=2, collate=False, pages=(2, 3),
                   sides="two-sided-long-edge", paper="Letter")
    assert job.lp_arguments() == [
        "-d", "desk-a4", "-n", "2", "-o", "collate=false", "-t", "P-1-progress.pdf",
        "-o", "page-ranges=2,3", "-o", "sides=two-sided-long-edge", "-o", "media=Letter",
        "-o", "print-scaling=none"]  # at 100 %: a printer's "auto" shrinks a full page
    fitted = PrintJob("desk-letter", paper="Letter", fitted=True)
    assert fitted.lp_arguments()[-2:] == ["-o", "print-scaling=fit"]


@needs_cups
def test_a_report_reaches_the_queue_as_its_own_small_pdf(qtbot, clinic, tmp_path):  # noqa: F811
    dialog = ReportDialog(clinic, treated(clinic))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20_000)
    report = PdfReader(BytesIO(dialog.pdf))
    assert len(report.pages) >= 3
    printer = QPrinter(QPrinterInfo.printerInfo(QUEUE), QPrinter.PrinterMode.HighResolution)
    title = f"mesolog-test-{time.monotonic_ns()}"
    printer.setDocName(title)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    started = time.monotonic()
    assert dialog.print_report(printer)
    assert dialog.print_status.text().startswith("Sending to")  # back at once: sent meanwhile
    qtbot.waitUntil(lambda: dialog.print_status.text().startswith("Sent to"), timeout=20_000)
    sent_in = time.monotonic() - started
    printed = job_file(title)
    assert len(PdfReader(printed).pages) == 2  # pages 2 and 3 only
    assert printed.stat().st_size < 1_000_000  # vector, not pictures
    assert sent_in < 5  # (0.02 s: too quick for a timer to be seen firing meanwhile;
    # the rendered path's test sees it)
    first = PdfReader(printed).pages[0].extract_text()
    assert first and first.split()[:3] == report.pages[1].extract_text().split()[:3]


@needs_cups
@pytest.mark.parametrize("collate", [True, False])
def test_pages_copies_and_collation_chosen_in_the_print_dialog_reach_cups(
        qtbot, clinic, tmp_path, collate):  # noqa: F811
    dialog, job = printed_through_the_dialog(qtbot, clinic, QUEUE, pages=(2, 3), copies=2,
                                             collate=collate)
    assert dialog.page_count >= 3
    held = job_attributes(QUEUE, job, tmp_path)
    assert (held["copies"], held["collate"]) == ("2", str(collate).lower())
    assert held["page-ranges"] in ("2-3", "2-2,3-3")
    printed = printed_file(job)
    assert printed.stat().st_size < 1_000_000  # the report's own PDF, not pictures
    # cups-pdf makes collated copies itself (pdftopdf) and leaves uncollated ones to the
    # printer: a real printer gets "copies=2, collate=false" (above)
    assert page_numbers(printed) == ([2, 3, 2, 3] if collate else [2, 3])
    width, height, *margins = ink_mm(printed.read_bytes())
    own = ink_mm(dialog.pdf, 1)
    assert (width, height) == pytest.approx((210.0, 297.0), abs=1.0)
    assert margins == pytest.approx(list(own[2:]), abs=1.0)  # at 100 %, where the PDF puts it


@needs_cups
@needs_letter_queue
def test_an_a4_report_on_a_letter_printer_is_fitted_and_centred_and_said_so(
        qtbot, clinic, tmp_path):  # noqa: F811
    dialog, job = printed_through_the_dialog(qtbot, clinic, LETTER_QUEUE)
    # the paper named as the printer names it ("US Letter" in a cups-pdf queue)
    assert re.search(r"\. Fitted to (US )?Letter[^:]*: the report is laid out for A4\.$",
                     dialog.print_status.text())
    assert job_attributes(LETTER_QUEUE, job, tmp_path)["print-scaling"] == "fit"
    width, height, left, top, right, bottom = ink_mm(printed_file(job).read_bytes())
    own = ink_mm(dialog.pdf)
    scale = 279.4 / 297.0
    assert (width, height) == pytest.approx((215.9, 279.4), abs=1.0)
    assert left - right == pytest.approx((own[2] - own[4]) * scale, abs=1.0)  # centred
    assert (top, bottom) == pytest.approx((own[3] * scale, own[5] * scale), abs=1.0)


@needs_cups
@needs_letter_queue
def test_a_letter_clinics_report_prints_at_full_size_on_a_letter_printer(
        qtbot, clinic, tmp_path):  # noqa: F811
    from mesolog.domain.print_layout import Paper
    from mesolog.services.letterhead import LetterheadService

    LetterheadService(clinic.db).set("Hair Clinic of Boston", "", "", paper=Paper.LETTER)
    dialog, job = printed_through_the_dialog(qtbot, clinic, LETTER_QUEUE)
    assert dialog.print_status.text() == f"Sent to {LETTER_QUEUE} (job {job})."
    assert job_attributes(LETTER_QUEUE, job, tmp_path)["print-scaling"] == "none"
    assert ink_mm(printed_file(job).read_bytes()) == pytest.approx(ink_mm(dialog.pdf),
                                                                   abs=1.0)


@needs_letter_queue
def test_the_print_dialog_opens_on_the_paper_the_printer_holds(qtbot, clinic):  # noqa: F811
    from mesolog.ui.printing.report_dialog import paper_to_start_with

    letter = QPrinter(QPrinterInfo.printerInfo(LETTER_QUEUE))
    assert paper_to_start_with(letter, (595.28, 841.89)).key() == "Letter"
