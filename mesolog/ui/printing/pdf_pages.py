"""The report's pages as pictures, through PDFium (pypdfium2): the preview, and the
printed pages where Mesolog draws them itself.

PDFium is not thread-safe: no two of its calls may run at once, in any two threads, not
even on different documents (pypdfium2's documentation says so; doing it crashes the
process). The preview is built and pages are printed on helper threads, so a report
rebuilt while the last was still being built, or printed while the preview was rebuilt,
crashed Mesolog now and then. Every use of PDFium goes through here, holding the one
lock from opening a document until it and every picture of it are closed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QImage

# PDFium's state is the process's, so is the lock that keeps its calls one at a time
_PDFIUM = threading.Lock()


def load() -> None:
    """Import pypdfium2 now: PySide's import hook reads a module's source as it is first
    imported, and doing so on a helper thread while the window handles its events
    crashed the process (seen under load in the tests). Called on the window's thread."""
    import pypdfium2  # noqa: F401


def page_images(pdf: bytes, *, width_px: float) -> list[QImage]:
    """The PDF's pages as images ``width_px`` wide, each owning its pixels."""
    return preview(pdf, width_px=width_px)[0]


def preview(pdf: bytes, *, width_px: float) -> tuple[list[QImage], tuple[float, float]]:
    """The preview, read in one opening of the PDF: its pages as images ``width_px`` wide
    (each owning its pixels) and the size of its pages in points (the first page's)."""
    with _document(pdf) as document:
        if not len(document):
            raise ValueError("a PDF without pages")
        images, size = [], (0.0, 0.0)
        for index in range(len(document)):
            page = document[index]
            if not index:
                size = page.get_width(), page.get_height()
            bitmap = page.render(scale=width_px / page.get_width(), rev_byteorder=True)
            images.append(QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                 QImage.Format.Format_RGB888).copy())
            bitmap.close()
            page.close()
        return images, size


def rendered_pages(pdf: bytes, pages: list[int], dpi: float
                   ) -> Iterator[tuple[tuple[float, float], QImage]]:
    """Each of ``pages`` (numbered from 1): its size in points and its image at ``dpi``,
    one page at a time. The image is PDFium's own pixels, not copied, and lives until
    the next is asked for: one page's pixels in memory at a time (35 MB for A4 at 300
    dpi). A page asked for again at once is not rendered again. PDFium is held until the
    last page is drawn: use with ``contextlib.closing``, so that a job given up (Cancel)
    lets go of it at once."""
    with _document(pdf) as document:
        number, size, bitmap, image = 0, (0.0, 0.0), None, QImage()
        try:
            for wanted in pages:
                if wanted != number:
                    if bitmap is not None:  # the last page's pixels go before the next's
                        image = QImage()
                        bitmap.close()
                    page = document[wanted - 1]
                    size = page.get_width(), page.get_height()
                    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)  # Qt's RGB32
                    page.close()
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height,
                                   bitmap.stride, QImage.Format.Format_RGB32)
                    number = wanted
                yield size, image
        finally:
            if bitmap is not None:
                bitmap.close()


@contextmanager
def _document(pdf: bytes) -> Iterator:
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            yield document
        finally:
            document.close()
