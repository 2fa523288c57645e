"""How the language in force writes texts, days, numbers and moments, and what a
translator has left to do in a catalogue."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mesolog.domain.translation import (
    _,
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
<message><source>Gone</source><translation type="obsolete">Parti</translation></message>
<message><source>Old</source><translation type="vanished">Vieux</translation></message>
<message numerus="yes"><source>%n page(s)</source><translation>
  <numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation></message>
<message numerus="yes"><source>%n point(s)</source><translation>
  <numerusform></numerusform></translation></message>
<message><source>No translation element</source></message>
</context></TS>""", encoding="utf-8")
    assert window_untranslated(ts) == ["Waiting", "Empty", "%n point(s)",
                                       "No translation element"]
