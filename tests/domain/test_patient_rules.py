"""Every bound of a patient's chart at its limit and just past it, read from the
domain's own tables: each field's length, the birth date against today and the oldest
age, a phone's digits, chart numbers, what "No known allergies" may say."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

import pytest

from mesolog.domain.patient import (
    FIELD_LABELS,
    LENGTH_LIMITS,
    LONG_TEXT_MAX,
    MAX_AGE_YEARS,
    Diagnosis,
    PatientDetails,
    Sex,
    check_patient,
    field_label,
    validate_patient,
)
from tests.conftest import TODAY, details

TEXT_FIELDS = [f.name for f in fields(PatientDetails) if f.type == "str"]


def refused(patient: PatientDetails) -> dict[str, str]:
    """Each field in error and its first message."""
    errors: dict[str, str] = {}
    for error in validate_patient(patient, TODAY):
        errors.setdefault(error.field, error.message)
    return errors


def filled(name: str, length: int) -> str:
    """A value of ``length`` characters that ``name`` takes whatever its shape."""
    if name == "chart_no":
        return "P" * length
    if name == "email":
        return "a" * (length - len("@example.org")) + "@example.org"
    if name == "phone":
        return "+" + "1" * 14 + " " * (length - 15)
    if name == "language":
        return "fr" if length <= len("fr") else "f" * length
    return "x" * length


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_each_text_field_at_its_length_limit_and_one_past(name):
    limit = LENGTH_LIMITS.get(name, LONG_TEXT_MAX)
    if name != "language":  # a language is a code of the list, not a length
        assert name not in refused(details(**{name: filled(name, limit)}))
    too_long = refused(details(**{name: filled(name, limit + 1)}))
    assert too_long[name] == (f"{field_label(name)} is too long ({limit + 1} characters, "
                              f"at most {limit}).")


def test_the_length_limits():
    assert LENGTH_LIMITS == {"chart_no": 20, "last_name": 100, "first_name": 100,
                             "phone": 40, "email": 200, "address": 500, "language": 8}
    assert LONG_TEXT_MAX == 10_000
    assert set(TEXT_FIELDS) <= set(FIELD_LABELS)


@pytest.mark.parametrize(("born", "message"), [
    (TODAY, ""),  # born today
    (TODAY + timedelta(days=1), "Date of birth is in the future."),
    (date(TODAY.year - MAX_AGE_YEARS, TODAY.month, TODAY.day), ""),  # 120 today
    (date(TODAY.year - MAX_AGE_YEARS - 1, TODAY.month, TODAY.day),
     "Date of birth gives an age over 120 years."),
    (None, "Date of birth is required (e.g. 1984-03-27 or 27.03.1984)."),
])
def test_the_birth_date_between_today_and_the_oldest_age(born, message):
    errors = refused(details(date_of_birth=born))
    assert errors.get("date_of_birth", "") == message


@pytest.mark.parametrize(("phone", "taken"), [
    ("123456", True), ("12345", False),  # six digits at least
    ("+" + "1" * 15, True), ("+" + "1" * 16, False),  # fifteen at most
    ("(030) 12-34.56/7", True), ("030 1234 x56", False), ("30+123456", False),
])
def test_a_phone_has_six_to_fifteen_digits(phone, taken):
    assert ("phone" not in refused(details(phone=phone))) is taken
    if not taken:
        assert refused(details(phone=phone))["phone"] == (
            "Phone: 6 to 15 digits, optionally with +, spaces, ( ) - . /")


@pytest.mark.parametrize(("email", "taken"), [
    ("a@b.org", True), ("a@b.co.uk", True), ("a@b", False), ("a b@c.org", False),
    ("a@@c.org", False), ("@c.org", False), ("a@.org", False),
])
def test_an_email_has_its_shape(email, taken):
    assert ("email" not in refused(details(email=email))) is taken


@pytest.mark.parametrize(("chart_no", "taken"), [
    ("P", True), ("P" * 20, True), ("P-1", True), ("2024/118", True),
    ("-P1", False), ("P1-", False), ("P 1", False), ("P_1", False),
])
def test_chart_numbers_start_and_end_with_a_letter_or_digit(chart_no, taken):
    assert ("chart_no" not in refused(details(chart_no=chart_no))) is taken


def test_no_known_allergies_is_asked_today_at_the_latest_and_lists_none():
    asked = details(allergies="", no_known_allergies_on=TODAY)
    assert refused(asked) == {}
    assert asked.allergies_asked and asked.allergy_status == (
        f"No known allergies (asked on {TODAY:%Y-%m-%d})")
    later = date(TODAY.year + 1, 1, 1)
    assert refused(details(allergies="", no_known_allergies_on=later)) == {
        "allergies": "“No known allergies” cannot be asked in the future."}
    assert refused(details(allergies="Lidocaine", no_known_allergies_on=TODAY)) == {
        "allergies": "Allergies are listed and “No known allergies” is ticked: keep one of "
                     "the two."}
    never = details(allergies="  ")
    assert not never.allergies_asked
    assert never.allergy_status == "Allergies not asked yet"
    assert details().allergy_status == ""  # allergies listed


def test_the_choices_a_chart_must_make():
    assert refused(details(sex=None)) == {"sex": "Sex is required."}
    assert refused(details(diagnosis=None)) == {
        "diagnosis": "Diagnosis is required (choose Other if unsure)."}
    assert refused(details(language="xx")) == {
        "language": "Reports in: one of the languages listed, or the desk's."}
    assert refused(details(language="fr")) == {}
    for name in ("chart_no", "last_name", "first_name"):
        assert refused(details(**{name: ""})) == {
            name: f"{field_label(name)} is required."}


def test_a_name_is_one_line_and_a_note_may_be_several():
    assert refused(details(last_name="Öz\ntürk")) == {
        "last_name": "Last name contains characters that cannot be stored."}
    assert refused(details(notes="one\ntwo")) == {}


def test_a_chart_is_kept_trimmed_with_its_number_in_capitals():
    kept = check_patient(details(chart_no=" p-7 ", last_name=" Öztürk "), TODAY)
    assert (kept.chart_no, kept.last_name) == ("P-7", "Öztürk")
    assert kept.full_name == "Öztürk, Zeynep"
    assert PatientDetails(last_name="Öztürk").full_name == "Öztürk"
    assert PatientDetails(last_name="MAX", first_name="FELIX").full_name == "MAX, FELIX"
    assert [s.label for s in Sex] == ["Female", "Male", "Other / not stated"]
    assert Diagnosis.MALE_AGA.short_label == "Male AGA"
    assert Diagnosis.TELOGEN_EFFLUVIUM.short_label == "Telogen effluvium"


def test_a_field_refused_for_its_length_is_not_refused_again_for_its_shape():
    def messages(**changes) -> list[tuple[str, str]]:
        return [(e.field, e.message) for e in validate_patient(details(**changes), TODAY)]

    assert messages(chart_no="-" * 21) == [
        ("chart_no", "Chart number is too long (21 characters, at most 20).")]
    assert messages(email="@" * 201) == [
        ("email", "E-mail is too long (201 characters, at most 200).")]
    assert messages(phone="x" * 41) == [
        ("phone", "Phone is too long (41 characters, at most 40).")]
    assert messages(chart_no="-P1") == [
        ("chart_no", "Chart number: use letters, digits and - / . only, starting and ending "
                     "with a letter or digit (e.g. P-00123).")]


def test_a_patients_age_on_a_day():
    from datetime import datetime

    from mesolog.domain.patient import Patient

    stored = Patient(1, 1, details(date_of_birth=date(1984, 3, 27)), False,
                     datetime(2026, 1, 1), datetime(2026, 1, 1))
    assert stored.age(date(2026, 3, 26)) == 41 and stored.age(date(2026, 3, 27)) == 42
    unknown = Patient(2, 1, details(date_of_birth=None), False, datetime(2026, 1, 1),
                      datetime(2026, 1, 1))
    assert unknown.age(TODAY) is None
