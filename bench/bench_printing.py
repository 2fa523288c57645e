"""Printing a progress report from the report dialog: the job the printer gets, how long
until it has it, and the application's peak memory, for the demo clinic's busiest
patient's report alone (5 pages) and with every session's map (20 pages).

Three ways, each measured in a process of its own (peak memory is the process's):
- ``cups``: the report's own PDF handed to a CUPS queue with ``lp`` (Linux, macOS);
- ``rendered``: the pages drawn by Mesolog (Windows, Print to File) on a 1200-dpi
  printer, here a PDF file;
- ``before``: the way every page was printed before issue 24 (each rendered at 300 dpi,
  all held at once, scaled up to the 1200-dpi paint rectangle), kept here to compare.

Run by hand (not by CI):
    QT_QPA_PLATFORM=offscreen python bench/bench_printing.py [--queue NAME --out DIR]
``--queue`` is a CUPS queue (a cups-pdf one, as .ci/run makes); ``--out`` its folder,
to time the job until cups-pdf has written it. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WAYS = ("cups", "rendered", "before")
PRINTER_DPI = 1200  # what the office printer of issue 24 reports


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait_for(condition, timeout_ms: int) -> bool:
    """Run the event loop until ``condition()`` holds (checked every 5 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: condition() and loop.quit())
    check.start(5)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not condition():
        loop.exec()
    check.stop()
    return bool(condition())


def _dialog(db_path: Path, every_map: bool):
    """The report dialog of the busiest patient, its report built."""
    from mesolog.services.accounts import AccountService
    from mesolog.services.clinic import Clinic
    from mesolog.services.demo import DEMO_PASSWORD
    from mesolog.store.database import open_database
    from mesolog.ui.printing.report_dialog import ReportDialog

    db = open_database(db_path, create=False)  # encrypted: a login opens it
    db = db.acting_as(AccountService(db).authenticate("cmoreau", DEMO_PASSWORD).actor)
    clinic = Clinic.of(db)
    (patient_id,) = db.fetch_all("SELECT patient_id FROM session GROUP BY patient_id "
                                 "ORDER BY count(*) DESC, patient_id LIMIT 1")[0]
    dialog = ReportDialog(clinic, clinic.patients.get(patient_id))
    dialog.every_map.setChecked(every_map)
    assert _wait_for(lambda: dialog.print_button.isEnabled() and not dialog.building.running,
                     120_000)
    return dialog


def _print_before(printer, pdf: bytes) -> None:
    """Printing as it was before issue 24 (0a1333b's ReportDialog.print_report)."""
    import pypdfium2
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    document = pypdfium2.PdfDocument(pdf)
    images = []
    for page in document:
        bitmap = page.render(scale=300 / 72, rev_byteorder=True)
        images.append(QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                             QImage.Format.Format_RGB888).copy())
        page.close()
    document.close()
    painter = QPainter(printer)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    for number, image in enumerate(images):
        if number:
            printer.newPage()
        scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(area.topLeft().x(), area.topLeft().y(),
                          image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
    painter.end()


def one(way: str, db_path: Path, every_map: bool, queue: str, out: Path | None) -> dict:
    """One measurement, in this process."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the widgets need it
    dialog = _dialog(db_path, every_map)
    shown_mb = _peak_mb()
    result = {"pages": dialog.page_count, "pdf_kb": len(dialog.pdf) / 1e3,
              "dialog_mb": shown_mb}
    with tempfile.TemporaryDirectory() as folder:
        if way == "cups":
            printer = QPrinter(QPrinterInfo.printerInfo(queue),
                               QPrinter.PrinterMode.HighResolution)
            title = f"bench-printing-{time.monotonic_ns()}"
            printer.setDocName(title)
        else:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(Path(folder) / "job.pdf"))
            printer.setResolution(PRINTER_DPI)
        started = time.perf_counter()
        if way == "before":
            _print_before(printer, dialog.pdf)  # on the window's thread, as it was
        else:
            assert dialog.print_report(printer)
            result["back_ms"] = (time.perf_counter() - started) * 1000  # the window free
            assert _wait_for(lambda: dialog.print_status.text().startswith(
                ("Sent", "Printed", "Not")), 600_000), dialog.print_status.text()
            assert dialog.print_status.text().startswith(("Sent", "Printed"))
        result["queued_s"] = time.perf_counter() - started
        if way == "cups":
            result["job_kb"] = len(dialog.pdf) / 1e3  # what lp was given
            if out is not None:
                while not [f for f in out.glob(f"{title}*.pdf") if f.stat().st_size]:
                    time.sleep(0.02)
                result["written_s"] = time.perf_counter() - started
        else:
            result["job_kb"] = (Path(folder) / "job.pdf").stat().st_size / 1e3
    result["peak_mb"] = _peak_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queue", default="", help="a CUPS queue (the cups way)")
    parser.add_argument("--out", type=Path, help="the folder the cups-pdf queue writes to")
    parser.add_argument("--one", nargs=3, metavar=("WAY", "DB", "EVERY_MAP"),
                        help=argparse.SUPPRESS)  # a measurement's own process
    args = parser.parse_args()
    if args.one:
        way, db, every_map = args.one
        print(json.dumps(one(way, Path(db), every_map == "1", args.queue, args.out)))
        return
    from PySide6.QtWidgets import QApplication

    from mesolog.services.demo import build_demo_clinic
    from mesolog.store.database import open_database

    app = QApplication([])  # noqa: F841 - the demo's photos are drawn with Qt
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "clinic.sqlite"
        db = open_database(db_path)
        build_demo_clinic(db, 30, seed=7)
        db.close()
        ways = [w for w in WAYS if w != "cups" or args.queue]
        print(f"{'report':<10} {'way':<9} {'pages':>5} {'job':>10} {'back':>8} "
              f"{'sent':>8} {'written':>8} {'dialog':>8} {'peak':>8}")
        for every_map in (False, True):
            for way in ways:
                command = [sys.executable, __file__, "--one", way, str(db_path),
                           "1" if every_map else "0", "--queue", args.queue]
                if args.out:
                    command += ["--out", str(args.out)]
                done = subprocess.run(command, capture_output=True, text=True, check=True,
                                      env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
                r = json.loads(done.stdout.strip().splitlines()[-1])
                job = (f"{r['job_kb']:.0f} KB" if r["job_kb"] < 1000
                       else f"{r['job_kb'] / 1000:.1f} MB")
                back = f"{r['back_ms']:.0f} ms" if "back_ms" in r else "—"
                written = f"{r['written_s']:.1f} s" if "written_s" in r else "—"
                print(f"{'every map' if every_map else 'report':<10} {way:<9} "
                      f"{r['pages']:>5} {job:>10} {back:>8} {r['queued_s']:>6.2f} s "
                      f"{written:>8} {r['dialog_mb']:>5.0f} MB {r['peak_mb']:>5.0f} MB")


if __name__ == "__main__":
    main()
