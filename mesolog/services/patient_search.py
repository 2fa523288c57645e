"""Patient search as SQL: what the practitioner typed, turned into the statements
that read the list a page at a time, and the rule that chooses how.

Kept free of SQLAlchemy, which the window's code imports only when it must.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from mesolog.domain.text import fold, parse_date


class PatientSort(Enum):
    """Orders of the patient list; each is served by an index."""

    NAME = "p.name_key"
    CHART_NO = "p.chart_no"
    DATE_OF_BIRTH = "p.date_of_birth"
    DIAGNOSIS = "p.diagnosis"


class Plan(Enum):
    """How a page of the list is read. SQLite cannot tell how many patients a search
    index match holds (FTS5 guesses a fixed number), so the service counts the hits,
    up to a bound, and chooses (``plan_for``)."""

    ORDER_INDEX = "walk the list's order index"  # nothing typed: the index is the list
    SORT_HITS = "read every hit and sort them"  # few hits: a birth date, a rare name
    HIT_LIST = "walk the order index, keeping the rows in a list of the hits"
    HIT_PER_ROW = "walk the order index, asking the search index row by row"
    # PostgreSQL knows how many rows a trigram index match holds, and chooses itself
    ON_SERVER = "one statement, planned by the server"


# What each plan costs, measured on the demo clinics (bench/README.md, "Typing in
# the search box"): sorting the hits looks each one up in a small index; a list of
# the hits is made once, then the order index is walked for a page of them, 200 hits
# at one in (patients / hits) rows; asking the search index about a row costs far
# more, but only the few hundred rows of a page are asked about.
SORTED_HITS_AT_MOST = 30_000  # ~20 ms at 1,000,000 patients; beyond, walk the order
LIST_US_PER_HIT = 0.09
ASKED_US_PER_ROW = 25.0
LIST_PAGE_SIZE = 200  # patients read at once, a few screens' worth


def hits_deciding(patients: int) -> int:
    """How many hits to count, at most, to choose a plan among ``patients``: past
    this many, asking row by row costs less than making a list of them."""
    return max(SORTED_HITS_AT_MOST,
               math.ceil(math.sqrt(LIST_PAGE_SIZE * ASKED_US_PER_ROW / LIST_US_PER_HIT
                                   * patients)))


def plan_for(hits: int, patients: int) -> Plan:
    """The plan for a search index match with ``hits`` hits (counted up to
    ``hits_deciding(patients)``) among ``patients``. The walks assume hits spread
    over the list; a few thousand hits in one stretch of it (a surname) are sorted,
    not walked to."""
    if hits <= SORTED_HITS_AT_MOST:
        return Plan.SORT_HITS
    return Plan.HIT_PER_ROW if hits >= hits_deciding(patients) else Plan.HIT_LIST


@dataclass(frozen=True)
class SearchQuery:
    """What the practitioner typed, turned into SQL."""

    text: str = ""
    include_archived: bool = False
    sort: PatientSort = PatientSort.NAME
    descending: bool = False

    @property
    def born(self) -> date | None:
        """The date of birth searched for, if the text is one."""
        return parse_date(self.text)

    @property
    def match(self) -> str:
        """The search index query ('' for no text or a date of birth)."""
        return "" if self.born is not None else fts_match(self.text)

    @property
    def words(self) -> list[str]:
        """The typed words each listed patient has a word starting with (none for a
        date of birth)."""
        return [] if self.born is not None else search_words(self.text)

    def plan_without_counting(self) -> Plan | None:
        """The plan when no hits need counting (no text, a birth date), else None."""
        if self.born is not None:
            return Plan.SORT_HITS
        return None if self.match else Plan.ORDER_INDEX

    def lists_sql(self, patient_id: int, *, on_server: bool = False
                  ) -> tuple[str, tuple[Any, ...]]:
        """A statement with a row if the list of this query holds ``patient_id``: the
        search index asked about that one row."""
        plan = Plan.HIT_PER_ROW if self.match else Plan.ORDER_INDEX
        _, where, params = self._matching(Plan.ON_SERVER if on_server else plan,
                                          one_row=True)
        clause = " AND ".join(["p.id = ?", *where])
        return f"SELECT 1 FROM patient p WHERE {clause}", (patient_id, *params)

    def key_columns(self) -> tuple[str, ...]:
        """The columns a page ends on, which the next page starts after (keyset
        paging): the list's order, made unique by the name and the id."""
        if self.sort is PatientSort.CHART_NO:
            return ("p.chart_no",)  # unique on its own
        if self.sort is PatientSort.NAME:
            return ("p.name_key", "p.id")
        return (self.sort.value, "p.name_key", "p.id")

    def _matching(self, plan: Plan, *, one_row: bool = False
                  ) -> tuple[str, list[str], list[Any]]:
        """What the list of this query holds, read the way ``plan`` reads it: the
        statement's source, its conditions and their parameters (all in conditions
        when ``one_row`` is asked about)."""
        source = "patient p"
        where: list[str] = []
        params: list[Any] = []
        born = self.born
        if born is not None:
            where.append("p.date_of_birth = ?")
            params.append(born.isoformat())
        elif plan is Plan.SORT_HITS:
            # Driven from the search index; joining (not IN) keeps SQLite from
            # walking an order index to probe the hits, and each hit is looked up in
            # the narrow index of the list's columns, not in the wide table (0013).
            source = ("patient_fts f JOIN patient p INDEXED BY ix_patient_list_keys "
                      "ON p.id = f.rowid")
            where.append("patient_fts MATCH ?")
        elif plan is Plan.HIT_LIST:
            # "+" keeps the id from driving the query: the order index drives it.
            where.append("+p.id IN (SELECT rowid FROM patient_fts WHERE patient_fts MATCH ?)")
        elif plan is Plan.HIT_PER_ROW:
            where.append("EXISTS (SELECT 1 FROM patient_fts "
                         "WHERE patient_fts MATCH ? AND rowid = p.id)")
        elif plan is Plan.ON_SERVER:
            # a word start: the search text puts a space before every word (0001)
            likes = " AND ".join(["search_text LIKE ?"] * len(self.words))
            params.extend(f"% {word}%" for word in self.words)
            if not one_row and any(len(word) >= TRIGRAM for word in self.words):
                # The trigram index finds the hits, which are then sorted. Fenced
                # (OFFSET 0): else the server walks an order index and filters, not
                # knowing that hits bunch in that order (the Smiths among the S's:
                # 80,000 rows read for "smi", bench/README.md).
                source = f"(SELECT * FROM patient WHERE {likes} OFFSET 0) p"
            elif likes:  # too short for the index: the order index walked, filtered
                where.append(likes.replace("search_text", "p.search_text"))
        if plan not in (Plan.ORDER_INDEX, Plan.ON_SERVER) and born is None:
            params.append(self.match)
        if not self.include_archived:
            where.append("p.archived = 0")  # a literal, so the partial indexes apply
        return source, where, params

    def count_sql(self, plan: Plan) -> tuple[str, tuple[Any, ...]]:
        """How many patients the list of this query holds, read the way ``plan``
        reads it."""
        source, where, params = self._matching(plan)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return f"SELECT count(*) FROM {source}{clause}", tuple(params)

    def page_sql(self, plan: Plan, after: tuple[Any, ...] | None, limit: int,
                 until: tuple[Any, ...] | None = None) -> tuple[str, tuple[Any, ...]]:
        """Up to ``limit`` matches (-1: all) after the key ``after`` and up to the key
        ``until`` if given, each as its id then its key."""
        keys = self.key_columns()
        source, where, params = self._matching(plan)
        # the few hits are sorted: "+" keeps SQLite from walking an order index instead
        sorted_hits = "+" if plan is Plan.SORT_HITS else ""
        columns = ", ".join(f"{sorted_hits}{key}" for key in keys)
        marks = ", ".join("?" * len(keys))
        for bound, ascending, descending in ((after, ">", "<"), (until, "<=", ">=")):
            if bound is not None:
                where.append(f"({columns}) {descending if self.descending else ascending} "
                             f"({marks})")
                params.extend(bound)
        direction = "DESC" if self.descending else "ASC"
        order = ", ".join(f"{sorted_hits if n == 0 else ''}{key} {direction}"
                          for n, key in enumerate(keys))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return (f"SELECT p.id, {', '.join(keys)} FROM {source}{clause} "
                f"ORDER BY {order} LIMIT ?", (*params, limit))


TRIGRAM = 3  # the shortest word the server's trigram index finds by itself

# Letters and digits: what the search indexes keep of a name (FTS5's unicode61 and the
# server's search text both take "_", as every other mark, for a space between words)
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of ``text`` as search compares them: folded, in order."""
    return _WORD.findall(fold(text))


def fts_match(text: str) -> str:
    """An FTS5 query where every typed word must start some indexed word."""
    return " ".join(f'"{word}"*' for word in search_words(text))
