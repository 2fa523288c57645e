"""A patient's history: who changed what in the chart, and when, from the audit trail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from mesolog.store.database import Database

# What each audited table is called at the desk.
RECORD_NAMES = {
    "patient": "Chart", "consent": "Consent", "course": "Course", "session": "Session",
    "session_product": "Product given", "session_amendment": "Amendment",
    "adverse_event": "Side effect", "side_effect_check": "Side-effect check",
    "measurement_site": "Measurement site", "measurement": "Measurement",
    "grade_record": "Grade", "photo": "Photo",
}
_HIDDEN = {"version", "updated_at", "created_at", "name_key", "id", "patient_id"}


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    who: str
    record: str
    action: str
    changes: tuple[str, ...]


def _describe(action: str, before: dict, after: dict) -> tuple[str, ...]:
    if action == "insert":
        return tuple(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(after.items())
                     if k not in _HIDDEN and v not in (None, ""))
    keys = sorted((before.keys() | after.keys()) - _HIDDEN)
    return tuple(f"{k.replace('_', ' ')}: {_shown(before.get(k))} → {_shown(after.get(k))}"
                 for k in keys)


def _shown(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def _action(action: str, before: dict, after: dict) -> str:
    if action == "update" and set(after) - _HIDDEN == {"archived"}:
        return "archived" if after["archived"] else "restored from archive"
    return {"insert": "added", "update": "changed", "delete": "removed"}[action]


class HistoryService:
    def __init__(self, db: Database):
        self._db = db

    def for_patient(self, patient_id: int) -> list[HistoryLine]:
        """Every recorded change of the patient's chart and clinical records, newest first."""
        rows = self._db.fetch_all(
            "SELECT a.at, coalesce(p.name, 'not logged in'), a.table_name, a.record_id, "
            "a.action, a.before_json, a.after_json FROM audit_entry a "
            "LEFT JOIN practitioner p ON p.id = a.practitioner_id "
            "WHERE a.patient_id = ? ORDER BY a.at DESC, a.id DESC", (patient_id,))
        lines = []
        for at, who, table, record_id, action, before_json, after_json in rows:
            before, after = json.loads(before_json), json.loads(after_json)
            changes = _describe(action, before, after)
            if action == "update" and not changes:
                continue  # only bookkeeping moved (a version number)
            lines.append(HistoryLine(datetime.fromisoformat(str(at)), who,
                                     f"{RECORD_NAMES.get(table, table)} #{record_id}",
                                     _action(action, before, after), changes))
        return lines
