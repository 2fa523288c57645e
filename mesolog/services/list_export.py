"""A list written to a spreadsheet file: records leaving Mesolog, so a permission of
its own (administrators and practitioners), and a file that is whole or not there."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mesolog.domain.list_table import (
    ListTable,
    csv_text,
    patient_list_cells,
    patient_list_headers,
)
from mesolog.domain.permissions import Action
from mesolog.services.patient_search import SearchQuery
from mesolog.services.patients import PatientService
from mesolog.store.database import Database
from mesolog.store.private import new_file

_PAGE = 2000  # patients read at a time for the patient list


class ListExportService:
    def __init__(self, db: Database):
        self._db = db

    def write(self, table: ListTable | Callable[[], ListTable], target: Path, *,
              separator: str = ",") -> int:
        """``table`` (or what makes it, read only once permitted) written to ``target``
        as CSV in UTF-8 with its mark, which spreadsheets need to read accents; the rows
        written. The file is written under another name and renamed: a full disk leaves
        no half list."""
        self._db.require(Action.EXPORT)
        table = table() if callable(table) else table
        partial = target.with_name(f".{target.name}.part")
        try:
            new_file(partial)  # the owner's alone: it holds patients' names
            with partial.open("w", encoding="utf-8-sig", newline="") as out:
                out.write(csv_text(table, separator))
                out.flush()
                os.fsync(out.fileno())
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return len(table.rows)

    def patient_list(self, query: SearchQuery, today: date) -> ListTable:
        """Every patient ``query`` lists, in its order (not only the rows on screen)."""
        patients = PatientService(self._db)
        ids = patients.search(query)
        rows: list[tuple[str, ...]] = []
        for start in range(0, len(ids), _PAGE):
            page = patients.rows(ids[start:start + _PAGE])
            rows += [patient_list_cells(page[i], today) for i in ids[start:start + _PAGE]
                     if i in page]
        title = f"patients matching {query.text.strip()}" if query.text.strip() else "patients"
        return ListTable(title, patient_list_headers(), tuple(rows))
