"""Patient search as SQL: what the practitioner typed, turned into one statement.

Kept free of SQLAlchemy so the window can build queries before the database
layer is imported (start-up opens the database after the window is shown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from mesolog.domain.text import fold, parse_date


class PatientSort(Enum):
    """Orders of the patient list; each is served by an index."""

    NAME = "p.name_key"
    CHART_NO = "p.chart_no"
    DATE_OF_BIRTH = "p.date_of_birth"
    DIAGNOSIS = "p.diagnosis"


@dataclass(frozen=True)
class SearchQuery:
    """What the practitioner typed, turned into one SQL statement."""

    text: str = ""
    include_archived: bool = False
    sort: PatientSort = PatientSort.NAME
    descending: bool = False

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        """The statement and its parameters, for the service and for benchmarks."""
        source = "patient p"
        where: list[str] = []
        params: list[Any] = []
        born = parse_date(self.text)
        if born is not None:
            where.append("p.date_of_birth = ?")
            params.append(born.isoformat())
        elif match := fts_match(self.text):
            # Drive the query from the search index; joining (not IN) keeps
            # SQLite from walking a whole list index to probe the matches.
            source = "patient_fts f JOIN patient p ON p.id = f.rowid"
            where.append("patient_fts MATCH ?")
            params.append(match)
        if not self.include_archived:
            where.append("p.archived = 0")  # a literal, so the partial indexes apply
        direction = "DESC" if self.descending else "ASC"
        keys = [self.sort.value, "p.name_key", "p.id"]
        if self.sort is PatientSort.NAME:
            keys.remove("p.name_key")
        if params:
            # A filtered result is small: sort it rather than walk an order index.
            keys[0] = f"+{keys[0]}"
        order = ", ".join(f"{key} {direction}" for key in keys)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return f"SELECT p.id FROM {source}{clause} ORDER BY {order}", tuple(params)


_WORD = re.compile(r"\w+")


def fts_match(text: str) -> str:
    """An FTS5 query where every typed word must start some indexed word."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(fold(text)))
