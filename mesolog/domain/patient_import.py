"""Patients from a spreadsheet: which column is which field, how its dates are written,
and each row made into the details the patient form would have stored, or the reasons
it cannot be (the form's own validation, field by field)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mesolog.domain.patient import (
    Diagnosis,
    PatientDetails,
    Sex,
    field_label,
    validate_patient,
)
from mesolog.domain.text import calendar_date, fold
from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError

# What a spreadsheet column can be; "no known allergies" is a tick with its day, asked
# at the desk, not a column.
IMPORTED_FIELDS = ("chart_no", "last_name", "first_name", "date_of_birth", "sex",
                   "diagnosis", "phone", "email", "address", "medical_conditions",
                   "medications", "allergies", "contraindications", "notes")

# Headers as clinics write them, in English and French, folded (no accents, lower case,
# words only): "Date de naissance" -> "date de naissance", "N° dossier" -> "n dossier".
HEADERS: dict[str, tuple[str, ...]] = {
    "chart_no": ("chart no", "chart number", "chart", "file no", "file number", "record no",
                 "patient id", "patient no", "patient number", "id", "n dossier",
                 "no dossier", "num dossier", "numero de dossier", "numero dossier",
                 "dossier", "numero patient", "n patient"),
    "last_name": ("last name", "surname", "family name", "lastname", "nom",
                  "nom de famille", "nom patient"),
    "first_name": ("first name", "given name", "forename", "firstname", "prenom",
                   "prenoms"),
    "date_of_birth": ("date of birth", "birth date", "birthdate", "dob", "born",
                      "date de naissance", "naissance", "ne le", "nee le", "ddn"),
    "sex": ("sex", "gender", "sexe", "genre"),
    "diagnosis": ("diagnosis", "diagnostic", "diagnostique"),
    "phone": ("phone", "telephone", "phone number", "tel", "mobile", "cell", "portable",
              "numero de telephone"),
    "email": ("email", "e mail", "mail", "email address", "courriel", "adresse email",
              "adresse e mail", "adresse mail"),
    "address": ("address", "postal address", "adresse", "adresse postale"),
    "medical_conditions": ("medical conditions", "medical history", "conditions",
                           "history", "antecedents", "antecedents medicaux"),
    "medications": ("medications", "current medications", "medication", "drugs",
                    "traitement", "traitements", "traitement en cours", "medicaments"),
    "allergies": ("allergies", "allergy", "allergie"),
    "contraindications": ("contraindications", "contra indications", "contre indications",
                          "contre indication"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "remarques",
              "commentaires", "commentaire", "observations"),
}
_BY_HEADER = {alias: name for name, aliases in HEADERS.items() for alias in aliases}


def header_key(header: str) -> str:
    """A header as HEADERS spells it: folded, words separated by one space."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(header)))


def guess_mapping(headers: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field, for the headers that name one (each field once: the
    first column that names it)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = _BY_HEADER.get(header_key(header))
        if name is not None and name not in mapping.values():
            mapping[index] = name
    return mapping


class DateOrder(StrEnum):
    DAY_FIRST = "dmy"  # 03/04/1984 is 3 April
    MONTH_FIRST = "mdy"  # 03/04/1984 is 4 March
    YEAR_FIRST = "ymd"

    @property
    def label(self) -> str:
        labels = {"dmy": N_("day/month/year"), "mdy": N_("month/day/year"),
                  "ymd": N_("year-month-day")}
        return _(labels[self.value])


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")


class AmbiguousDates(ValueError):
    """Every date of the column reads both ways (03/04/1984): a person must say."""


def date_order_of(values: list[str]) -> DateOrder:
    """How the dates of a column are written: the order no value contradicts.

    Day first with dots (27.03.1984) is how every country writing dots writes them. A
    column of slashes where no day is over 12 could be either: AmbiguousDates.
    """
    day_first = month_first = False
    for text in (v.strip() for v in values):
        match = _NUMERIC.match(text)
        if match is None:
            continue
        first, mark, second = int(match[1]), match[2], int(match[3])
        if mark == "." or first > 12:
            day_first = True
        elif second > 12:
            month_first = True
    if day_first and month_first:
        raise AmbiguousDates(_("the dates are written both day first and month first"))
    if day_first:
        return DateOrder.DAY_FIRST
    if month_first:
        return DateOrder.MONTH_FIRST
    if any(_NUMERIC.match(v.strip()) for v in values):
        raise AmbiguousDates(_("every date could be day first or month first "
                               "(like 03/04/1984)"))
    return DateOrder.YEAR_FIRST


def column_date_order(rows: tuple[tuple[str, ...], ...], mapping: dict[int, str]
                      ) -> DateOrder:
    """How the dates of birth are written, in the column ``mapping`` gives them (year
    first when no column does: nothing to read)."""
    born = next((index for index, name in mapping.items() if name == "date_of_birth"), None)
    return date_order_of([row[born] for row in rows] if born is not None else [])


def parse_imported_date(text: str, order: DateOrder) -> date | None:
    """``text`` as a date in ``order`` (ISO always reads); None if it is not one."""
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = match[1], match[2], match[3]
    elif match := _NUMERIC.match(text):
        first, second, year = match[1], match[3], match[4]
        day, month = (second, first) if order is DateOrder.MONTH_FIRST else (first, second)
    else:
        return None
    return calendar_date(year, month, day)


_SEXES = {"f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE, "w": Sex.FEMALE,
          "femme": Sex.FEMALE, "feminin": Sex.FEMALE, "m": Sex.MALE, "male": Sex.MALE,
          "man": Sex.MALE, "h": Sex.MALE, "homme": Sex.MALE, "masculin": Sex.MALE,
          "o": Sex.OTHER, "other": Sex.OTHER, "x": Sex.OTHER, "autre": Sex.OTHER,
          "non precise": Sex.OTHER, "not stated": Sex.OTHER}

# A diagnosis by its label, its value, or the words French charts use; "androgenetic
# alopecia" alone is the male or female form by the patient's sex.
_ANDROGENETIC = ("androgenetic alopecia", "aga", "alopecie androgenetique",
                 "alopecie androgenogenetique", "aag")
_DIAGNOSES = {
    **{header_key(d.label): d for d in Diagnosis},
    **{header_key(d.value): d for d in Diagnosis},
    **{header_key(d.short_label): d for d in Diagnosis},
    "effluvium telogene": Diagnosis.TELOGEN_EFFLUVIUM, "te": Diagnosis.TELOGEN_EFFLUVIUM,
    "pelade": Diagnosis.ALOPECIA_AREATA, "alopecie en aires": Diagnosis.ALOPECIA_AREATA,
    "alopecie cicatricielle": Diagnosis.SCARRING_ALOPECIA,
    "alopecie de traction": Diagnosis.TRACTION_ALOPECIA, "autre": Diagnosis.OTHER,
    "alopecie androgenetique feminine": Diagnosis.FEMALE_AGA,
    "alopecie androgenetique masculine": Diagnosis.MALE_AGA,
}


def sex_of(text: str) -> Sex | None:
    return _SEXES.get(header_key(text))


def diagnosis_of(text: str, sex: Sex | None) -> Diagnosis | None:
    key = header_key(text)
    if key in _ANDROGENETIC and sex in (Sex.FEMALE, Sex.MALE):
        return Diagnosis.FEMALE_AGA if sex is Sex.FEMALE else Diagnosis.MALE_AGA
    return _DIAGNOSES.get(key)


@dataclass(frozen=True)
class ImportedRow:
    line: int  # in the file
    details: PatientDetails
    errors: tuple[FieldError, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return not self.errors


def imported_row(line: int, cells: tuple[str, ...], mapping: dict[int, str],
                 order: DateOrder, today: date) -> ImportedRow:
    """The details of one row as the form would store them (normalised), and every
    reason it cannot be, each naming its field."""
    text = {name: cells[index].strip() for index, name in mapping.items()}
    errors: list[FieldError] = []
    values: dict[str, object] = {name: value for name, value in text.items()
                                 if name not in ("date_of_birth", "sex", "diagnosis")}
    if text.get("date_of_birth"):
        born = parse_imported_date(text["date_of_birth"], order)
        if born is None:
            errors.append(FieldError("date_of_birth", _(
                "Date of birth: “{text}” is not a date ({order}).").format(
                    text=text["date_of_birth"], order=order.label)))
        values["date_of_birth"] = born
    if text.get("sex"):
        values["sex"] = sex_of(text["sex"])
        if values["sex"] is None:
            errors.append(FieldError("sex", _(
                "Sex: “{text}” is not one of female, male, other (F, M, H, X…).").format(
                    text=text["sex"])))
    if text.get("diagnosis"):
        values["diagnosis"] = diagnosis_of(text["diagnosis"], values.get("sex"))
        if values["diagnosis"] is None:
            errors.append(FieldError("diagnosis", _(
                "Diagnosis: “{text}” is not one Mesolog knows.").format(
                    text=text["diagnosis"])))
    details = PatientDetails(**values).normalised()
    said = {error.field for error in errors}
    errors += [e for e in validate_patient(details, today) if e.field not in said]
    return ImportedRow(line, details, tuple(errors))


def unmapped_required(mapping: dict[int, str]) -> list[str]:
    """The fields the form requires that no column gives (every row would fail)."""
    required = ("chart_no", "last_name", "first_name", "date_of_birth", "sex", "diagnosis")
    return [field_label(name) for name in required if name not in mapping.values()]


def with_mapping(mapping: dict[int, str], changes: dict[int, str | None]) -> dict[int, str]:
    """``mapping`` with ``changes`` (None: the column is not imported); a field given to
    a column is taken from any other."""
    result = dict(mapping)
    for index, name in changes.items():
        if name is None:
            result.pop(index, None)
            continue
        result = {i: n for i, n in result.items() if n != name}
        result[index] = name
    return result
