"""A spreadsheet saved as text (CSV), read as a clinic's export gives it: in UTF-8
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
from dataclasses import dataclass

SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
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
        return (f"{len(self.rows):,} rows, {len(self.headers)} columns, {self.encoding}, "
                f"{SEPARATOR_NAMES[self.separator]}-separated")


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding."""
    for mark, name in ((codecs.BOM_UTF8, "UTF-8 with BOM"), (codecs.BOM_UTF16_LE, "UTF-16"),
                       (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(_CODEC[mark]), name
            except UnicodeDecodeError as e:
                raise SpreadsheetError(f"the file says it is {name} but is not (byte "
                                       f"{e.start + len(mark)})") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as e:  # five bytes Windows-1252 leaves undefined
        raise SpreadsheetError(f"the file is neither UTF-8 nor Windows-1252 (byte "
                               f"{e.start}): save it from the spreadsheet as CSV UTF-8"
                               ) from None


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
    """The header row and the rows of a CSV file (blank lines skipped); refused in words
    when it is not one."""
    text, encoding = decode(data)
    if "\x00" in text:
        raise SpreadsheetError("the file holds binary data: save the spreadsheet as CSV")
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    headers: tuple[str, ...] | None = None
    rows, lines = [], []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if any(len(cell) > MAX_CELL for cell in row):
                raise SpreadsheetError(f"line {reader.line_num}: a cell of over "
                                       f"{MAX_CELL:,} characters")
            if headers is None:
                headers = tuple(cell.strip() for cell in row)
                continue
            if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers):]):
                raise SpreadsheetError(f"line {reader.line_num} has {len(row)} columns, the "
                                       f"header {len(headers)}")
            rows.append(tuple((list(row) + [""] * len(headers))[:len(headers)]))
            lines.append(reader.line_num)
    except csv.Error as e:
        raise SpreadsheetError(f"line {reader.line_num}: {e}") from None
    if headers is None:
        raise SpreadsheetError("the file is empty")
    return Spreadsheet(headers, tuple(rows), tuple(lines), encoding, separator)
