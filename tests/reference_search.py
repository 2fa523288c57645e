"""The patient list's matches in one plain statement, without paging or plans: what the
paged reading (PatientService.list_page) must give, page after page."""

from __future__ import annotations

from mesolog.services.patient_search import PatientSort, SearchQuery


def every_match(db, query: SearchQuery) -> list[int]:
    """Every id ``query`` lists, in the list's order."""
    source, where, params = "patient p", [], []
    if query.born is not None:
        where.append("p.date_of_birth = ?")
        params.append(query.born.isoformat())
    elif query.match:
        source = "patient_fts f JOIN patient p ON p.id = f.rowid"
        where.append("patient_fts MATCH ?")
        params.append(query.match)
    if not query.include_archived:
        where.append("p.archived = 0")
    direction = "DESC" if query.descending else "ASC"
    keys = [query.sort.value, "p.name_key", "p.id"]
    if query.sort is PatientSort.NAME:
        keys.remove("p.name_key")
    order = ", ".join(f"{key} {direction}" for key in keys)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return [row[0] for row in db.fetch_all(
        f"SELECT p.id FROM {source}{clause} ORDER BY {order}", tuple(params))]
