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
