"""Print or save a patient's report: choose which, see it, then print or save it.

The PDF is built by ``mesolog.reports`` (no Qt); the preview and the printed
pages are its pages rendered by PDFium, so what is seen, printed and saved is
the same document.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.patient import Patient
from mesolog.domain.print_layout import pages_to_print, place_page, sheets_in_order
from mesolog.domain.progress import Cancelled
from mesolog.services.reports import ReportKind, ReportService
from mesolog.store.private import write_private
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.language import tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection
from mesolog.ui.printing import pdf_pages
from mesolog.ui.printing.print_system import PrintError, job_of, send, takes_pdf

if TYPE_CHECKING:
    from mesolog.domain.progress import Progress
    from mesolog.services.clinic import Clinic
    from mesolog.store.database import Database

PREVIEW_WIDTH = 620  # pixels for one page on screen
PRINT_DPI_MAX = 300


class ReportDialog(OpensAtFirstField, QDialog):
    def __init__(self, clinic: Clinic, patient: Patient, parent: QWidget | None = None):
        super().__init__(parent)
        self._clinic = clinic
        self._reports = ReportService(clinic)
        self._patient = patient
        self.pdf = b""  # the report shown, once built
        self.page_count = 0  # its pages
        self.page_pt = (0.0, 0.0)  # their size: the paper the report is laid out for
        self._asked = 0  # reports asked for: only the latest is shown
        self.building: LongWork | None = None
        self.printing: LongWork | None = None
        d = patient.details
        self.setWindowTitle(tr("Print or Save Report — {name} ({chart_no})").format(
            name=d.full_name, chart_no=d.chart_no))
        self.kind = QComboBox()
        for kind in ReportKind:
            self.kind.addItem(kind.label, kind.value)
        self.every_map = QCheckBox(tr("Every session's injection map"))
        self.pages_label = QLabel()
        self.pages = QVBoxLayout()
        self.pages.setSpacing(12)
        sheet = QWidget()
        sheet.setLayout(self.pages)
        sheet.setStyleSheet("background: #8a94a6;")
        scroll = QScrollArea()
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.save_button = QPushButton(tr("&Save as PDF…"))
        self.print_button = QPushButton(tr("&Print…"))
        close = QPushButton(tr("Close"))
        top = QHBoxLayout()
        label = QLabel(tr("&Report"))
        label.setBuddy(self.kind)
        top.addWidget(label)
        top.addWidget(self.kind)
        top.addWidget(self.every_map)
        top.addStretch(1)
        top.addWidget(self.pages_label)
        self.print_status = QLabel()  # what became of the last print job
        self.print_status.setWordWrap(True)  # a long one wraps, the dialog keeps its width
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_status, 1)
        for button in (close, self.save_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        screen = self.screen().availableGeometry()
        self.resize(PREVIEW_WIDTH + 90, min(960, int(screen.height() * 0.9)))
        self.kind.currentIndexChanged.connect(self.refresh)
        self.every_map.toggled.connect(self.refresh)
        self.save_button.clicked.connect(lambda: self.save_as_pdf())
        self.print_button.clicked.connect(lambda: self.print_report())
        close.clicked.connect(self.reject)
        self.refresh()

    @property
    def report_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def refresh(self) -> None:
        """Build the chosen report on a helper thread; its pages replace the preview
        when it is built (a report asked for meanwhile replaces this one)."""
        self.every_map.setEnabled(self.report_kind is ReportKind.PROGRESS)
        self._asked += 1
        asked = self._asked
        kind, every_map, clock = self.report_kind, self.every_map.isChecked(), self._clinic.clock
        patient_id, now = self._patient.id, clock()
        width = PREVIEW_WIDTH * self.devicePixelRatio()
        self.pdf = b""
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.pages_label.setText(tr("Building…"))

        pdf_pages.load()  # on the window's thread

        def build(own: Database, _progress: Progress
                  ) -> tuple[bytes, list[QImage], tuple[float, float]]:
            from mesolog.services.clinic import Clinic

            target = BytesIO()
            ReportService(Clinic.of(own, clock)).write(kind, patient_id, target, now,
                                                       every_map=every_map)
            pdf = target.getvalue()
            return (pdf, *pdf_pages.preview(pdf, width_px=width))

        def failed(error: BaseException) -> None:
            if asked == self._asked:
                self.pages_label.setText(tr("Not built"))
            raise error  # to the error dialog: a report that cannot be built says so

        self.building = run_long_work(
            self, tr("Building the report"), with_own_connection(self._clinic.db, build),
            done=lambda built: self._show_pages(asked, *built), failed=failed,
            expected=(BaseException,))  # said under the preview, then to the error home

    def _show_pages(self, asked: int, pdf: bytes, images: list[QImage],
                    page_pt: tuple[float, float]) -> None:
        if asked != self._asked:
            return  # another report was asked for since
        self.pdf = pdf
        self.page_count = len(images)
        self.page_pt = page_pt
        while self.pages.count():
            self.pages.takeAt(0).widget().deleteLater()
        for image in images:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatio())
            label.setPixmap(pixmap)
            self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages_label.setText(tr("%Ln page(s), {paper}", "", len(images)).format(
            paper=paper_name(page_pt)))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def suggested_name(self) -> str:
        d = self._patient.details
        return f"{d.chart_no}-{self.report_kind.value}-{self._clinic.clock():%Y-%m-%d}.pdf"

    def save_as_pdf(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, tr("Save Report as PDF"),
                                                  str(Path.home() / self.suggested_name()),
                                                  tr("PDF documents (*.pdf)"))
            if not name:
                return False
            path = Path(name)
        partial = path.with_name(f".{path.name}.part")
        try:
            write_private(partial, self.pdf)
            os.replace(partial, path)  # whole or not at all
        except OSError as e:
            partial.unlink(missing_ok=True)
            QMessageBox.warning(self, tr("Not saved"), tr(
                "The report could not be saved: {reason}").format(reason=e))
            return False
        return True

    def print_report(self, printer: QPrinter | None = None) -> bool:
        """Print the pages chosen in the print dialog, on a helper thread. A print system
        that takes PDF (CUPS) gets the report's own PDF with the dialog's choices;
        elsewhere the pages are drawn (``draw_pages``). False if nothing was started."""
        count = self.page_count
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested_name())
            printer.setFromTo(1, count)
            printer.setPageSize(paper_to_start_with(printer, self.page_pt))
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, count)  # the page boxes know the report's pages
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        pages = pages_to_print(count, chosen_ranges(printer))
        if not pages:
            QMessageBox.information(self, tr("Nothing to print"), tr(
                "The pages chosen are not in the report: it has %Ln page(s).", "", count))
            return False
        where = printer.printerName() or Path(printer.outputFileName()).name
        paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
        is_fitted = place_page(self.page_pt, (paper.width(), paper.height())).fitted
        fitted = ""
        if is_fitted:
            fitted = " " + tr("Fitted to {paper}: the report is laid out for "
                              "{report_paper}.").format(
                paper=printer.pageLayout().pageSize().name(),
                report_paper=paper_name(self.page_pt))
        if takes_pdf(printer):
            job = job_of(printer, pages, count, fitted=is_fitted)
            self._print(lambda _progress: send(self.pdf, job), where,
                        tr("Sending to {printer}…").format(printer=where),
                        lambda job_id: tr("Sent to {printer} (job {job}).").format(
                            printer=where, job=job_id) + fitted, cancellable=False)
        else:
            pdf = self.pdf
            self._print(lambda progress: draw_pages(printer, pdf, pages, progress), where,
                        tr("Printing…"), lambda _none: tr("Printed.") + fitted,
                        cancellable=True)
        return True

    def _print(self, work: Callable[[Progress], object], where: str, busy: str,
               done: Callable[[object], str], *, cancellable: bool) -> None:
        """``work`` on a helper thread: the window stays free, the dialog says how it went
        (``done`` words what ``work`` returned)."""
        self.print_button.setEnabled(False)
        self.print_status.setText(busy)

        def finished(result: object) -> None:
            self.print_button.setEnabled(True)
            self.print_status.setText(done(result))

        def refused(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.print_status.setText(tr("Not printed."))
            if not isinstance(error, Cancelled):
                QMessageBox.warning(self, tr("Not printed"), tr(
                    "{printer} did not take the report: {reason}").format(
                        printer=where, reason=error))

        self.printing = run_long_work(self, tr("Printing"), work, done=finished,
                                      failed=refused, expected=(PrintError,),
                                      cancellable=cancellable)


def draw_pages(printer: QPrinter, pdf: bytes, pages: list[int], progress: Progress) -> None:
    """Each of ``pages`` drawn where the PDF puts it: at 100 % on its own paper, else
    fitted and centred; rendered one at a time at the printer's resolution up to 300 dpi
    and drawn at that size, never scaled up. The copies asked for are drawn here where
    the printer makes none itself (a PDF file), collated or not. A page counted is a
    page sent; Cancel (raised by ``progress``) abandons the job, nothing of it printed."""
    if not printer.supportsMultipleCopies():
        pages = sheets_in_order(pages, printer.copyCount(), printer.collateCopies())
    printer.setFullPage(True)  # the painter's origin is the paper's corner
    resolution = printer.resolution()
    to_device = resolution / 72
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(tr("The printer could not be started."))
    try:
        progress(0, len(pages), tr("pages"))
        dpi = min(resolution, PRINT_DPI_MAX)
        with closing(pdf_pages.rendered_pages(pdf, pages, dpi)) as rendered:
            for number, (size_pt, image) in enumerate(rendered):
                if number:
                    printer.newPage()
                placed = place_page(size_pt, (paper.width(), paper.height()))
                painter.drawImage(QRectF(placed.left_pt * to_device,
                                         placed.top_pt * to_device,
                                         size_pt[0] * placed.scale * to_device,
                                         size_pt[1] * placed.scale * to_device), image)
                progress(number + 1, len(pages), tr("pages"))
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
    if (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and not written_whole(Path(printer.outputFileName()))):
        # Qt's PDF writer says nothing of a write that failed (a full disk)
        raise PrintError(tr("{file} could not be written whole: is the disk full?").format(
            file=printer.outputFileName()))


def written_whole(pdf: Path) -> bool:
    """Whether the PDF file at ``pdf`` ends as a PDF does."""
    try:
        with pdf.open("rb") as file:
            file.seek(max(pdf.stat().st_size - 1024, 0))
            return b"%%EOF" in file.read(1024)
    except OSError:
        return False


def page_size(page_pt: tuple[float, float]) -> QPageSize:
    """The paper of pages ``page_pt`` in size (A4, Letter… when within a point or two)."""
    return QPageSize(QSizeF(*page_pt), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)


def paper_to_start_with(printer: QPrinter, page_pt: tuple[float, float]) -> QPageSize:
    """The paper the print dialog opens on: the printer's own, what its tray holds (a
    report laid out for other paper is fitted to it), else the report's."""
    own = (QPrinterInfo.printerInfo(printer.printerName()).defaultPageSize()
           if printer.printerName() else QPageSize())
    return own if own.isValid() else page_size(page_pt)


def paper_name(page_pt: tuple[float, float]) -> str:
    return page_size(page_pt).name()


def chosen_ranges(printer: QPrinter) -> list[tuple[int, int]] | None:
    """The pages the print dialog chose, as ranges numbered from 1; None for all."""
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return None
    ranges = [(r.from_, r.to) for r in printer.pageRanges().toRangeList()]
    if not ranges and printer.fromPage():
        ranges = [(printer.fromPage(), printer.toPage())]
    return ranges or None
