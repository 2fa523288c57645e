"""Backups with SQLite's online backup API, verified before they count.

A backup is itself a Mesolog database file, with its photos beside it in
the folder the same naming rule gives (``<file>-photos``), so a backup can
be checked, opened or restored like any database.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mesolog.domain.backup_rotation import backups_to_keep, due
from mesolog.domain.photo import file_sha256, photo_folder_of
from mesolog.store.check import check_database
from mesolog.store.database import DatabaseError, FileKind, inspect_file
from mesolog.store.private import keep_private, new_file, private_folder

# Tables whose rows are counted in a report; records are never deleted, so a
# backup taken later can only hold as many rows or more.
COUNTED = {"patient": "patients", "session": "sessions", "session_product": "products given",
           "injection_point": "injection points",
           "adverse_event": "side effects", "measurement": "measurements", "photo": "photos",
           "consent": "consents", "course": "courses"}


@dataclass(frozen=True)
class BackupReport:
    path: Path
    rows: dict[str, int]
    photos: int

    def summary(self) -> str:
        counts = ", ".join(f"{n:,} {COUNTED[t]}" for t, n in self.rows.items())
        return f"{self.path}: integrity ok; {counts}; {self.photos} photo files checked"


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in COUNTED if t in present}


def _photo_names(path: Path) -> list[tuple[str, str]]:
    with closing(_ro(path)) as conn:
        present = conn.execute("SELECT 1 FROM sqlite_master WHERE name='photo'").fetchone()
        return conn.execute("SELECT file_name, sha256 FROM photo").fetchall() if present else []


def verify_backup(path: Path) -> BackupReport:
    """Refuse a backup that is not a sound Mesolog database with all its photos."""
    report = check_database(path)
    if not report.ok:
        raise DatabaseError(f"{path} is damaged: {report.problems[0]}")
    folder = photo_folder_of(path)
    names = _photo_names(path)
    for name, digest in names:
        file = folder / name
        if not file.is_file() or file_sha256(file) != digest:
            raise DatabaseError(f"{path}: photo {name} is missing or changed")
    with closing(_ro(path)) as conn:
        return BackupReport(path, _counts(conn), len(names))


def backup_database(source: Path, target: Path) -> BackupReport:
    """Copy ``source`` (open or not, even while others write) to ``target`` and verify it."""
    source, target = Path(source), Path(target)
    if inspect_file(source).kind is not FileKind.MESOLOG:
        raise DatabaseError(f"no Mesolog database at {source}")
    if target.exists():
        raise DatabaseError(f"{target} already exists; choose a new name for the backup")
    if not target.parent.is_dir():
        raise DatabaseError(f"folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        new_file(partial)  # the owner's alone from its first byte
        with closing(sqlite3.connect(source, timeout=30)) as src, \
                closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        _copy_photos(source, partial)
        verify_backup(partial)
        partial.rename(target)
        _move_photo_folder(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        shutil.rmtree(photo_folder_of(partial), ignore_errors=True)
        raise
    return verify_backup(target)


def _copy_photos(source_db: Path, target_db: Path) -> None:
    names = _photo_names(target_db)
    if not names:
        return
    src, dst = photo_folder_of(source_db), photo_folder_of(target_db)
    private_folder(dst)
    for name, _ in names:
        private_folder((dst / name).parent)
        if (src / name).is_file():
            shutil.copy2(src / name, dst / name)
            keep_private(dst / name)


def _move_photo_folder(old_db: Path, new_db: Path) -> None:
    if photo_folder_of(old_db).exists():
        photo_folder_of(old_db).rename(photo_folder_of(new_db))


def restore_database(backup: Path, db_path: Path, now: datetime | None = None) -> Path | None:
    """Replace ``db_path`` with ``backup`` after checking it; the replaced one is kept aside.

    Returns where the replaced database now is (None if there was none). The
    copy goes through the backup API into the live file, so connections that
    other programs hold see the restored records, never a half-written file.
    """
    backup, db_path = Path(backup), Path(db_path)
    verify_backup(backup)
    kept = None
    if db_path.exists():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
        backup_database(db_path, kept)
    else:
        new_file(db_path)
    with closing(sqlite3.connect(backup)) as src, \
            closing(sqlite3.connect(db_path, timeout=30)) as dst:
        src.backup(dst)
    _copy_photos(backup, db_path)
    return kept


AUTO_PREFIX = "auto-"
_STAMP = "%Y%m%d-%H%M%S"


def automatic_backups(folder: Path, db_path: Path) -> dict[datetime, Path]:
    """The automatic backups of ``db_path`` in ``folder``, by the time they were taken."""
    found = {}
    for path in folder.glob(f"{AUTO_PREFIX}{db_path.stem}-*.sqlite"):
        stamp = "-".join(path.stem.rsplit("-", 2)[-2:])  # "20261125-043000"
        try:
            found[datetime.strptime(stamp, _STAMP)] = path
        except ValueError:
            continue  # not one of ours
    return found


def automatic_backup(db_path: Path, folder: Path, now: datetime) -> BackupReport | None:
    """Today's backup into ``folder`` if none was taken today; then the rotation."""
    private_folder(folder)
    existing = automatic_backups(folder, db_path)
    if not due(max(existing, default=None), now):
        return None
    target = folder / f"{AUTO_PREFIX}{db_path.stem}-{now.strftime(_STAMP)}.sqlite"
    report = backup_database(db_path, target)
    existing[now] = target
    keep = backups_to_keep(list(existing))
    for moment, path in existing.items():
        if moment not in keep:
            path.unlink(missing_ok=True)
            shutil.rmtree(photo_folder_of(path), ignore_errors=True)
    return report
