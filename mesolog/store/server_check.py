"""``mesolog check`` of a server's records: what Mesolog relies on the server to keep,
read in one snapshot, without changing anything. The server's own storage is checked
with its own tools (pg_amcheck), as a file's pages are with SQLite's integrity check.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select

from mesolog.store import models
from mesolog.store.check import RECORDS_SQL, CheckReport, tell_photos, tell_records
from mesolog.store.database import Database
from mesolog.store.database_files import SCHEMA_HEAD
from mesolog.store.photo_files import read_from_server

# The tables the database itself keeps append-only (migrations 0002 and 0005), and how
APPEND_ONLY = ("audit_entry", "session_amendment")
GUARDS = ("update", "delete", "truncate")


def check_server(db: Database) -> CheckReport:
    """Schema version; the triggers that keep the trail and the amendments append-only,
    present and enabled; foreign keys and the search index valid; records counted;
    every photo's bytes the ones attached."""
    report = CheckReport()
    with db.snapshot() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if revision == SCHEMA_HEAD:
            report.findings.append(f"schema: {revision} (current)")
        else:
            report.problems.append(f"schema: {revision}, not {SCHEMA_HEAD}: another "
                                   "version of Mesolog changed it meanwhile")
        _check_guards(conn, report)
        _check_constraints(conn, report)
        tell_records(report, conn.exec_driver_sql(RECORDS_SQL).one())
        _check_photos(conn, report)
    report.findings.append("storage: check it with PostgreSQL's own pg_amcheck")
    return report


def _check_guards(conn: Connection, report: CheckReport) -> None:
    enabled = {name for name, in conn.exec_driver_sql(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' "
        "AND tgrelid = ANY (ARRAY['audit_entry'::regclass, 'session_amendment'::regclass])")}
    gone = [f"{table}_no_{guard}" for table in APPEND_ONLY for guard in GUARDS
            if f"{table}_no_{guard}" not in enabled]
    if gone:
        report.problems.append(f"append-only guards missing or disabled: {', '.join(gone)} "
                               "(the trail and amendments can be changed behind Mesolog)")
    else:
        report.findings.append("append-only guards: the trail and amendments refuse "
                               "changes")


def _check_constraints(conn: Connection, report: CheckReport) -> None:
    unchecked = [name for name, in conn.exec_driver_sql(
        "SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
        "AND contype IN ('f', 'c') AND NOT convalidated ORDER BY conname")]
    if unchecked:
        report.problems.append(f"constraints not validated: {', '.join(unchecked)}")
    else:
        report.findings.append("foreign keys and checks: validated")
    search_valid = conn.exec_driver_sql(
        "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_patient_search'::regclass"
    ).scalar()
    if search_valid:
        report.findings.append("search index: ok")
    else:
        report.problems.append("search index: not valid (REINDEX INDEX ix_patient_search)")


def _check_photos(conn: Connection, report: CheckReport) -> None:
    """Missing and changed photos are told as findings, as for a file: the records are
    sound, and a backup is still made (naming them)."""
    rows = conn.execute(select(models.Photo.file_name, models.Photo.sha256)).all()
    missing, changed = [], []
    for name, recorded in rows:
        data = read_from_server(conn, name)
        if data is None:
            missing.append(name)
        elif hashlib.sha256(data).hexdigest() != recorded:
            changed.append(name)
    tell_photos(report, len(rows), missing, changed)
