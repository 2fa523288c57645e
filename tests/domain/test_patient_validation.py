from datetime import date

import pytest

from mesolog.domain.patient import PatientDetails, check_patient, validate_patient
from mesolog.domain.text import age_on, fold, parse_date
from mesolog.domain.validation import ValidationError
from tests.conftest import TODAY, details


def fields_in_error(d: PatientDetails) -> dict[str, str]:
    return {e.field: e.message for e in validate_patient(d.normalised(), TODAY)}


def test_a_complete_patient_is_valid():
    assert fields_in_error(details()) == {}


def test_required_fields_are_named():
    errors = fields_in_error(PatientDetails())
    assert set(errors) == {"chart_no", "last_name", "first_name", "date_of_birth", "sex",
                           "diagnosis"}
    assert errors["last_name"] == "Last name is required."


def test_birth_in_the_future_is_refused():
    errors = fields_in_error(details(date_of_birth=date(2027, 1, 1)))
    assert errors == {"date_of_birth": "Date of birth is in the future."}


def test_age_over_120_is_refused_but_120_is_fine():
    assert "date_of_birth" in fields_in_error(details(date_of_birth=date(1905, 11, 24)))
    assert fields_in_error(details(date_of_birth=date(1906, 11, 25))) == {}


@pytest.mark.parametrize("chart_no", ["P-00123", "2024/118", "hx7731", "A"])
def test_chart_numbers_of_real_clinics_pass(chart_no):
    assert "chart_no" not in fields_in_error(details(chart_no=chart_no))


@pytest.mark.parametrize("chart_no", ["P 123", "-P1", "P1-", "Ä123", "P" * 21, "P;DROP"])
def test_odd_chart_numbers_are_refused(chart_no):
    assert "chart_no" in fields_in_error(details(chart_no=chart_no))


def test_chart_numbers_are_kept_in_capitals():
    assert check_patient(details(chart_no=" p-7 "), TODAY).chart_no == "P-7"


@pytest.mark.parametrize(("field", "value"), [
    ("email", "zeynep@"), ("email", "no at sign"), ("email", "a@b"),
    ("phone", "12345"), ("phone", "call me"), ("phone", "+1 234 567 890 123 456 7"),
])
def test_contact_shapes(field, value):
    assert field in fields_in_error(details(**{field: value}))


def test_control_characters_and_huge_text_are_refused_with_the_field_named():
    errors = fields_in_error(details(first_name="Zey\x00nep", notes="x" * 10_001))
    assert "first_name" in errors and "cannot be stored" in errors["first_name"]
    assert "notes" in errors and "too long" in errors["notes"]


def test_newlines_belong_in_multiline_fields_only():
    assert fields_in_error(details(allergies="Latex\nNickel")) == {}
    assert "last_name" in fields_in_error(details(last_name="Ozt\nurk"))


def test_check_patient_raises_with_every_field():
    with pytest.raises(ValidationError) as caught:
        check_patient(details(last_name="", email="x"), TODAY)
    assert caught.value.for_field("last_name") == "Last name is required."
    assert caught.value.for_field("email")


@pytest.mark.parametrize(("typed", "folded"), [
    ("Öztürk", "ozturk"), ("Łukasz", "lukasz"), ("Jørgensen", "jorgensen"),
    ("Schäfer", "schafer"), ("Straße", "strasse"), ("Nguyễn", "nguyen"), ("DVOŘÁK", "dvorak"),
])
def test_fold_removes_case_and_accents(typed, folded):
    assert fold(typed) == folded


@pytest.mark.parametrize("typed", ["1984-03-27", "27.03.1984", "27/03/1984", " 1984/03/27 "])
def test_dates_as_practitioners_type_them(typed):
    assert parse_date(typed) == date(1984, 3, 27)


@pytest.mark.parametrize("typed", ["31.02.1980", "1984", "yesterday", ""])
def test_non_dates(typed):
    assert parse_date(typed) is None


def test_age_counts_completed_years():
    assert age_on(date(1984, 3, 27), date(2026, 3, 26)) == 41
    assert age_on(date(1984, 3, 27), date(2026, 3, 27)) == 42


@pytest.mark.parametrize("typed", ["1984-3-7", "7.3.1984", "07/03/1984"])
def test_dates_without_leading_zeros(typed):
    assert parse_date(typed) == date(1984, 3, 7)
