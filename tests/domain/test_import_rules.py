"""Patients from a spreadsheet: which column is which field, how its dates are written,
each row read as the chart form would store it and every reason it cannot be."""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.patient_import import (
    AmbiguousDates,
    DateOrder,
    column_date_order,
    date_order_of,
    diagnosis_of,
    guess_mapping,
    header_key,
    imported_row,
    parse_imported_date,
    sex_of,
    unmapped_required,
    with_mapping,
)

TODAY = date(2026, 11, 25)


def test_headers_as_clinics_write_them():
    assert header_key("  N° Dossier ") == "n dossier"
    assert header_key("Date de naissance") == "date de naissance"
    assert guess_mapping(("N° dossier", "Nom", "Prénom", "DDN", "Sexe", "Chart", "Remarks",
                          "Unknown")) == {0: "chart_no", 1: "last_name", 2: "first_name",
                                          3: "date_of_birth", 4: "sex", 6: "notes"}


@pytest.mark.parametrize(("values", "order"), [
    (["27.03.1984"], DateOrder.DAY_FIRST),           # dots: day first
    (["03.04.1984"], DateOrder.DAY_FIRST),           # even where either could be
    (["", "n/a", "27/03/1984"], DateOrder.DAY_FIRST),  # a date left blank or unknown
    (["03/04/1984", "27/03/1984"], DateOrder.DAY_FIRST),
    (["03/04/1984", "03/27/1984"], DateOrder.MONTH_FIRST),
    (["12/12/1984", "13/01/1984"], DateOrder.DAY_FIRST),  # 13 is past any month
    (["12/12/1984", "01/13/1984"], DateOrder.MONTH_FIRST),
    (["1984-03-27", ""], DateOrder.YEAR_FIRST),
    ([], DateOrder.YEAR_FIRST),
    (["27-03-1984 10:30"], DateOrder.DAY_FIRST),
])
def test_how_a_columns_dates_are_written(values, order):
    assert date_order_of(values) is order


@pytest.mark.parametrize(("values", "message"), [
    (["03/04/1984", "12/12/1990"], "every date could be day first or month first "
                                   "(like 03/04/1984)"),
    (["27/03/1984", "03/27/1984"], "the dates are written both day first and month first"),
])
def test_a_column_that_cannot_tell_its_order(values, message):
    with pytest.raises(AmbiguousDates) as caught:
        date_order_of(values)
    assert str(caught.value) == message


def test_the_order_of_the_birth_date_column():
    rows = (("P-1", "27/03/1984"), ("P-2", "01/02/1990"))
    assert column_date_order(rows, {0: "chart_no", 1: "date_of_birth"}) is DateOrder.DAY_FIRST
    assert column_date_order(rows, {0: "chart_no"}) is DateOrder.YEAR_FIRST


@pytest.mark.parametrize(("text", "order", "day"), [
    ("03/04/1984", DateOrder.DAY_FIRST, date(1984, 4, 3)),
    ("03/04/1984", DateOrder.MONTH_FIRST, date(1984, 3, 4)),
    ("1984-04-03", DateOrder.MONTH_FIRST, date(1984, 4, 3)),  # ISO always reads
    ("1984.4.3 09:15:00", DateOrder.DAY_FIRST, date(1984, 4, 3)),
    (" 3-4-1984 ", DateOrder.DAY_FIRST, date(1984, 4, 3)),
    ("3/4-1984", DateOrder.DAY_FIRST, None),  # marks that differ
    ("31/02/1984", DateOrder.DAY_FIRST, None),
    ("March 1984", DateOrder.DAY_FIRST, None),
])
def test_a_date_as_its_column_writes_it(text, order, day):
    assert parse_imported_date(text, order) == day


@pytest.mark.parametrize(("text", "sex"), [
    ("F", Sex.FEMALE), ("Femme", Sex.FEMALE), ("féminin", Sex.FEMALE), ("H", Sex.MALE),
    ("Male", Sex.MALE), ("x", Sex.OTHER), ("Non précisé", Sex.OTHER), ("?", None),
])
def test_sex_as_charts_write_it(text, sex):
    assert sex_of(text) is sex


@pytest.mark.parametrize(("text", "sex", "diagnosis"), [
    ("AGA", Sex.FEMALE, Diagnosis.FEMALE_AGA), ("aga", Sex.MALE, Diagnosis.MALE_AGA),
    ("Alopécie androgénétique", Sex.OTHER, None),  # which form: not said
    ("Female AGA", Sex.MALE, Diagnosis.FEMALE_AGA),  # as written, whatever the sex
    ("Pelade", None, Diagnosis.ALOPECIA_AREATA), ("TE", None, Diagnosis.TELOGEN_EFFLUVIUM),
    ("telogen_effluvium", None, Diagnosis.TELOGEN_EFFLUVIUM),
    ("Scarring alopecia", None, Diagnosis.SCARRING_ALOPECIA), ("flu", None, None),
])
def test_a_diagnosis_as_charts_write_it(text, sex, diagnosis):
    assert diagnosis_of(text, sex) is diagnosis


MAPPING = {0: "chart_no", 1: "last_name", 2: "first_name", 3: "date_of_birth", 4: "sex",
           5: "diagnosis"}


def test_a_row_read_as_the_form_stores_it():
    row = imported_row(7, (" p-7 ", "Dupré", "Hélène", "27/03/1984", "F", "AGA"), MAPPING,
                       DateOrder.DAY_FIRST, TODAY)
    assert row.valid and row.line == 7
    d = row.details
    assert (d.chart_no, d.date_of_birth, d.sex, d.diagnosis) == (
        "P-7", date(1984, 3, 27), Sex.FEMALE, Diagnosis.FEMALE_AGA)


def test_every_reason_a_row_cannot_be_stored_once_each():
    row = imported_row(9, ("P-9", "", "Ana", "31/02/1984", "?", "flu"), MAPPING,
                       DateOrder.DAY_FIRST, TODAY)
    assert not row.valid
    assert [(e.field, e.message) for e in row.errors] == [
        ("date_of_birth", "Date of birth: “31/02/1984” is not a date (day/month/year)."),
        ("sex", "Sex: “?” is not one of female, male, other (F, M, H, X…)."),
        ("diagnosis", "Diagnosis: “flu” is not one Mesolog knows."),
        ("last_name", "Last name is required."),
    ]
    empty = imported_row(10, ("P-10", "Roy", "Ana", "", "", ""), MAPPING,
                         DateOrder.DAY_FIRST, TODAY)
    assert [e.field for e in empty.errors] == ["date_of_birth", "sex", "diagnosis"]


def test_the_fields_no_column_gives_and_changing_the_mapping():
    assert unmapped_required({0: "chart_no", 1: "last_name"}) == [
        "First name", "Date of birth", "Sex", "Diagnosis"]
    assert unmapped_required(MAPPING) == []
    mapping = {0: "chart_no", 1: "last_name"}
    assert with_mapping(mapping, {2: "last_name"}) == {0: "chart_no", 2: "last_name"}
    assert with_mapping(mapping, {0: None}) == {1: "last_name"}
    assert with_mapping(mapping, {5: None}) == mapping
    assert with_mapping(mapping, {0: None, 1: "first_name"}) == {1: "first_name"}
    assert [o.label for o in DateOrder] == ["day/month/year", "month/day/year",
                                           "year-month-day"]
