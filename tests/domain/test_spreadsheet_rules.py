"""A clinic's spreadsheet read as text: each encoding Excel saves, each separator, the
header and rows it gives, and every way a file is refused, said with its line."""

from __future__ import annotations

import codecs
from datetime import date, datetime

import pytest

from mesolog.domain.spreadsheet import (
    MAX_CELL,
    SpreadsheetError,
    _cell_text,
    decode,
    read_spreadsheet,
)

TEXT = "Chart;Name\nP-1;Dupré\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
    (TEXT.encode("utf-8"), "UTF-8"),
    (TEXT.encode("cp1252"), "Windows-1252"),
])
def test_each_encoding_excel_saves(data, encoding):
    assert decode(data) == (TEXT, encoding)
    sheet = read_spreadsheet(data)
    assert (sheet.headers, sheet.rows, sheet.encoding) == (("Chart", "Name"),
                                                           (("P-1", "Dupré"),), encoding)


def test_a_file_that_lies_about_its_encoding_or_has_none_is_refused():
    with pytest.raises(SpreadsheetError) as caught:
        decode(codecs.BOM_UTF8 + b"ok\xff")
    assert str(caught.value) == "the file says it is UTF-8 with BOM but is not (byte 5)"
    with pytest.raises(SpreadsheetError) as caught:
        decode(b"ab\x81")  # undefined in Windows-1252, not UTF-8
    assert str(caught.value) == ("the file is neither UTF-8 nor Windows-1252 (byte 2): save "
                                 "it from the spreadsheet as CSV UTF-8")
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(b"a,b\n\x00\x01,c\n")
    assert str(caught.value) == "the file holds binary data: save the spreadsheet as CSV"


@pytest.mark.parametrize(("text", "separator", "name"), [
    ("a,b,c\n1,2,3\n", ",", "comma"),
    ("a;b;c\n1;2,5;3\n", ";", "semicolon"),  # a decimal comma inside
    ("a\tb\tc\n1\t2\t3\n", "\t", "tab"),
    ("a,b;c;d\n1,2;3;4\n", ";", "semicolon"),  # the most columns wins
])
def test_the_separator_that_splits_the_header_most(text, separator, name):
    sheet = read_spreadsheet(text.encode())
    assert sheet.separator == separator
    assert sheet.described == f"1 rows, {len(sheet.headers)} columns, UTF-8, {name}-separated"


def test_rows_blank_lines_short_rows_and_their_lines():
    sheet = read_spreadsheet(b"\n , \nChart,Name,Note, ,\n\nP-1,Ana\nP-2,Bo,x,,\n")
    assert sheet.headers == ("Chart", "Name", "Note")  # trailing empty columns dropped
    assert sheet.rows == (("P-1", "Ana", ""), ("P-2", "Bo", "x"))
    assert sheet.lines == (5, 6)  # a person's line numbers in the file


def test_a_row_wider_than_the_header_or_a_cell_too_long_is_refused_with_its_line():
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(b"a,b\n1,2\n3,4,5\n")
    assert str(caught.value) == "line 3 has 3 columns, the header 2"
    long_cell = "x" * MAX_CELL
    assert read_spreadsheet(f"a\n{long_cell}\n".encode()).rows == ((long_cell,),)
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(f"a\n{long_cell}x\n".encode())
    assert str(caught.value) == "line 2: a cell of over 100,000 characters"
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(b' \n , \n')
    assert str(caught.value) == "the file is empty"
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(b'a,b\n"open,2\n')
    assert str(caught.value) == "line 2: unexpected end of data"


def test_a_line_break_inside_a_quoted_cell_is_kept_as_written():
    assert read_spreadsheet(b'a,b\r\n1,"x\r\ny"\r\n').rows == (("1", "x\r\ny"),)


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (datetime(1984, 3, 27), "1984-03-27"),
    (datetime(2026, 1, 2, 9, 30), "2026-01-02 09:30:00"), (date(1984, 3, 27), "1984-03-27"),
    (42.0, "42"), (42.5, "42.5"), (7, "7"), ("Ana", "Ana"),
])
def test_a_workbook_cell_as_text(value, text):
    assert _cell_text(value) == text


def test_a_workbook_that_cannot_be_read_is_refused_in_words():
    with pytest.raises(SpreadsheetError, match="not an Excel workbook that can be read"):
        read_spreadsheet(b"PK\x03\x04 not really a zip")


def test_the_first_sheet_of_a_workbook_each_cell_as_text(tmp_path):
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Chart", "Born", "Visits", None, None])
    sheet.append(["P-1", datetime(1984, 3, 27), 3.0])
    sheet.append([None, None, None])
    sheet.append(["P-2", date(1990, 1, 2), 2.5])
    sheet.append(["P-3", "=B2", "=1+1"])  # formulas: their values, never their text
    book.create_sheet("Second").append(["ignored"])
    data = BytesIO()
    book.save(data)
    read = read_spreadsheet(data.getvalue())
    assert (read.headers, read.rows, read.lines) == (
        ("Chart", "Born", "Visits"),
        (("P-1", "1984-03-27", "3"), ("P-2", "1990-01-02", "2.5"), ("P-3", "", "")),
        (2, 4, 5))
    assert (read.encoding, read.separator) == ("Excel workbook", "")
    assert read.described == "3 rows, 3 columns, the first sheet of an Excel workbook"
    with pytest.raises(SpreadsheetError) as caught:
        read_spreadsheet(b"PK\x03\x04 not really a zip")
    assert str(caught.value).startswith("the file is not an Excel workbook that can be read (")
    assert str(caught.value) == ("the file is not an Excel workbook that can be read (File is "
                                 "not a zip file); save it as .xlsx or as CSV")


def test_a_csv_from_an_old_mac_excel_ends_its_lines_with_cr_alone():
    read = read_spreadsheet(b'Chart;Name\rP-1;Lemaire\rP-2;"Dupont\rJean"\r')
    assert (read.headers, read.rows) == (("Chart", "Name"),
                                         (("P-1", "Lemaire"), ("P-2", "Dupont\rJean")))
