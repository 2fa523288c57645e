"""Text rules shared by search, sorting and validation: folding, what cannot be stored,
dates as practitioners type them, completed years; and how field errors read."""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.domain.text import (
    age_on,
    calendar_date,
    fold,
    has_control_characters,
    parse_date,
    sentence,
)
from mesolog.domain.validation import FieldError, ValidationError, problems_of


@pytest.mark.parametrize(("typed", "folded"), [
    ("Łukasz", "lukasz"), ("Đorđević", "dordevic"), ("Søren", "soren"), ("Straße", "strasse"),
    ("Æsir", "aesir"), ("Œuvre", "oeuvre"), ("Þór", "thor"), ("Ðan", "dan"),
    ("Işık", "isik"), ("Ħal", "hal"), ("Ŧest", "test"), ("Zoë Ñúñez", "zoe nunez"),
    ("ﬁle", "file"),  # a ligature decomposes (NFKD)
])
def test_folding_removes_case_accents_and_special_letters(typed, folded):
    assert fold(typed) == folded


@pytest.mark.parametrize(("text", "refused"), [
    ("tab\there", False), ("line\nbreak", False), ("cr\rlf", False),
    ("\x00", True), ("\x08", True), ("\x0b", True), ("\x0c", True), ("\x0e", True),
    ("\x1f", True), ("\x7f", True), (" ", False), ("~", False),
    ("\ud800", True), ("\udfff", True), ("\ufffe", True), ("\uffff", True),
    ("\ufffd", False), ("😀", False),
])
def test_what_cannot_be_stored(text, refused):
    assert has_control_characters(f"a{text}b") is refused


@pytest.mark.parametrize(("typed", "day"), [
    ("1984-03-27", date(1984, 3, 27)), ("1984/3/7", date(1984, 3, 7)),
    ("27.03.1984", date(1984, 3, 27)), ("7/3/1984", date(1984, 3, 7)),
    (" 27.03.1984 ", date(1984, 3, 27)),
    ("31.02.1984", None), ("1984-13-01", None), ("84-03-27", None), ("27-03-1984", None),
    ("1984.03.27", None), ("27.03.84", None), ("", None), ("soon", None),
])
def test_dates_as_practitioners_type_them(typed, day):
    assert parse_date(typed) == day


def test_a_calendar_date_or_none():
    assert calendar_date("2028", "2", "29") == date(2028, 2, 29)
    assert calendar_date("2026", "2", "29") is None


@pytest.mark.parametrize(("born", "today", "age"), [
    (date(1984, 3, 27), date(2026, 3, 26), 41),  # the day before the birthday
    (date(1984, 3, 27), date(2026, 3, 27), 42),  # the birthday
    (date(1984, 3, 27), date(2026, 4, 1), 42),
    (date(1984, 3, 27), date(2026, 2, 28), 41),  # an earlier month, a later day
    (date(2000, 2, 29), date(2026, 2, 28), 25),  # born on 29 February
    (date(2000, 2, 29), date(2026, 3, 1), 26),
    (date(2026, 1, 1), date(2026, 1, 1), 0),
])
def test_age_counts_completed_years(born, today, age):
    assert age_on(born, today) == age


def test_field_errors_name_their_field():
    errors = [FieldError("phone", "Too short."), FieldError("email", "No @.")]
    caught = ValidationError(errors)
    assert str(caught) == "phone: Too short.; email: No @."
    assert caught.for_field("email") == "No @." and caught.for_field("notes") is None

    def check(value: int) -> None:
        if value < 0:
            raise ValidationError(errors[:1])
    assert problems_of(check, -1) == errors[:1]
    assert problems_of(check, 1) == []


@pytest.mark.parametrize(("text", "said"), [
    ("needle 32 G; injected at 1.5 mm.", "Needle 32 G; injected at 1.5 mm."),
    ("given Dutasteride; protocol “DUT-6”", "Given Dutasteride; protocol “DUT-6”"),
    ("énorme", "Énorme"),
    ("", ""),
])
def test_a_sentence_begins_with_a_capital_and_keeps_the_rest(text, said):
    assert sentence(text) == said
