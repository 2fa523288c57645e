"""Text rules shared by search, sorting and validation."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Letters that Unicode does not decompose into base letter + accent, so NFKD
# alone would leave them unmatched by a plain-ASCII search ("Lukasz" → "Łukasz").
_SPECIAL_FOLDS = str.maketrans(
    {
        "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe",
        "þ": "th", "ð": "d", "ı": "i", "ħ": "h", "ŧ": "t",
    }
)

# Control characters other than tab and line breaks, and what cannot be stored or
# printed at all: a lone half of a surrogate pair (pasted from a broken document),
# and the two non-characters at the end of the basic plane.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for search and sorting."""
    lowered = text.casefold().translate(_SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_control_characters(text: str) -> bool:
    """True for characters no practitioner types, or that cannot be stored (tabs and
    newlines are fine)."""
    return bool(_CONTROL.search(text))


# Year first with - or /, or day first with . or / (27.03.1984, 27/03/1984).
# Matched by hand rather than strptime: search reads every keystroke as a
# possible date, and strptime costs more than the search itself.
_YEAR_FIRST = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_date(text: str) -> date | None:
    """A calendar date as practitioners type it (ISO, 31.12.1980, 31/12/1980)."""
    text = text.strip()
    if match := _YEAR_FIRST.match(text):
        year, month, day = match.groups()
    elif match := _DAY_FIRST.match(text):
        day, month, year = match.groups()
    else:
        return None
    return calendar_date(year, month, day)


def calendar_date(year: str, month: str, day: str) -> date | None:
    """The day these digits name; None if the calendar has no such day (31/02)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def age_on(born: date, today: date) -> int:
    """Completed years of age on ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))



def sentence(text: str) -> str:
    """``text`` begun with a capital, the rest as written: ``str.capitalize`` lowers the
    rest, a product's or protocol's name, "GTIN", a needle's gauge in G (grams in g)."""
    return text[:1].upper() + text[1:]
