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


def ngettext(singular: str, plural: str, n: int) -> str:
    found = _current.get()
    if found is None:
        return singular if n == 1 else plural
    return found.ngettext(singular, plural, n)


@cache
def translations(code: str) -> gettext.GNUTranslations | None:
    """The catalogue of language ``code`` (English: none, texts are written in it)."""
    if code == ENGLISH:
        return None
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = files("mesolog.resources") / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not source.is_file():
        raise LookupError(f"Mesolog has no catalogue for the language {code!r}")
    with source.open("rb") as po:
        catalogue = read_po(po, locale=code, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)  # gettext reads the compiled form; .po is the source
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language() -> str:
    """The code of the language in force."""
    found = _current.get()
    info = found.info() if isinstance(found, gettext.GNUTranslations) else {}
    return info.get("language", ENGLISH) or ENGLISH


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


def _catalogue(path: Traversable, code: str | None = None) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        return read_po(source, locale=code, domain=DOMAIN)


def untranslated(code: str) -> list[str]:
    """The texts of the catalogue template (``mesolog.pot``) that language ``code``'s
    catalogue does not translate yet: what a translator has left to do."""
    locale = files("mesolog.resources") / "locale"
    template = _catalogue(locale / f"{DOMAIN}.pot")
    po = locale / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    done = ({m.id: m.string for m in _catalogue(po, code) if m.id and not m.fuzzy}
            if po.is_file() else {})
    return sorted(str(m.id) for m in template if m.id and not done.get(m.id))
