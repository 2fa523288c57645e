"""Text rules shared by search, sorting and validation."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

# Letters that Unicode does not decompose into base letter + accent, so NFKD
# alone would leave them unmatched by a plain-ASCII search ("Lukasz" → "Łukasz").
_SPECIAL_FOLDS = str.maketrans(
    {
        "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe",
        "þ": "th", "ð": "d", "ı": "i", "ħ": "h", "ŧ": "t",
    }
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for search and sorting."""
    lowered = text.casefold().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_control_characters(text: str) -> bool:
    """True for characters no practitioner types (tabs and newlines are fine)."""
    return bool(_CONTROL.search(text))


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d")
# Search calls parse_date on every keystroke; a failed strptime costs more
# than the search itself, so only date-shaped text is tried.
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def parse_date(text: str) -> date | None:
    """A calendar date as practitioners type it (ISO, 31.12.1980, 31/12/1980)."""
    text = text.strip()
    if not _DATE_SHAPE.match(text):
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def age_on(born: date, today: date) -> int:
    """Completed years of age on ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
