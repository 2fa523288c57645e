"""The page every report is printed on: letterhead, footer with "page N of M",
styles, and the PDF's metadata."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Image

from mesolog.reports.content import Letterhead
from mesolog.reports.fonts import BOLD, REGULAR, needs_fallback, register_fonts, runs

MARGIN = 18 * mm
INK = colors.HexColor("#1f2a37")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#c9d1dc")
BAND = colors.HexColor("#eef2f7")


class Styles:
    """Paragraph styles in the report font (built after the font is registered)."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5,
                              textColor=INK)
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10, textColor=MUTED)
        self.cell = ParagraphStyle("cell", base, fontSize=8.5, leading=10.5)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", base, fontName=BOLD, fontSize=16, leading=20,
                                    spaceAfter=4)
        self.heading = ParagraphStyle("heading", base, fontName=BOLD, fontSize=11.5,
                                      leading=15, spaceBefore=10, spaceAfter=4)
        self.subheading = ParagraphStyle("subheading", base, fontName=BOLD, fontSize=9.5,
                                         leading=12.5, spaceBefore=2, spaceAfter=2)
        self.right = ParagraphStyle("right", self.small, alignment=TA_RIGHT)


def table(rows: Sequence[Sequence[object]], widths: Sequence[float], styles: Styles,
          *, align_right: Sequence[int] = ()) -> Table:
    """A table with a shaded header row that repeats on every page it spans.

    Text that fits its column on one line is set as a plain string, the rest
    as a wrapping paragraph: a 24-session report has some 1,000 cells, and a
    paragraph costs ten times a string to lay out.
    """
    size = styles.cell.fontSize
    cells = []
    for row in rows:
        line = []
        for i, c in enumerate(row):
            text = str(c)
            if isinstance(c, Flowable):
                line.append(c)
            elif not needs_fallback(text) and all(
                    stringWidth(part, REGULAR, size) <= widths[i] - 6
                    for part in text.split("\n")):
                line.append(text)  # a table sets each line of a string as it is
            else:
                line.append(Paragraph(escape(text), styles.cell_right if i in align_right
                                      else styles.cell))
        cells.append(line)
    # a row taller than a page (a long allergy list, say) splits inside its cells
    t = Table(cells, colWidths=widths, repeatRows=1, splitInRow=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), REGULAR, size, styles.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), BAND),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in align_right]
    t.setStyle(TableStyle(commands))
    return t


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape(text: str) -> str:
    """Text safe inside a Paragraph's mark-up, line breaks kept, each run of characters
    the report font lacks (Chinese, Japanese, Korean) set in the fallback font."""
    return "".join(_escape(piece) if font == REGULAR
                   else f'<font face="{font}">{_escape(piece)}</font>'
                   for font, piece in runs(text)).replace("\n", "<br/>")


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *,
                right: bool = False) -> None:
    """``canvas.drawString`` (or ``drawRightString``) that sets each run of ``text`` in a
    font that has it."""
    pieces = runs(text, font)
    if right:
        x -= sum(stringWidth(piece, name, size) for name, piece in pieces)
    for name, piece in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, name, size)


def _numbered_canvas(footer_left: str):
    """A canvas that holds its pages back until the end, so each can say "of M"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFillColor(MUTED)
                draw_string(self, MARGIN, 10 * mm, footer_left, REGULAR, 7.5)
                draw_string(self, A4[0] - MARGIN, 10 * mm,
                            f"Page {self._pageNumber} of {total}", REGULAR, 7.5, right=True)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(target: Path | BytesIO, story: list[Flowable], *, title: str, subject: str,
          author: str, letterhead: Letterhead, printed_at: datetime) -> None:
    """Lay ``story`` out on A4 pages with the letterhead on each and write the PDF."""
    register_fonts()
    logo_drawable = bool(letterhead.logo) and drawable(letterhead.logo)

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        top = A4[1] - 12 * mm
        x = MARGIN
        if logo_drawable:
            canvas.drawImage(ImageReader(BytesIO(letterhead.logo)), x, top - 12 * mm,
                             width=12 * mm, height=12 * mm, preserveAspectRatio=True,
                             mask="auto")
            x += 15 * mm
        canvas.setFillColor(INK)
        draw_string(canvas, x, top - 4 * mm, letterhead.name, BOLD, 11)
        canvas.setFillColor(MUTED)
        lines = [line for line in letterhead.address.splitlines() if line.strip()]
        if letterhead.phone:
            lines.append(f"Tel. {letterhead.phone}")
        for i, line in enumerate(lines[:3]):
            draw_string(canvas, x, top - (8 + 3.2 * i) * mm, line, REGULAR, 7.5)
        draw_string(canvas, A4[0] - MARGIN, top - 4 * mm, title, REGULAR, 7.5, right=True)
        draw_string(canvas, A4[0] - MARGIN, top - 8 * mm,
                    f"Printed {printed_at:%Y-%m-%d %H:%M}", REGULAR, 7.5, right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 16 * mm, A4[0] - MARGIN, top - 16 * mm)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target, pagesize=A4,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=34 * mm, bottomMargin=18 * mm,
        title=title, author=author, subject=subject, creator="Mesolog")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=_numbered_canvas(f"{title} · {subject}"))


# No photo on a report is drawn from more pixels than this (a camera makes 12–50 MP).
PHOTO_MAX_PIXELS = 200_000_000


def drawable(source: Path | bytes, max_pixels: int = PHOTO_MAX_PIXELS) -> bool:
    """Whether ``source`` decodes whole into at most ``max_pixels``: checked before a
    picture goes on a page, so a file changed, cut short or swapped after it was
    attached cannot stop a report."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(BytesIO(source) if isinstance(source, bytes) else source) as im:
                if im.size[0] * im.size[1] > max_pixels:
                    return False
                im.load()
        return True
    except Exception:
        return False


def photo(path: Path, width: float, height: float, styles: Styles | None = None
          ) -> Flowable:
    """A photo scaled to fit ``width`` × ``height`` keeping its proportions; a line
    saying so where the file cannot be drawn."""
    if not drawable(path):
        return Paragraph(f"The photo file {escape(path.name)} is missing or damaged and "
                         "cannot be printed.", (styles or Styles()).small)
    image = Image(str(path))
    scale = min(width / image.imageWidth, height / image.imageHeight)
    image.drawWidth = image.imageWidth * scale
    image.drawHeight = image.imageHeight * scale
    return image
