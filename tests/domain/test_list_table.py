"""A list written for a spreadsheet: what it says stays text, whatever was typed."""

from mesolog.domain.list_table import ListTable, csv_text, spreadsheet_safe
from mesolog.domain.spreadsheet import read_spreadsheet


def test_a_cell_a_spreadsheet_would_run_stays_text():
    for typed in ("=HYPERLINK(\"http://x\")", "+49 30 1234", "-2+3", "@SUM(A1)", "\tx"):
        assert spreadsheet_safe(typed) == "'" + typed
    for plain in ("Öztürk", "P-00001", "", "1984-03-27", "a=b"):
        assert spreadsheet_safe(plain) == plain


def test_the_csv_reads_back_as_written_in_either_separator():
    table = ListTable("t", ("Name", "Note"), (("Dupré, Hélène", 'said "no"; twice\nthen yes'),
                                              ("王芳", "=1+1"), ("محمد", "")))
    for separator in (",", ";"):
        text = csv_text(table, separator)
        back = read_spreadsheet(("\ufeff" + text).encode("utf-8"))
        assert back.separator == separator and back.headers == table.headers
        assert back.rows == (table.rows[0], ("王芳", "'=1+1"), table.rows[2])


def test_a_carriage_return_first_is_also_kept_text_and_the_lines_end_for_windows():
    from mesolog.domain.list_table import ListTable, csv_text, spreadsheet_safe

    assert spreadsheet_safe("\rx") == "'\rx"
    assert csv_text(ListTable("t", ("=a", "b"), (("1", "@2"),))) == "'=a,b\r\n1,'@2\r\n"


def test_a_line_of_the_patient_list():
    from datetime import date

    from mesolog.domain.list_table import (
        PATIENT_LIST_COLUMNS,
        patient_list_cells,
        patient_list_headers,
    )
    from mesolog.domain.patient import Diagnosis, PatientRow

    row = PatientRow(1, "P-1", "Öztürk", "Zeynep", date(1984, 3, 27), Diagnosis.FEMALE_AGA,
                     False, False)
    today = date(2026, 3, 26)
    assert patient_list_cells(row, today) == ("P-1", "Öztürk, Zeynep", "1984-03-27", "41",
                                              "Female AGA")
    archived = PatientRow(2, "P-2", "Roy", "Ana", None, None, True, False)
    assert patient_list_cells(archived, today) == ("P-2", "Roy, Ana (archived)", "", "", "")
    assert patient_list_headers() == PATIENT_LIST_COLUMNS == (
        "Chart no.", "Name", "Date of birth", "Age", "Diagnosis")


def test_the_patient_lists_birth_column_is_named_short_in_french():
    from mesolog.domain.list_table import patient_list_headers
    from mesolog.domain.translation import speaking

    with speaking("fr"):
        assert patient_list_headers()[2] == "Naissance"  # the form's label is longer
