"""The patient: what a chart holds and which values are acceptable."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import StrEnum

from mesolog.domain.text import age_on, has_control_characters
from mesolog.domain.translation import LANGUAGES, N_, _, day_text
from mesolog.domain.validation import FieldError, ValidationError


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"

    @property
    def label(self) -> str:
        labels = {"female": N_("Female"), "male": N_("Male"),
                  "other": N_("Other / not stated")}
        return _(labels[self.value])


class Diagnosis(StrEnum):
    MALE_AGA = "male_aga"
    FEMALE_AGA = "female_aga"
    TELOGEN_EFFLUVIUM = "telogen_effluvium"
    ALOPECIA_AREATA = "alopecia_areata"
    SCARRING_ALOPECIA = "scarring_alopecia"
    TRACTION_ALOPECIA = "traction_alopecia"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_DIAGNOSIS_LABELS[self])

    @property
    def short_label(self) -> str:
        """For narrow columns: the abbreviation clinicians write on charts."""
        short = {"male_aga": N_("Male AGA"), "female_aga": N_("Female AGA")}.get(self.value)
        return _(short) if short else self.label


_DIAGNOSIS_LABELS = {
    Diagnosis.MALE_AGA: N_("Male androgenetic alopecia"),
    Diagnosis.FEMALE_AGA: N_("Female androgenetic alopecia"),
    Diagnosis.TELOGEN_EFFLUVIUM: N_("Telogen effluvium"),
    Diagnosis.ALOPECIA_AREATA: N_("Alopecia areata"),
    Diagnosis.SCARRING_ALOPECIA: N_("Scarring alopecia"),
    Diagnosis.TRACTION_ALOPECIA: N_("Traction alopecia"),
    Diagnosis.OTHER: N_("Other"),
}

MAX_AGE_YEARS = 120
NAME_MAX = 100
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 10_000

# Clinics number charts their own way ("P-00123", "2024/118", "HX7731"); we
# accept that family and refuse anything that would not survive a printout.
CHART_NO_PATTERN = re.compile(r"^[A-Z0-9](?:[A-Z0-9/.-]{0,18}[A-Z0-9])?$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()./-]+$")


@dataclass(frozen=True)
class PatientDetails:
    """Everything a practitioner types about a patient."""

    chart_no: str = ""
    last_name: str = ""
    first_name: str = ""
    date_of_birth: date | None = None
    sex: Sex | None = None
    diagnosis: Diagnosis | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    medical_conditions: str = ""
    medications: str = ""
    allergies: str = ""
    # the day the patient said they have no allergies: an empty field alone cannot
    # tell "none" from "never asked"
    no_known_allergies_on: date | None = None
    contraindications: str = ""
    notes: str = ""
    # the language the patient's reports and consent forms are printed in (a code of
    # translation.LANGUAGES); empty: the language of the desk that prints them
    language: str = ""

    def normalised(self) -> PatientDetails:
        """Trim what the keyboard adds; chart numbers are kept in capitals."""
        changes = {
            f.name: getattr(self, f.name).strip()
            for f in fields(self)
            if type(getattr(self, f.name)) is str
        }
        changes["chart_no"] = changes["chart_no"].upper()
        return replace(self, **changes)

    @property
    def allergies_asked(self) -> bool:
        """Whether the chart answers the question: allergies listed, or none known."""
        return bool(self.allergies.strip()) or self.no_known_allergies_on is not None

    @property
    def allergy_status(self) -> str:
        """What the chart says about allergies, in one line ("" when some are listed)."""
        if not self.allergies_asked:
            return _("Allergies not asked yet")
        if self.no_known_allergies_on is not None:
            return _("No known allergies (asked on {day})").format(
                day=day_text(self.no_known_allergies_on))
        return ""

    @property
    def full_name(self) -> str:
        return f"{self.last_name}, {self.first_name}".strip(", ")


FIELD_LABELS: dict[str, str] = {
    "chart_no": N_("Chart number"),
    "last_name": N_("Last name"),
    "first_name": N_("First name"),
    "date_of_birth": N_("Date of birth"),
    "sex": N_("Sex"),
    "diagnosis": N_("Diagnosis"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "address": N_("Address"),
    "medical_conditions": N_("Medical conditions"),
    "medications": N_("Current medications"),
    "allergies": N_("Allergies"),
    "no_known_allergies_on": N_("No known allergies"),
    "contraindications": N_("Contraindications"),
    "notes": N_("Notes"),
    "language": N_("Reports in"),
}

def field_label(name: str) -> str:
    """The name of a patient's field, in the language in force."""
    return _(FIELD_LABELS[name])


LENGTH_LIMITS = {  # the rest: LONG_TEXT_MAX
    "chart_no": 20,
    "last_name": NAME_MAX,
    "first_name": NAME_MAX,
    "phone": 40,
    "email": SHORT_TEXT_MAX,
    "address": 500,
    "language": 8,
}
_MULTILINE = {"address", "medical_conditions", "medications", "allergies",
              "contraindications", "notes"}


def validate_patient(details: PatientDetails, today: date) -> list[FieldError]:
    """Every problem with ``details``, each naming its field; empty when fine."""
    errors: list[FieldError] = []

    def error(field: str, message: str) -> None:
        errors.append(FieldError(field, message))

    for f in fields(details):
        value = getattr(details, f.name)
        if not isinstance(value, str):
            continue
        label = field_label(f.name)
        limit = LENGTH_LIMITS.get(f.name, LONG_TEXT_MAX)
        if len(value) > limit:
            error(f.name, _("{field} is too long ({length} characters, at most {limit}).")
                  .format(field=label, length=len(value), limit=limit))
        elif has_control_characters(value) or (f.name not in _MULTILINE and "\n" in value):
            error(f.name, _("{field} contains characters that cannot be stored.")
                  .format(field=label))

    bad = {e.field for e in errors}
    for name in ("chart_no", "last_name", "first_name"):
        if name not in bad and not getattr(details, name):
            error(name, _("{field} is required.").format(field=field_label(name)))

    if details.chart_no and "chart_no" not in bad and not CHART_NO_PATTERN.match(details.chart_no):
        error("chart_no", _("Chart number: use letters, digits and - / . only, starting "
                            "and ending with a letter or digit (e.g. P-00123)."))

    born = details.date_of_birth
    if born is None:
        error("date_of_birth", _("Date of birth is required (e.g. 1984-03-27 or "
                                 "27.03.1984)."))
    elif born > today:
        error("date_of_birth", _("Date of birth is in the future."))
    elif age_on(born, today) > MAX_AGE_YEARS:
        error("date_of_birth", _("Date of birth gives an age over {years} years.")
              .format(years=MAX_AGE_YEARS))

    asked = details.no_known_allergies_on
    if asked is not None:
        if details.allergies.strip():
            error("allergies", _("Allergies are listed and “No known allergies” is "
                                 "ticked: keep one of the two."))
        elif asked > today:
            error("allergies", _("“No known allergies” cannot be asked in the future."))

    if details.sex is None:
        error("sex", _("Sex is required."))
    if details.diagnosis is None:
        error("diagnosis", _("Diagnosis is required (choose Other if unsure)."))

    if details.email and "email" not in bad and not EMAIL_PATTERN.match(details.email):
        error("email", _("E-mail should look like name@example.org."))
    if details.phone and "phone" not in bad:
        digits = sum(c.isdigit() for c in details.phone)
        if not PHONE_PATTERN.match(details.phone) or not 6 <= digits <= 15:
            error("phone", _("Phone: 6 to 15 digits, optionally with +, spaces, ( ) - . /"))
    if details.language and details.language not in LANGUAGES:
        error("language", _("Reports in: one of the languages listed, or the desk's."))
    return errors


def check_patient(details: PatientDetails, today: date) -> PatientDetails:
    """The normalised details, or ValidationError naming every bad field."""
    normal = details.normalised()
    errors = validate_patient(normal, today)
    if errors:
        raise ValidationError(errors)
    return normal


@dataclass(frozen=True)
class Patient:
    """A stored patient as read back: details plus bookkeeping."""

    id: int
    version: int
    details: PatientDetails
    archived: bool
    created_at: datetime
    updated_at: datetime

    def age(self, today: date) -> int | None:
        born = self.details.date_of_birth
        return age_on(born, today) if born else None


@dataclass(frozen=True)
class PatientRow:
    """One line of the patient list: only what the list shows."""

    id: int
    chart_no: str
    last_name: str
    first_name: str
    date_of_birth: date | None
    diagnosis: Diagnosis | None
    archived: bool
    has_alerts: bool
