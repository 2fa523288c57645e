"""The typeface every report is set in, embedded in the PDF.

DejaVu Sans (shipped in resources/fonts with its licence) covers Latin with
all its accents, Greek, Cyrillic and more, so Łukasz, Øyvind and Дмитрий
print as written; the PDF standard fonts would drop them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> None:
    """Make the report fonts known to ReportLab (once per process)."""
    for name in (REGULAR, BOLD):
        with as_file(files("mesolog.resources") / "fonts" / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
