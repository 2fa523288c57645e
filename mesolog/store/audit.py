"""Writing the audit trail in the same transaction as the change it records.

Every ORM flush inside ``Database.transaction()`` passes through ``record``:
each inserted, updated or deleted clinical row gets one entry with its
values before and after. Bulk Core statements (the demo's inserts, a
session's product rows replaced as a whole) are not rows the ORM sees; the
parent record's entry and the session amendment carry those changes.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from mesolog.store import models

# Bookkeeping tables: not clinical records, and the trail itself.
# the letterhead is the clinic's stationery, not a record about a patient
# wrong-password counters are bookkeeping of the login, not records
# a photo's bytes are audited through its record (name and checksum), not byte by byte
NOT_AUDITED = {"audit_entry", "alembic_version", "letterhead", "login_failure", "photo_data"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _values(obj: Any, *, before: bool) -> dict[str, Any]:
    state = inspect(obj)
    values = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if before and history.deleted:
            values[attr.key] = _plain(history.deleted[0])
        elif before and history.added:
            values[attr.key] = None  # the attribute had no stored value yet
        else:
            values[attr.key] = _plain(getattr(obj, attr.key))
    return values


def _patient_of(obj: Any) -> int | None:
    if isinstance(obj, models.Patient):
        return obj.id
    return getattr(obj, "patient_id", None)


def record(session: Session, actor_id: int | None, at: datetime) -> None:
    """Queue the audit entries of the changes ``session`` is about to flush."""
    pending = session.info.setdefault("audit_pending", [])
    for action, objects in (("insert", session.new), ("update", session.dirty),
                            ("delete", session.deleted)):
        for obj in objects:
            table = getattr(obj, "__tablename__", None)
            if table is None or table in NOT_AUDITED:
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            before = {} if action == "insert" else _values(obj, before=True)
            pending.append((action, obj, before))
    session.info["audit_actor"] = (actor_id, at)


def refuse_records(session: Session) -> None:
    """Bookkeeping transactions have no actor, so they may not change a record."""
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is not None and table not in NOT_AUDITED:
            raise PermissionError(f"{table} is a record; changing it needs someone "
                                  "logged in")


# Columns whose values never enter the trail: a password hash kept there would outlive
# every password change (and travel in every backup). The trail says that it changed.
SECRET_COLUMNS = frozenset({"password_hash"})
REDACTED = "(not recorded)"


def _redacted(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (REDACTED if k in SECRET_COLUMNS and v is not None else v)
            for k, v in values.items()}


def write(session: Session) -> None:
    """After the flush: ids are known; write the queued entries on the same connection."""
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    actor_id, at = session.info["audit_actor"]
    rows = []
    for action, obj, before in pending:
        after = {} if action == "delete" else _values(obj, before=False)
        if action == "update":
            changed = {k for k in after if after[k] != before.get(k)}
            before = {k: before[k] for k in changed}
            after = {k: after[k] for k in changed}
        before, after = _redacted(before), _redacted(after)  # compared first, then hidden
        rows.append({"at": at, "practitioner_id": actor_id, "patient_id": _patient_of(obj),
                     "table_name": obj.__tablename__, "record_id": inspect(obj).identity[0]
                     if inspect(obj).identity else getattr(obj, "id", 0) or 0,
                     "action": action,
                     "before_json": json.dumps(before, ensure_ascii=False, sort_keys=True),
                     "after_json": json.dumps(after, ensure_ascii=False, sort_keys=True)})
    ids = session.connection().execute(
        insert(models.AuditEntry).returning(models.AuditEntry.id), rows).scalars().all()
    # what the change touched, said to the database's listeners once it is committed,
    # and its entries' ids, so a window tells its own changes from another program's
    session.info.setdefault("touched", set()).update(
        (row["table_name"], row["patient_id"]) for row in rows)
    session.info.setdefault("audit_ids", set()).update(ids)
