"""How the language in force writes texts, days, numbers and moments, and what a
translator has left to do in a catalogue."""

from __future__ import annotations

import contextvars
import gettext
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest

from mesolog.domain.translation import (
    DAY_FORMATS,
    LANGUAGES,
    _,
    compiled_catalogue,
    day_text,
    language,
    moment_text,
    month_text,
    ngettext,
    number,
    pgettext,
    speaking,
    spelled_day,
    translations,
    untranslated,
    use_language,
    window_untranslated,
)

DAY = date(2026, 11, 27)


@pytest.mark.parametrize(("code", "day", "moment", "month"), [
    ("en", "2026-11-27", "2026-11-27 14:05", "Nov 2026"),
    ("fr", "27/11/2026", "27/11/2026 14:05", "nov. 2026"),
    ("it", "27/11/2026", "27/11/2026 14:05", "nov 2026"),
])
def test_days_and_moments_as_each_language_writes_them(code, day, moment, month):
    with speaking(code):
        assert language() == code
        assert day_text(DAY) == day
        assert moment_text(datetime(2026, 11, 27, 14, 5, 59)) == moment
        assert month_text(DAY) == month


def test_days_spelled_for_a_patient():
    assert spelled_day(DAY) == "27 November 2026"
    assert spelled_day(DAY, weekday=True) == "Friday 27 November 2026"
    assert spelled_day(DAY, short=True) == "27 Nov 2026"
    with speaking("fr"):
        assert spelled_day(DAY, weekday=True) == "vendredi 27 novembre 2026"


@pytest.mark.parametrize(("args", "english", "french"), [
    ((1234.5,), "1,234", "1\u202f234"),                 # no decimals asked for: rounded
    ((1234.5, 1), "1,234.5", "1\u202f234,5"),
    ((0.05, 0, False, 2), "0.05", "0,05"),               # as many as needed, up to 2
    ((1.5, 0, False, 2), "1.5", "1,5"),
    ((2.0, 0, False, 2), "2", "2"),
    ((0.126, 0, False, 2), "0.13", "0,13"),
    ((1.0, 2), "1.00", "1,00"),                           # exactly two
    ((1.0, 1, False, 3), "1.0", "1,0"),                   # one kept, up to three
    ((1.2346, 1, False, 3), "1.235", "1,235"),
    ((21.0, 0, True), "+21", "+21"),
    ((-29.5, 1, True), "-29.5", "-29,5"),
])
def test_numbers_as_each_language_writes_them(args, english, french):
    assert number(*args) == english
    with speaking("fr"):
        assert number(*args) == french


def test_texts_in_the_language_in_force_and_english_as_written():
    assert _("Treatment") == "Treatment"
    assert ngettext("{count} point", "{count} points", 1) == "{count} point"
    assert ngettext("{count} point", "{count} points", 2) == "{count} points"
    assert ngettext("{count} point", "{count} points", 0) == "{count} points"
    assert pgettext("a column of the patient list", "Date of birth") == "Date of birth"
    with speaking("fr"):
        assert _("Treatment") == "Traitement"
        assert ngettext("{count} point", "{count} points", 2) == "{count} points"
        assert _("No such text in any catalogue") == "No such text in any catalogue"
    assert translations("en") is None
    with pytest.raises(LookupError, match="no catalogue for the language 'xx'"):
        translations("xx")


def test_what_a_window_catalogue_leaves_to_translate(tmp_path: Path):
    ts = tmp_path / "mesolog_xx.ts"
    assert window_untranslated(ts) == []  # not there yet
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<TS version="2.1" language="xx"><context><name>M</name>
<message><source>Done</source><translation>Fait</translation></message>
<message><source>Waiting</source><translation type="unfinished"></translation></message>
<message><source>Empty</source><translation></translation></message>
<message><source>Drafted</source><translation type="unfinished">Brouillon</translation></message>
<message><source>Gone</source><translation type="obsolete"></translation></message>
<message><source>Old</source><translation type="vanished"></translation></message>
<message numerus="yes"><source>%n page(s)</source><translation>
  <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation></message>
<message numerus="yes"><source>%n point(s)</source><translation>
  <numerusform></numerusform></translation></message>
<message><source>No translation element</source></message>
<message><translation></translation></message>
</context></TS>""", encoding="utf-8")
    # a draft is unfinished until the translator marks it done; what a later version
    # of the window no longer shows (obsolete, vanished) is nobody's work
    assert window_untranslated(ts) == ["Waiting", "Empty", "Drafted", "%n point(s)",
                                       "No translation element", ""]


def test_a_plural_in_the_language_in_force():
    with speaking("fr"):
        assert ngettext("at least {count} session", "at least {count} sessions",
                        1) == "au moins {count} séance"
        assert ngettext("at least {count} session", "at least {count} sessions",
                        0) == "au moins {count} séance"  # French counts 0 as one
        assert ngettext("at least {count} session", "at least {count} sessions",
                        2) == "au moins {count} séances"
        # a text no catalogue holds yet: English, in the form its number takes
        assert ngettext("{count} new thing", "{count} new things", 2) == "{count} new things"
        assert ngettext("{count} new thing", "{count} new things", 1) == "{count} new thing"


def test_the_windows_language_is_the_language_in_force_for_its_context():
    def in_french() -> tuple[str, str, str]:
        use_language("fr")
        return language(), _("Treatment"), day_text(DAY)

    assert contextvars.copy_context().run(in_french) == ("fr", "Traitement", "27/11/2026")
    assert (language(), _("Treatment")) == ("en", "Treatment")  # this context unchanged


def test_every_language_writes_its_days():
    assert set(DAY_FORMATS) == set(LANGUAGES)


@pytest.mark.parametrize(("code", "day", "month"), [
    # the calendar year, not the year of the week the day falls in
    ("en", date(2026, 12, 31), "Dec 2026"),
    ("fr", date(2024, 12, 30), "déc. 2024"),
])
def test_a_month_is_in_its_calendar_year(code, day, month):
    with speaking(code):
        assert month_text(day) == month


POT = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Done"
msgstr ""

msgid "Doubtful"
msgstr ""

msgid "Missing"
msgstr ""

msgid "{count} point"
msgid_plural "{count} points"
msgstr[0] ""
msgstr[1] ""

msgid "{count} lot"
msgid_plural "{count} lots"
msgstr[0] ""
msgstr[1] ""
"""

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: xx\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Done"
msgstr "Fait"

#, fuzzy
msgid "Doubtful"
msgstr "Douteux"

msgid "{count} point"
msgid_plural "{count} points"
msgstr[0] "{count} point"
msgstr[1] "{count} points"

msgid "{count} lot"
msgid_plural "{count} lots"
msgstr[0] "{count} lot"
msgstr[1] ""
"""


def test_what_a_language_leaves_to_translate(tmp_path: Path):
    (tmp_path / "mesolog.pot").write_text(POT, encoding="utf-8")
    messages = tmp_path / "xx" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "mesolog.po").write_text(PO, encoding="utf-8")
    (tmp_path / "mesolog_xx.ts").write_text(
        '<TS version="2.1" language="xx"><context><name>M</name><message>'
        '<source>Window text</source><translation type="unfinished"/></message>'
        '</context></TS>', encoding="utf-8")
    # a fuzzy translation is a guess to check, a plural with a form missing is not done
    assert untranslated("xx", tmp_path) == ["Doubtful", "Missing", "Window text",
                                            "{count} lot"]
    # a language begun in the window only: every text below it is left
    assert untranslated("yy", tmp_path) == ["Done", "Doubtful", "Missing", "{count} lot",
                                            "{count} point"]
    (tmp_path / "mesolog_en.ts").write_text(
        '<TS version="2.1" language="en"><context><name>M</name><message numerus="yes">'
        '<source>%n point(s)</source><translation type="unfinished"/></message>'
        '</context></TS>', encoding="utf-8")
    assert untranslated("en", tmp_path) == ["%n point(s)"]  # English: its plural forms only


def test_a_catalogue_without_its_plural_rule_takes_its_languages(tmp_path: Path):
    po = tmp_path / "mesolog.po"
    po.write_text('msgid "{count} lot"\nmsgid_plural "{count} lots"\n'
                  'msgstr[0] "{count} lot (un)"\nmsgstr[1] "{count} lots (millions)"\n'
                  'msgstr[2] "{count} lots (plusieurs)"\n',
                  encoding="utf-8")
    french = gettext.GNUTranslations(BytesIO(compiled_catalogue(po, "fr")))
    assert french.ngettext("{count} lot", "{count} lots", 0) == "{count} lot (un)"
    assert french.ngettext("{count} lot", "{count} lots", 2) == "{count} lots (plusieurs)"
    assert french.ngettext("{count} lot", "{count} lots", 10**6) == "{count} lots (millions)"
