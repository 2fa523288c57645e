"""Handing the report's own PDF to the print system, where it takes PDF (CUPS).

CUPS prints a PDF as it is, at the printer's own resolution, with the choices
made in the print dialog passed as job options: a 4-page report is a job of
tens of kilobytes instead of megabytes of pictures. Where there is no CUPS
(Windows), the window renders the chosen pages itself (report_dialog.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrinter

# lp's answer must come within this: a print system that hangs is said, not waited on
LP_TIMEOUT_SECONDS = 60
_SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


class PrintError(RuntimeError):
    """The print system refused the job; the message is its own."""


@dataclass(frozen=True)
class PrintJob:
    """What the print dialog chose, as the print system's job options."""

    printer: str
    title: str = ""
    copies: int = 1
    collate: bool = True
    pages: tuple[int, ...] = ()  # numbered from 1; empty: every page
    sides: str = ""
    paper: str = ""
    fitted: bool = False  # the report's pages scaled to fit other paper, centred


    def lp_arguments(self) -> list[str]:
        """The ``lp`` command's arguments for this job (the PDF comes on its input)."""
        arguments = ["-d", self.printer, "-n", str(max(self.copies, 1)),
                     "-o", f"collate={'true' if self.collate else 'false'}"]
        if self.title:
            arguments += ["-t", self.title]
        if self.pages:
            arguments += ["-o", "page-ranges=" + ",".join(str(page) for page in self.pages)]
        if self.sides:
            arguments += ["-o", f"sides={self.sides}"]
        if self.paper:
            arguments += ["-o", f"media={self.paper}"]
        # at 100 % on its own paper: a printer's "auto" shrinks a full page to its
        # printable area (the report's margins already clear any printer's)
        arguments += ["-o", f"print-scaling={'fit' if self.fitted else 'none'}"]
        return arguments


def takes_pdf(printer: QPrinter) -> bool:
    """Whether ``printer`` is a print system's queue that prints a PDF itself."""
    return (printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
            and bool(printer.printerName()) and sys.platform != "win32"
            and shutil.which("lp") is not None)


def job_of(printer: QPrinter, pages: list[int], count: int, *, fitted: bool) -> PrintJob:
    """The job the print dialog set up on ``printer``: ``pages`` of the report's
    ``count`` (all of them sent as no page list), ``fitted`` to the paper chosen where
    the report is laid out for another (print_layout.place_page says which)."""
    return PrintJob(
        printer.printerName(), printer.docName(), printer.copyCount(),
        printer.collateCopies(),
        tuple(pages) if len(pages) < count else (),
        _SIDES.get(printer.duplex(), ""),
        printer.pageLayout().pageSize().key(), fitted)


def send(pdf: bytes, job: PrintJob) -> str:
    """Queue ``pdf`` as ``job``; the print system's job id ("desk-a4-12"). PrintError
    if refused."""
    try:
        done = subprocess.run(["lp", *job.lp_arguments()], input=pdf, capture_output=True,
                              timeout=LP_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise PrintError(str(e)) from None
    if done.returncode != 0:
        raise PrintError(done.stderr.decode(errors="replace").strip()
                         or f"lp ended with status {done.returncode}")
    answer = done.stdout.decode(errors="replace").strip()
    # "request id is desk-a4-12 (1 file(s))", in the desk's language
    said = re.search(rf"{re.escape(job.printer)}-\d+", answer)
    return said.group(0) if said else answer
