"""Integrity and schema check of a database file, without changing it."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from mesolog.domain.photo import file_sha256, photo_folder_of
from mesolog.store import sqlite_files
from mesolog.store.database_files import (
    SCHEMA_HEAD,
    FileKind,
    FileState,
    inspect_file,
    read_only_uri,
    read_revision,
)
from mesolog.store.errors import DatabaseError
from mesolog.store.keys import DatabaseKey


@dataclass
class CheckReport:
    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path, key: DatabaseKey | None = None) -> CheckReport:
    """Schema version, SQLite integrity (of an encrypted file, each page's HMAC too),
    foreign keys and the search index; an encrypted file is read with ``key``."""
    report = CheckReport()
    state = inspect_file(path)
    if state.kind is FileKind.ENCRYPTED:
        if key is None:
            raise DatabaseError(f"{path.name} is encrypted: its check needs a login or its "
                                "recovery key")
        try:
            state = FileState(FileKind.MESOLOG, read_revision(path, key))
        except DatabaseError as e:
            report.problems.append(f"database: {e}")
            return report
        report.findings.append("encrypted: SQLCipher 4, every page authenticated")
    if state.kind is not FileKind.MESOLOG:
        raise DatabaseError(f"no Mesolog database at {path}")
    if state.revision == SCHEMA_HEAD:
        report.findings.append(f"schema: {state.revision} (current)")
    else:
        report.problems.append(
            f"schema: {state.revision} is older than {SCHEMA_HEAD}; open it with Mesolog to upgrade"
        )
    if state.revision is None:
        report.problems.append("schema: not initialised; open it with Mesolog to set it up")
        return report
    try:
        with closing(sqlite_files.connect(read_only_uri(path), key, uri=True)) as conn:
            if key is not None:
                _check_pages(conn, report)
            _check_contents(conn, report)
            _check_photos(conn, photo_folder_of(path), report)
    except sqlite_files.DatabaseError as e:
        report.problems.append(f"database: {e}")
    return report


def _check_pages(conn: sqlite_files.Connection, report: CheckReport) -> None:
    """SQLCipher's own check: every page read and its HMAC compared, so a changed
    byte anywhere in the file is found, even in a page no query reads."""
    failures = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    if failures:
        report.problems.append(f"encryption: {len(failures)} page(s) fail their "
                               f"authentication check, the file was changed or damaged "
                               f"({failures[0]})")
    else:
        report.findings.append("encryption: every page authenticated")


def _check_photos(conn: sqlite_files.Connection, folder: Path, report: CheckReport) -> None:
    """Missing and changed photo files are told, as findings: the records themselves are
    sound, and a backup is still made (naming them)."""
    rows = conn.execute("SELECT file_name, sha256 FROM photo").fetchall()
    missing = [name for name, _ in rows if not (folder / name).is_file()]
    changed = [name for name, digest in rows
               if name not in missing and file_sha256(folder / name) != digest]
    tell_photos(report, len(rows), missing, changed, f" (in {folder})")


def tell_photos(report: CheckReport, photos: int, missing: list[str], changed: list[str],
                where: str = "") -> None:
    """How many of ``photos`` are as attached, and which are ``missing`` (from
    ``where``) or ``changed``: findings, not problems (the records are sound)."""
    report.findings.append(f"photos: {photos - len(missing) - len(changed)} of "
                           f"{photos} as attached")
    report.findings.extend(f"photo missing: {name}{where}" for name in missing)
    report.findings.extend(f"photo changed since it was attached: {name}" for name in changed)


def _check_contents(conn: sqlite_files.Connection, report: CheckReport) -> None:
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if integrity == ["ok"]:
        report.findings.append("integrity: ok")
    else:
        report.problems.extend(f"integrity: {line}" for line in integrity)
    orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        report.problems.extend(
            f"foreign key: {table} row {rowid} points to a missing {parent}"
            for table, rowid, parent, _ in orphans
        )
    else:
        report.findings.append("foreign keys: ok")
    _check_search_index(conn, report)
    tell_records(report, conn.execute(RECORDS_SQL).fetchone())


RECORDS_SQL = ("SELECT (SELECT count(*) FROM patient), (SELECT count(*) FROM session), "
               "(SELECT count(*) FROM practitioner)")


def tell_records(report: CheckReport, counts: tuple[int, int, int]) -> None:
    """The records counted by RECORDS_SQL, said."""
    patients, sessions, practitioners = counts
    report.findings.append(f"records: {patients} patients, {sessions} sessions, "
                           f"{practitioners} practitioners")


def _check_search_index(conn: sqlite_files.Connection, report: CheckReport) -> None:
    # FTS5's own check compares the index with the patient table it mirrors.
    try:
        conn.execute("INSERT INTO patient_fts(patient_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite_files.DatabaseError as e:
        if "readonly" in str(e).lower():
            _check_search_index_by_count(conn, report)
            return
        report.problems.append(f"search index: {e}")
        return
    report.findings.append("search index: ok")
    _check_archived_search_index(conn, report)


def _check_archived_search_index(conn: sqlite_files.Connection, report: CheckReport) -> None:
    # Its triggers keep it to the archived patients; counts of active matches rely on it.
    archived, indexed, indexed_archived = conn.execute(
        "SELECT (SELECT count(*) FROM patient WHERE archived = 1), "
        "(SELECT count(*) FROM patient_archived_fts_docsize), "
        "(SELECT count(*) FROM patient_archived_fts_docsize d "
        "JOIN patient p ON p.id = d.id AND p.archived = 1)").fetchone()
    if archived == indexed == indexed_archived:
        report.findings.append("search index of archived patients: ok")
    else:
        report.problems.append(f"search index of archived patients: {indexed} entries "
                               f"({indexed_archived} of them archived) for {archived} "
                               "archived patients")


def _check_search_index_by_count(conn: sqlite_files.Connection, report: CheckReport) -> None:
    indexed, stored = conn.execute(
        "SELECT (SELECT count(*) FROM patient_fts_docsize), (SELECT count(*) FROM patient)"
    ).fetchone()
    if indexed == stored:
        report.findings.append("search index: ok")
    else:
        report.problems.append(f"search index: {indexed} entries for {stored} patients")
    _check_archived_search_index(conn, report)
