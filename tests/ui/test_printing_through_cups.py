"""Printing through a real print system: a CUPS queue that writes PDF (cups-pdf), as
.ci/run sets up. Skipped where there is none: MESOLOG_TEST_PRINTER names the queue,
MESOLOG_TEST_PRINTER_OUT the folder its jobs are written to."""

from __future__ import annotations

import os
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from mesolog.ui.printing.print_system import PrintJob
from mesolog.ui.printing.report_dialog import ReportDialog
from tests.ui.test_report_dialog import clinic, treated  # noqa: F401 - the fixture

QUEUE = os.environ.get("MESOLOG_TEST_PRINTER", "")
OUT = Path(os.environ.get("MESOLOG_TEST_PRINTER_OUT", "/nonexistent"))
needs_cups = pytest.mark.skipif(not QUEUE or not OUT.is_dir(),
                                reason="no CUPS queue: set MESOLOG_TEST_PRINTER (.ci/run)")


def job_file(title: str, timeout: float = 30) -> Path:
    """The PDF cups-pdf wrote for the job titled ``title``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in OUT.glob("*.pdf") if title in p.name and p.stat().st_size]
        if found:
            time.sleep(0.3)  # written whole
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no job {title!r} in {OUT}")


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
    ticks: list[float] = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
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
    timer.stop()
    assert len(PdfReader(printed).pages) == 2  # pages 2 and 3 only
    assert printed.stat().st_size < 1_000_000  # vector, not pictures
    assert sent_in < 5
    assert ticks  # the window's timer kept firing meanwhile
    first = PdfReader(printed).pages[0].extract_text()
    assert first and first.split()[:3] == report.pages[1].extract_text().split()[:3]
