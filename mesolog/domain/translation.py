"""The language texts made below the window are given in: labels of the records'
kinds, validation messages, report texts. One mechanism for all of them, the standard
library's gettext, with catalogues kept as .po files in resources/locale (extracted and
checked with Babel), so the language chosen for the window drives them too, and a
report can be printed in its patient's language.

The language in force is a context variable, not a module setting: ``speaking("fr")``
sets it for a block (a report for an Italian patient inside a French window) and
restores it after; work handed to a helper thread takes its caller's context with it
(ui/common/long_work.py).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from io import BytesIO
from typing import Any

DOMAIN = "mesolog"
ENGLISH = "en"
# The languages Mesolog is written in or being translated into, by their own names.
LANGUAGES = {"en": "English", "fr": "Français", "it": "Italiano", "es": "Español",
             "pt_BR": "Português (Brasil)"}

# None: English, the language the texts are written in
_current: ContextVar[gettext.NullTranslations | None] = ContextVar("mesolog_language",
                                                                    default=None)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogues where it is written (a table of labels);
    it is translated where it is shown, with ``_``."""
    return message


def _(message: str) -> str:
    """``message`` in the language in force (as written, when it has no translation)."""
    found = _current.get()
    return message if found is None else found.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` as said in ``context`` (a short column title where the same English
    words are a form's label), in the language in force."""
    found = _current.get()
    return message if found is None else found.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    found = _current.get()
    if found is None:
        return singular if n == 1 else plural
    return found.ngettext(singular, plural, n)


def _load_catalogue(code: str) -> gettext.GNUTranslations | None:
    """The catalogue of language ``code`` (English: none, texts are written in it)."""
    if code == ENGLISH:
        return None
    folder = files("mesolog.resources") / "locale" / code / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"  # .po is the source; its compiled form ships too
    if not compiled.is_file():
        raise LookupError(f"Mesolog has no catalogue for the language {code!r}")
    with compiled.open("rb") as mo:
        return gettext.GNUTranslations(mo)


# cached by assignment, not with a decorator: mutation testing leaves decorated
# functions as they are (tests/conftest.py empties the cache for each run of the tests)
translations = cache(_load_catalogue)


def compiled_catalogue(source: Traversable, code: str) -> bytes:
    """The .mo gettext reads, made from the .po ``source`` (mesolog translations
    --update writes it beside; a test keeps the two the same)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as po:
        catalogue = read_po(po, locale=code)  # its plural rule, where the .po has none
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    return compiled.getvalue()


# How a day is written in each language (strftime): English keeps the ISO order the
# records were always shown in; the others write the day first, as their clinics do.
DAY_FORMATS = {"en": "%Y-%m-%d", "fr": "%d/%m/%Y", "it": "%d/%m/%Y", "es": "%d/%m/%Y",
               "pt_BR": "%d/%m/%Y"}


def day_text(day: date) -> str:
    """``day`` as the language in force writes it (27/11/2026 in French)."""
    return day.strftime(DAY_FORMATS[language()])  # every language has its way (a test)


def _parse_locale(code: str) -> Any:
    from babel import Locale

    return Locale.parse(code)


_babel_locale = cache(_parse_locale)


def number(value: float, places: int = 0, signed: bool = False, up_to: int = 0) -> str:
    """``value`` as the language in force writes numbers, with ``places`` decimals (or
    as many as it needs, ``up_to``): 1,234.5 in English, 1 234,5 in French (the same
    digits are stored either way)."""
    from babel.numbers import format_decimal

    # (a pattern ending in its decimal point, "#,##0.", is one without decimals)
    pattern = "#,##0." + "0" * places + "#" * (up_to - places)
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return format_decimal(value, format=pattern, locale=_babel_locale(language()))


def spelled_day(day: date, weekday: bool = False, short: bool = False) -> str:
    """``day`` with its month in words, for a patient to read: "Friday 27 November 2026",
    "vendredi 27 novembre 2026" (``weekday``), "27 Nov 2026" (``short``)."""
    return _in_words(day, ("EEEE " if weekday else "") + ("d MMM y" if short else "d MMMM y"))


def month_text(day: date) -> str:
    """The month of ``day``, short, with its year: "Jul 2026", "juil. 2026"."""
    return _in_words(day, "MMM y")


def _in_words(day: date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=_babel_locale(language()))


def moment_text(moment: datetime) -> str:
    """A date and time as the language in force writes them (27/11/2026 14:05)."""
    return f"{day_text(moment.date())} {moment:%H:%M}"


def language() -> str:
    """The code of the language in force."""
    found = _current.get()
    info = found.info() if isinstance(found, gettext.GNUTranslations) else {}
    return info.get("language") or ENGLISH


def use_language(code: str) -> None:
    """Make ``code`` the language in force in this context (the window's, at start and
    when Preferences change it)."""
    _current.set(translations(code))


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """``code`` in force for the block, then what was before."""
    token = _current.set(translations(code))
    try:
        yield
    finally:
        _current.reset(token)


def _catalogue(path: Traversable) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        return read_po(source)


def _translated(message: Any) -> bool:
    """Whether a catalogue's message is done: not fuzzy, and every form of a plural
    written (a plural's forms are a tuple, which an empty one leaves true)."""
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(forms)


def untranslated(code: str, locale: Traversable | None = None) -> list[str]:
    """What language ``code`` leaves untranslated, of both catalogues: the texts made
    below the window (the template ``mesolog.pot`` against ``<code>/.../mesolog.po``)
    and the window's (``mesolog_<code>.ts``, Qt Linguist's file). What a translator has
    left to do. English is the texts' own language: only its window's plural forms
    ("1 point", "2 points") are a translator's. ``locale``: the catalogues' folder,
    Mesolog's own unless given."""
    locale = locale or files("mesolog.resources") / "locale"
    window = window_untranslated(locale / f"{DOMAIN}_{code}.ts")
    if code == ENGLISH:
        return window
    po = locale / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    done = {m.id for m in _catalogue(po) if m.id and _translated(m)} if po.is_file() else set()
    template = _catalogue(locale / f"{DOMAIN}.pot")
    # a plural's id is its two English forms; a translator knows it by the first
    left = {m.id[0] if isinstance(m.id, tuple) else m.id for m in template
            if m.id and m.id not in done}
    return sorted(left | set(window))


def window_untranslated(ts: Traversable) -> list[str]:
    """The window's texts a Qt Linguist catalogue leaves unfinished (none where there
    is no such catalogue: Mesolog does not speak that language)."""
    from xml.etree import ElementTree

    if not ts.is_file():
        return []
    with ts.open("rb") as source:
        root = ElementTree.parse(source).getroot()
    left = []
    for message in root.iter("message"):
        source_text = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None:
            left.append(source_text)
            continue
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        forms = [form.text for form in translation.iter("numerusform")]
        # (a plural's forms are inside it: its own text is the whitespace between them)
        if kind == "unfinished" or not ((translation.text or "").strip() or any(forms)):
            left.append(source_text)
    return left
