"""Which records are one patient's, for the export of one patient's record: their own
(by ``patient_id``, or through their sessions), and what those refer to (the lots and
products given, the practitioners named, the consent forms signed), nothing of any
other patient."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, Table, select, true, union

from mesolog.store import models

_TABLES = models.Base.metadata.tables


def patient_rows(table: Table, patient_id: int) -> ColumnElement[bool]:
    """The condition that picks ``table``'s rows belonging to the patient's record."""
    if table.name == "patient":
        return table.c.id == patient_id
    if "patient_id" in table.c:
        return table.c.patient_id == patient_id
    if "session_id" in table.c:
        sessions = _TABLES["session"]
        return table.c.session_id.in_(select(sessions.c.id)
                                      .where(sessions.c.patient_id == patient_id))
    if table.name == "letterhead":
        return true()  # the clinic's name and address, on every record it hands out
    if table.name == "product":
        lots = _TABLES["lot"]
        return table.c.id.in_(select(lots.c.product_id)
                              .where(patient_rows(lots, patient_id)))
    if table.name == "product_ingredient":
        return table.c.product_id.in_(select(_TABLES["product"].c.id).where(
            patient_rows(_TABLES["product"], patient_id)))
    return table.c.id.in_(_referenced(table, patient_id))


def _referenced(target: Table, patient_id: int) -> Select:
    """The ids of ``target`` (lots, practitioners, consent forms) that the patient's own
    records refer to."""
    selects = [select(column).where(patient_rows(source, patient_id))
               for source in _TABLES.values() if _owned(source)
               for column in source.columns
               for key in column.foreign_keys if key.column.table is target]
    return union(*selects) if selects else select(target.c.id).where(~true())


def _owned(table: Table) -> bool:
    return table.name == "patient" or "patient_id" in table.c or "session_id" in table.c
