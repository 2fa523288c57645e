"""A spreadsheet as a clinic's export gives it: an Excel workbook (.xlsx, its first
sheet, read by openpyxl), or saved as text (CSV): in UTF-8
with or without a byte-order mark, UTF-16 (Excel's "Unicode text"), or Windows-1252
(Excel's CSV on a Western European Windows); its columns separated by commas,
semicolons (where the comma is the decimal mark, as in French) or tabs.

A fixed list of encodings, tried in that order, rather than a statistical detector:
UTF-8 almost never decodes text that is not UTF-8, and every other byte sequence a
Western European export holds is Windows-1252, so the order decides it exactly,
where a detector guesses (and may guess differently for a file of a few lines).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from mesolog.domain.translation import N_, _, number

SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab")}
MAX_CELL = 100_000  # characters: a cell longer than any field of a chart is refused


class SpreadsheetError(ValueError):
    """The file cannot be read as a spreadsheet; the message says why."""


@dataclass(frozen=True)
class Spreadsheet:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each as long as the headers
    lines: tuple[int, ...]  # each row's line in the file (a person's "row 7")
    encoding: str
    separator: str

    @property
    def described(self) -> str:
        made = (_("the first sheet of an Excel workbook") if self.encoding == WORKBOOK else
                _("{encoding}, {separator}-separated").format(
                    encoding=self.encoding, separator=_(SEPARATOR_NAMES[self.separator])))
        return _("{rows} rows, {columns} columns, {made}").format(
            rows=number(len(self.rows)), columns=len(self.headers), made=made)


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding."""
    for mark, name in ((codecs.BOM_UTF8, "UTF-8 with BOM"), (codecs.BOM_UTF16_LE, "UTF-16"),
                       (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(_CODEC[mark]), name
            except UnicodeDecodeError as e:
                raise SpreadsheetError(_("the file says it is {encoding} but is not (byte "
                                         "{byte})").format(encoding=name,
                                                           byte=e.start + len(mark))) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as e:  # five bytes Windows-1252 leaves undefined
        raise SpreadsheetError(_("the file is neither UTF-8 nor Windows-1252 (byte {byte}): "
                                 "save it from the spreadsheet as CSV UTF-8").format(
                                     byte=e.start)) from None


_CODEC = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le",
          codecs.BOM_UTF16_BE: "utf-16-be"}


def _separator(text: str) -> str:
    """The separator that splits the header line into the most columns (a row that
    then has more than the header is refused, said with its line)."""
    header = next((line for line in text[:64 * 1024].splitlines() if line.strip()), "")
    widths = {candidate: len(next(csv.reader([header], delimiter=candidate), []))
              for candidate in SEPARATORS}
    return max(SEPARATORS, key=lambda candidate: widths[candidate])


def read_spreadsheet(data: bytes) -> Spreadsheet:
    """The header row and the rows of a CSV file or an Excel workbook's first sheet
    (blank rows skipped); refused in words when it is neither."""
    if data.startswith(_ZIP):
        return _read_workbook(data)
    text, encoding = decode(data)
    if "\x00" in text:
        raise SpreadsheetError(_("the file holds binary data: save the spreadsheet as CSV"))
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as e:
            raise SpreadsheetError(_("line {line}: {reason}").format(
                line=reader.line_num, reason=e)) from None
    headers, rows, lines = _table(numbered())
    return Spreadsheet(headers, rows, lines, encoding, separator)


_ZIP = b"PK\x03\x04"  # an .xlsx workbook is a zip archive


def _table(numbered: Iterable[tuple[int, list[str]]]
           ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[int, ...]]:
    """The header (the first row with anything in it) and the rows after it, each as
    wide as the header; a row wider than it, or a cell too long, refused with its line."""
    headers: tuple[str, ...] | None = None
    rows, lines = [], []
    for line, row in numbered:
        if not any(cell.strip() for cell in row):
            continue
        if any(len(cell) > MAX_CELL for cell in row):
            raise SpreadsheetError(_("line {line}: a cell of over {limit} characters").format(
                line=line, limit=number(MAX_CELL)))
        if headers is None:
            cells = list(row)
            while cells and not cells[-1].strip():  # a workbook's empty columns at the end
                cells.pop()
            headers = tuple(cell.strip() for cell in cells)
            continue
        if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers):]):
            raise SpreadsheetError(_("line {line} has {columns} columns, the header "
                                     "{header}").format(line=line, columns=len(row),
                                                        header=len(headers)))
        rows.append(tuple((list(row) + [""] * len(headers))[:len(headers)]))
        lines.append(line)
    if headers is None:
        raise SpreadsheetError(_("the file is empty"))
    return headers, tuple(rows), tuple(lines)


WORKBOOK = "Excel workbook"


def _read_workbook(data: bytes) -> Spreadsheet:
    """The first sheet of an .xlsx workbook, each cell as text: a date cell as
    1984-03-27 (no order to guess), a whole number without its ".0"."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise SpreadsheetError(_("the file is not an Excel workbook that can be read "
                                 "({reason}); save it as .xlsx or as CSV").format(
                                     reason=e)) from None
    try:
        sheet = book.worksheets[0]
        numbered = ((number, [_cell_text(value) for value in row]) for number, row
                    in enumerate(sheet.iter_rows(values_only=True), start=1))
        headers, rows, lines = _table(numbered)
    finally:
        book.close()
    return Spreadsheet(headers, rows, lines, WORKBOOK, "")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
