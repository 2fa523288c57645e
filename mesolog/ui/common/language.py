"""The window's language: Qt's translators for what the window shows, gettext's
catalogue for the texts made below it (domain/translation.py), and the formats of
dates and numbers, all set by one choice (Preferences; the system's by default).

Window texts are marked with ``tr`` (a text shown now) or ``QT_TR_NOOP`` (a text kept
in a table and shown later through ``tr``); ``pyside6-lupdate`` finds both and writes
them to ``resources/locale/mesolog_<language>.ts`` (``mesolog translations --update``,
README), which a translator edits in Qt Linguist. All of them share one context, the
empty one: a text says the same wherever the window shows it, and Linguist shows the
file and line of each use.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mesolog.domain.translation import (
    DAY_FORMATS,
    ENGLISH,
    LANGUAGES,
    day_text,
    language,
    number,
    speaking,
    use_language,
)
from mesolog.ui.common import settings as opt
from mesolog.ui.common.settings import Settings

CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; ``n`` picks a plural form where the text has
    ``%n`` in it."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks ``text`` for the catalogue where it is written; ``tr`` shows it."""
    return text


def system_language() -> str:
    """The first of the system's languages Mesolog speaks (English if none)."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        if code in LANGUAGES:
            return code
        if code.split("_")[0] in LANGUAGES:
            return code.split("_")[0]
    return ENGLISH


def chosen_language(settings: Settings) -> str:
    """The language chosen in Preferences, or the system's."""
    chosen = settings.get(opt.LANGUAGE)
    return chosen if chosen in LANGUAGES else system_language()


def locale_of(code: str) -> QLocale:
    """The formats of dates and numbers that go with language ``code``: the system's
    where it speaks that language (French in Belgium keeps Belgium's), else the
    language's own country's (French: France's; Portuguese (Brazil): Brazil's)."""
    system = QLocale.system()
    wanted = QLocale(code)
    if system.language() == wanted.language() or (
            code == ENGLISH and system.language() == QLocale.Language.C):
        return system
    return wanted


def speak(code: str) -> None:
    """Make ``code`` the language of the window and of what is made below it: Qt's
    translators replaced, gettext's catalogue chosen, formats set. Windows built
    afterwards show it; the main window rebuilds what it shows (MainWindow.speak)."""
    if code not in LANGUAGES:
        code = ENGLISH
    app = QCoreApplication.instance()
    for old in app.findChildren(QTranslator, "mesolog language"):
        app.removeTranslator(old)
        old.deleteLater()
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English's catalogue holds only the plural forms ("%Ln point(s)": 1 point, 2 points)
    names = [(f"mesolog_{code}", None)] + ([(f"qtbase_{code}", qt_own)]
                                           if code != ENGLISH else [])
    for name, folder in names:
        translator = QTranslator(app)
        translator.setObjectName("mesolog language")
        if _load(translator, name, folder):
            app.installTranslator(translator)
    use_language(code)
    QLocale.setDefault(locale_of(code))


def _load(translator: QTranslator, name: str, folder: str | None) -> bool:
    if folder is not None:
        return translator.load(name, folder)
    with as_file(files("mesolog.resources") / "locale" / f"{name}.qm") as path:
        return path.is_file() and translator.load(str(path))


def day_pattern() -> str:
    """The display format of Qt's date fields for the language in force (dd/MM/yyyy in
    French), from the one rule of how a day is written (DAY_FORMATS)."""
    written = DAY_FORMATS.get(language(), DAY_FORMATS[ENGLISH])
    return written.replace("%d", "dd").replace("%m", "MM").replace("%Y", "yyyy")


def format_sample(code: str) -> str:
    """A day and two numbers as language ``code`` shows them (in Preferences)."""
    with speaking(code):  # the same rules as every text the language writes
        return f"{day_text(date(2026, 11, 27))} · {number(1234.5, 1)} · {number(0.05, 2)} ml"
