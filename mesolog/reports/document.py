"""The page every report is printed on: letterhead, footer with "page N of M",
styles, and the PDF's metadata."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Image

from mesolog.domain.print_layout import Paper
from mesolog.domain.translation import _, moment_text
from mesolog.reports.content import Letterhead
from mesolog.reports.fonts import (
    BOLD,
    REGULAR,
    has_right_to_left,
    needs_fallback,
    register_fonts,
    runs,
    shaped_runs,
)
from mesolog.reports.pictures import drawable

# every report's columns add up to this: A4 less 18 mm a side. On wider paper (US
# Letter) the side margins grow and the page keeps its columns.
CONTENT_WIDTH = 174 * mm
TOP_MARGIN = 34 * mm
BOTTOM_MARGIN = 18 * mm
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


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", style, shaping=1)


class Text(Paragraph):
    """A paragraph of the report. Text holding Arabic or Hebrew is shaped (HarfBuzz,
    through ReportLab): Arabic letters joined, both set right to left inside the
    left-to-right page. Only such text is shaped: shaping every paragraph would make a
    24-session report some 70 % slower to lay out (bench/README.md)."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: object,
                 **kwargs: object):
        # (a paragraph split across pages is remade from its fragments, with no text)
        shaped = text is not None and has_right_to_left(text)
        super().__init__(text, _shaped(style) if shaped else style, *args, **kwargs)


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
            elif not needs_fallback(text) and not has_right_to_left(text) and all(
                    stringWidth(part, REGULAR, size) <= widths[i] - 6
                    for part in text.split("\n")):
                line.append(text)  # a table sets each line of a string as it is
            else:
                line.append(Text(escape(text), styles.cell_right if i in align_right
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


def _strong(word: str) -> str:
    """"R" for a word of Arabic or Hebrew letters, "L" for one with left-to-right
    letters, "" for digits and punctuation alone."""
    kinds = {unicodedata.bidirectional(c) for c in word}
    if "L" in kinds:
        return "L"
    return "R" if kinds & {"R", "AL"} else ""


def words_in_visual_order(line: str) -> str:
    """``line`` with each run of right-to-left words in the order the eye meets them
    from the left, as the page is set left to right; each word keeps its letters in
    reading order (shaping sets them right to left). Enough for names, addresses and
    one-line entries; a long right-to-left note that wraps is read line by line."""
    tokens = re.split(r"(\s+)", line)
    out: list[str] = []
    run: list[str] = []
    for token in tokens:
        kind = _strong(token) if token.strip() else ""
        if kind == "R" or (run and kind == ""):
            run.append(token)
            continue
        out += _reversed_run(run)
        run = []
        out.append(token)
    return "".join(out + _reversed_run(run))


def _reversed_run(run: list[str]) -> list[str]:
    """The run reversed, with the spaces and neutrals after its last right-to-left word
    left where they were."""
    last = max((i for i, t in enumerate(run) if _strong(t) == "R"), default=-1)
    return run[:last + 1][::-1] + run[last + 1:]


def escape(text: str) -> str:
    """Text safe inside a Paragraph's mark-up, line breaks kept, each run of characters
    the report font lacks (Chinese, Japanese, Korean) set in the fallback font, and
    right-to-left words in the order they are seen."""
    if has_right_to_left(text):
        text = "\n".join(words_in_visual_order(line) for line in text.split("\n"))
    # each word in one font: the paragraph this goes into may be shaped for other text
    return "".join(_escape(piece) if font == REGULAR
                   else f'<font face="{font}">{_escape(piece)}</font>'
                   for font, piece in shaped_runs(text)).replace("\n", "<br/>")


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *,
                right: bool = False, color: colors.Color = INK) -> None:
    """``canvas.drawString`` (or ``drawRightString``) that sets each run of ``text`` in a
    font that has it."""
    if has_right_to_left(text):  # shaped and ordered as a paragraph, set on the line
        line = Text(escape(text), ParagraphStyle("line", fontName=font, fontSize=size,
                                                 leading=size * 1.2,
                                                 textColor=color))
        line.wrap(CONTENT_WIDTH, size * 3)
        width = max(line.getActualLineWidths0() or [0])
        line.drawOn(canvas, x - width if right else x, y - size * 0.2)
        return
    canvas.setFillColor(color)
    pieces = runs(text, font)
    if right:
        x -= sum(stringWidth(piece, name, size) for name, piece in pieces)
    for name, piece in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, name, size)


def side_margin(paper: Paper) -> float:
    """Left and right margin (points) of a page of ``paper``: the columns centred."""
    return (paper.size_pt[0] - CONTENT_WIDTH) / 2


def _numbered_canvas(footer_left: str, paper: Paper):
    """A canvas that holds its pages back until the end, so each can say "of M"."""
    width, margin = paper.size_pt[0], side_margin(paper)

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
                draw_string(self, margin, 10 * mm, footer_left, REGULAR, 7.5, color=MUTED)
                draw_string(self, width - margin, 10 * mm,
                            page_of(self._pageNumber, total), REGULAR, 7.5, right=True,
                            color=MUTED)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_of(page: int, pages: int) -> str:
    return _("Page {page} of {pages}").format(page=page, pages=pages)


def build(target: Path | BytesIO, story: list[Flowable], *, title: str, subject: str,
          author: str, letterhead: Letterhead, printed_at: datetime) -> None:
    """Lay ``story`` out on pages of the letterhead's paper (A4 or US Letter) with the
    letterhead on each and write the PDF."""
    register_fonts()
    paper = letterhead.paper
    (width, height), margin = paper.size_pt, side_margin(paper)
    logo_drawable = bool(letterhead.logo) and drawable(letterhead.logo)

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        top = height - 12 * mm
        x = margin
        if logo_drawable:
            canvas.drawImage(ImageReader(BytesIO(letterhead.logo)), x, top - 12 * mm,
                             width=12 * mm, height=12 * mm, preserveAspectRatio=True,
                             mask="auto")
            x += 15 * mm
        draw_string(canvas, x, top - 4 * mm, letterhead.name, BOLD, 11)
        lines = [line for line in letterhead.address.splitlines() if line.strip()]
        if letterhead.phone:
            lines.append(_("Tel. {phone}").format(phone=letterhead.phone))
        for i, line in enumerate(lines[:3]):
            draw_string(canvas, x, top - (8 + 3.2 * i) * mm, line, REGULAR, 7.5, color=MUTED)
        draw_string(canvas, width - margin, top - 4 * mm, title, REGULAR, 7.5, right=True,
                    color=MUTED)
        draw_string(canvas, width - margin, top - 8 * mm,
                    _("Printed {moment}").format(moment=moment_text(printed_at)), REGULAR, 7.5,
                    right=True,
                    color=MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(margin, top - 16 * mm, width - margin, top - 16 * mm)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target, pagesize=paper.size_pt,
        leftMargin=margin, rightMargin=margin, topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
        title=title, author=author, subject=subject, creator="Mesolog")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=_numbered_canvas(f"{title} · {subject}", paper))


def photo(picture: bytes, width: float, height: float, styles: Styles | None = None
          ) -> Flowable:
    """A photo (its file's contents, decrypted) scaled to fit ``width`` × ``height``
    keeping its proportions; a line saying so where it cannot be drawn."""
    if not drawable(picture):
        return Text(_("This photo is missing or damaged and cannot be printed."),
                    (styles or Styles()).small)
    image = Image(BytesIO(picture))
    scale = min(width / image.imageWidth, height / image.imageHeight)
    image.drawWidth = image.imageWidth * scale
    image.drawHeight = image.imageHeight * scale
    return image
