"""Patients from a clinic's spreadsheet: a messy export read as a person would read it,
every row through the form's validation, all or nothing unless asked."""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.cli import main
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.patient_import import AmbiguousDates, DateOrder
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.domain.spreadsheet import SpreadsheetError, read_spreadsheet
from mesolog.services.patient_import import ImportRefused, PatientImportService
from mesolog.services.practitioners import PractitionerService
from tests.conftest import acting_as, details, fixed_clock

# As a French clinic's spreadsheet saves it: a byte-order mark, semicolons, day-first
# dates, accented headers, a note holding the separator, a patient already in the
# clinic (line 9), a chart number used twice (line 5), two rows the form refuses.
MESSY = ("\ufeffN° dossier;Nom;Prénom;Date de naissance;Sexe;Diagnostic;Téléphone;"
         "Courriel;Remarques\r\n"
         "P-1001;Dupré;Hélène;27/03/1984;F;Alopécie androgénétique;06 12 34 56 78;"
         "helene@example.fr;\"Suivi; vue en mars\"\r\n"
         "P-1002;Łukasiewicz;Józef;05/11/1975;H;Pelade;;;\r\n"
         "\r\n"
         "P-1001;Autre;Personne;01/02/1980;F;Autre;;;\r\n"
         "P-1004;Sans date;Marie;;F;Autre;;;\r\n"
         "P-1005;Martin;Jean;31/02/1980;X;Inconnu;;;\r\n"
         "p-1006;王;芳;02/03/1995;F;Autre;;;\r\n"
         "P-1007;Öztürk;Zeynep;27/03/1984;F;Autre;;;\r\n").encode("utf-8")


def chart_id(patients, chart_no: str) -> int:
    from mesolog.services.patient_search import SearchQuery

    return next(patient_id for patient_id in patients.search(SearchQuery(chart_no))
                if patients.get(patient_id).details.chart_no == chart_no)


@pytest.fixture
def importer(db) -> PatientImportService:
    return PatientImportService(db, clock=fixed_clock)


def test_a_messy_french_export_is_read_as_a_person_reads_it(patients, importer):
    patients.create(details())  # Öztürk, Zeynep, born 1984-03-27, chart P-00001
    sheet = read_spreadsheet(MESSY)
    assert (sheet.encoding, sheet.separator, len(sheet.rows)) == ("UTF-8 with BOM", ";", 7)
    plan = importer.plan(sheet)
    assert plan.order is DateOrder.DAY_FIRST
    assert list(plan.mapping.values()) == ["chart_no", "last_name", "first_name",
                                           "date_of_birth", "sex", "diagnosis", "phone",
                                           "email", "notes"]
    assert [row.line for row in plan.to_import] == [2, 3, 8]
    assert plan.duplicates == {
        5: "chart number P-1001 is on line 2 already",
        9: "same name and date of birth as chart P-00001"}
    refused = {row.line: {e.field for e in row.errors} for row in plan.refused}
    assert refused == {6: {"date_of_birth"}, 7: {"date_of_birth", "diagnosis"}}
    report = "\n".join(plan.report())
    assert "to import: 3 patients; duplicates: 2; refused: 2" in report
    assert "line 7: refused: Date of birth: “31/02/1980” is not a date (day/month/year)." \
        in report
    assert not plan.whole


def test_all_or_nothing_by_default_then_the_valid_rows_when_asked(patients, importer, db):
    patients.create(details())
    plan = importer.plan(read_spreadsheet(MESSY))
    before = patients.count(include_archived=True)
    with pytest.raises(ImportRefused, match="nothing was imported: 2 duplicate"):
        importer.run(plan)
    assert patients.count(include_archived=True) == before

    imported = importer.run(plan, valid_rows_only=True)
    assert (imported.patients, imported.skipped) == (3, 4)
    helene = patients.get(chart_id(patients, "P-1001"))
    assert helene.details.last_name == "Dupré" and helene.details.first_name == "Hélène"
    assert helene.details.date_of_birth == date(1984, 3, 27)
    assert helene.details.diagnosis is Diagnosis.FEMALE_AGA  # "androgénétique", a woman
    assert helene.details.notes == "Suivi; vue en mars"
    assert helene.details.phone == "06 12 34 56 78"
    jozef = patients.get(chart_id(patients, "P-1002")).details
    assert (jozef.sex, jozef.diagnosis) == (Sex.MALE, Diagnosis.ALOPECIA_AREATA)
    fang = patients.get(chart_id(patients, "P-1006")).details  # chart numbers in capitals
    assert (fang.last_name, fang.first_name, fang.date_of_birth) == ("王", "芳",
                                                                      date(1995, 3, 2))
    # each is in the trail, as a patient typed into the form is
    assert db.fetch_all("SELECT count(*) FROM audit_entry WHERE table_name = 'patient' "
                        "AND action = 'insert'")[0][0] == before + 3


def test_a_patient_added_meanwhile_is_not_imported_twice(patients, importer):
    plan = importer.plan(read_spreadsheet(MESSY), order=DateOrder.DAY_FIRST)
    patients.create(details(chart_no="P-1002", last_name="Łukasiewicz", first_name="Józef",
                            date_of_birth=date(1975, 11, 5)))  # another desk, since
    with pytest.raises(ImportRefused):
        importer.run(plan, valid_rows_only=False)
    imported = importer.run(plan, valid_rows_only=True)
    assert imported.patients == 3  # lines 2, 8, 9 (nobody else is Öztürk here)


def test_windows_1252_tabs_and_dates_that_read_both_ways(importer, patients):
    data = ("Chart no\tSurname\tFirst name\tDOB\tGender\tDiagnosis\n"
            "A-1\tMüller\tRenée\t03/04/1984\tfemale\tTelogen effluvium\n"
            "A-2\tO'Brien\tSeán\t01/12/1970\tmale\tMale AGA\n").encode("cp1252")
    sheet = read_spreadsheet(data)
    assert (sheet.encoding, sheet.separator) == ("Windows-1252", "\t")
    assert sheet.rows[0][1:3] == ("Müller", "Renée")
    with pytest.raises(AmbiguousDates, match="03/04/1984"):
        importer.plan(sheet)
    plan = importer.plan(sheet, order=DateOrder.MONTH_FIRST)
    assert [row.details.date_of_birth for row in plan.rows] == [date(1984, 3, 4),
                                                                 date(1970, 1, 12)]
    assert importer.run(plan).patients == 2


@pytest.mark.parametrize("data, says", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"a,b\n\"open quote,2\n", "line"),
    (b"a,b\n1,2,3\n", "3 columns"),
    (b"\xef\xbb\xbfname\n\xff\xfe", "UTF-8 with BOM"),
])
def test_what_is_not_a_spreadsheet_is_refused_in_words(data, says):
    with pytest.raises(SpreadsheetError, match=says):
        read_spreadsheet(data)


def test_importing_is_an_administrators(db, importer):
    doctor = PractitionerService(db).create("Dr Prac", "drprac", Role.PRACTITIONER)
    as_doctor = PatientImportService(acting_as(db, doctor), clock=fixed_clock)
    with pytest.raises(NotPermitted):
        as_doctor.plan(read_spreadsheet(MESSY))
    plan = importer.plan(read_spreadsheet(MESSY))
    with pytest.raises(NotPermitted):
        as_doctor.run(plan, valid_rows_only=True)


@pytest.mark.sqlite_only("the command line is given the test's file")
def test_the_command_line_dry_run_writes_nothing_and_says_what_it_would_do(
        tmp_path, capsys, db_path, patients):
    patients.create(details())
    sheet = tmp_path / "patients.csv"
    sheet.write_bytes(MESSY)
    count = patients.count(include_archived=True)
    assert main(["import", "patients", "--db", str(db_path), str(sheet), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "N° dossier → Chart number" in out and "dry run: nothing was written" in out
    assert "line 5: duplicate: chart number P-1001 is on line 2 already" in out
    assert patients.count(include_archived=True) == count

    assert main(["import", "patients", "--db", str(db_path), str(sheet)]) == 1
    assert "nothing was imported" in capsys.readouterr().err
    assert patients.count(include_archived=True) == count

    assert main(["import", "patients", "--db", str(db_path), str(sheet),
                 "--valid-rows-only", "--map", "Remarques=-"]) == 0
    assert "imported 3 patient(s)" in capsys.readouterr().out
    assert patients.get(chart_id(patients, "P-1001")).details.notes == ""


def test_the_command_line_says_what_a_mapping_lacks(tmp_path, capsys, db_path):
    sheet = tmp_path / "names.csv"
    sheet.write_text("Name,Born\nNowak,1980-01-05\n", encoding="utf-8")
    assert main(["import", "patients", "--db", str(db_path), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mesolog: no column of names.csv is Chart number, Last name, "
                          "First name, Sex, Diagnosis") and len(err.splitlines()) == 1
    assert main(["import", "patients", "--db", str(db_path), str(sheet),
                 "--map", "Name=surname"]) == 1
    assert "FIELD one of chart_no" in capsys.readouterr().err
    assert main(["import", "patients", "--db", str(db_path), str(sheet),
                 "--map", "Nom=last_name"]) == 1
    assert "no column 'Nom'; the columns are 'Name', 'Born'" in capsys.readouterr().err


def test_an_excel_workbook_is_read_cell_by_cell(importer, tmp_path):
    """Its first sheet; a date cell is a date (no order to guess), a whole number loses
    the ".0" a spreadsheet stores, empty columns at the end are not columns."""
    from datetime import datetime
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["N° dossier", "Nom", "Prénom", "Date de naissance", "Sexe", "Diagnostic",
                  "Téléphone", None])
    sheet.append(["X-1", "Dupré", "Hélène", datetime(1984, 3, 27), "F", "Pelade",
                  33612345678, None])
    sheet.append([None] * 8)
    sheet.append(["X-2", "王", "芳", "1995-03-02", "F", "Autre", None, None])
    book.create_sheet("Other sheet").append(["ignored"])
    data = BytesIO()
    book.save(data)
    parsed = read_spreadsheet(data.getvalue())
    assert parsed.described == "2 rows, 7 columns, the first sheet of an Excel workbook"
    assert parsed.rows[0][3] == "1984-03-27" and parsed.rows[0][6] == "33612345678"
    assert parsed.lines == (2, 4)
    plan = importer.plan(parsed)
    assert plan.whole and plan.order is DateOrder.YEAR_FIRST
    assert importer.run(plan).patients == 2

    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        read_spreadsheet(b"PK\x03\x04 this is no zip archive at all")
