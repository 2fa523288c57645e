"""The typefaces every report is set in, embedded in the PDF.

DejaVu Sans (shipped in resources/fonts with its licence) covers Latin with
all its accents, Greek, Cyrillic, Arabic, Hebrew and more, so Łukasz, Øyvind
and Дмитрий print as written; the PDF standard fonts would drop them. Chinese,
Japanese and Korean, which DejaVu lacks, are set in Droid Sans Fallback
(Chinese and Japanese; Apache 2.0) and Nanum Gothic (Korean Hangul; OFL), shipped
beside it with their licences: text is cut into runs by which font has each
character, so a name mixing scripts prints whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import as_file, files
from itertools import groupby

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "DroidSansFallbackFull"  # Chinese, Japanese
HANGUL = "NanumGothic"  # Korean, which Droid Sans Fallback lacks
FALLBACKS = (FALLBACK, HANGUL)  # tried in this order for what the report font lacks


@cache
def register_fonts() -> None:
    """Make the report fonts known to ReportLab (once per process)."""
    for name in (REGULAR, BOLD, *FALLBACKS):
        with as_file(files("mesolog.resources") / "fonts" / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    for name in FALLBACKS:  # no bold or italic of their own: <b> keeps the regular face
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)


@cache
def _covered(font: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def font_for(character: str, font: str = REGULAR) -> str:
    """``font`` if it has ``character``, else the first fallback that has it (else
    ``font``, which then shows its own "missing" glyph)."""
    code = ord(character)
    if code in _covered(font):
        return font
    return next((name for name in FALLBACKS if code in _covered(name)), font)


def runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` cut into (font, piece) runs, each piece set in a font that has it."""
    return [(name, "".join(piece)) for name, piece in
            groupby(text, key=lambda c: font_for(c, font))]


# A thin space: where ReportLab parts the words of a shaped paragraph (at a zero-width
# space it does not: the word's second font then shows empty boxes; looked at)
WORD_BREAK = "\u2009"


def shaped_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` to be shaped, cut into runs so that each word is in one font.

    ReportLab shapes a word with the font of its first piece and then reads each glyph
    in the font of the piece it came from: a word of two fonts ("王," with its comma
    in the report font) fails, or prints other letters than written. So a word is set
    whole in the first font that has all of it; a word no font has whole is cut into
    words, one a font, by a thin space.
    """
    found: list[tuple[str, str]] = []
    for word in re.split(r"(\s+)", text):
        if not word or word.isspace():
            found += [(font, word)] if word else []
            continue
        whole = next((name for name in (font, *FALLBACKS)
                      if all(ord(c) in _covered(name) for c in word)), None)
        if whole is not None:
            found.append((whole, word))
        else:
            for i, (name, piece) in enumerate(runs(word, font)):
                found += [(font, WORD_BREAK)] if i else []
                found.append((name, piece))
    return [(name, "".join(piece for _, piece in group))
            for name, group in groupby(found, key=lambda run: run[0])]


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` holds Arabic or Hebrew letters (set right to left, shaped)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def needs_fallback(text: str) -> bool:
    return any(name != REGULAR for name, _ in runs(text))
