"""A list as the desk sees it (the patient list of a search, due and overdue, open side
effects, who received a lot), written as CSV for a spreadsheet.

A cell a spreadsheet would run as a formula (=, +, -, @ first, or a tab or carriage
return) is written with an apostrophe before it: a name or a note typed as
"=HYPERLINK(…)" stays text in the clinic's spreadsheet (OWASP's CSV injection rule).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from mesolog.domain.patient import PatientRow
from mesolog.domain.text import age_on
from mesolog.domain.translation import N_, _, day_text, pgettext

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

PATIENT_LIST_COLUMNS = (N_("Chart no."), N_("Name"), N_("Date of birth"), N_("Age"),
                        N_("Diagnosis"))


def patient_list_headers() -> tuple[str, ...]:
    """The patient list's column names, in the language in force."""
    return (_("Chart no."), _("Name"), pgettext("a column of the patient list", "Date of birth"),
            _("Age"), _("Diagnosis"))


@dataclass(frozen=True)
class ListTable:
    title: str  # what the list is: a file name is suggested from it
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def spreadsheet_safe(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def csv_text(table: ListTable, separator: str = ",") -> str:
    """``table`` as CSV: its headers, then its rows, every cell safe to open."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(h) for h in table.headers])
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in table.rows)
    return out.getvalue()


def patient_list_cells(patient: PatientRow, today: date) -> tuple[str, ...]:
    """A line of the patient list, as PATIENT_LIST_COLUMNS name its cells."""
    name = f"{patient.last_name}, {patient.first_name}"
    born = patient.date_of_birth
    return (patient.chart_no, _("{name} (archived)").format(name=name) if patient.archived
            else name, day_text(born) if born else "", str(age_on(born, today)) if born else "",
            patient.diagnosis.short_label if patient.diagnosis else "")
