"""Backups with SQLite's online backup API, verified before they count.

A backup is itself a Mesolog database file, with its photos beside it in
the folder the same naming rule gives (``<file>-photos``), so a backup can
be checked, opened or restored like any database. A backup of an encrypted
database is encrypted with the same key and carries a copy of its key file
(``<file>.keys``): it opens with any password that was valid when it was made,
or with the clinic's recovery key.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mesolog.domain.backup_rotation import backups_to_keep, due
from mesolog.domain.photo import file_sha256, photo_folder_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import N_, _, number
from mesolog.store import sqlite_files
from mesolog.store.backup_manifest import Manifest, ManifestError, manifest_of, read_manifest
from mesolog.store.check import check_database
from mesolog.store.database_files import FileKind, inspect_file, read_only_uri
from mesolog.store.disk_errors import could_not_write
from mesolog.store.errors import DatabaseError
from mesolog.store.keys import DatabaseKey, KeyFile, KeyFileError, key_file_of
from mesolog.store.private import new_file, private_folder, write_private

# Tables whose rows are counted in a report; records are never deleted, so a
# backup taken later can only hold as many rows or more.
COUNTED = {"patient": N_("patients"), "session": N_("sessions"),
           "session_product": N_("products given"), "injection_point": N_("injection points"),
           "adverse_event": N_("side effects"), "measurement": N_("measurements"),
           "photo": N_("photos"), "consent": N_("consents"), "course": N_("courses")}


@dataclass(frozen=True)
class BackupReport:
    path: Path
    rows: dict[str, int]
    photos: int
    missing_photos: tuple[str, ...] = ()
    changed_photos: tuple[str, ...] = ()

    def summary(self) -> str:
        counts = ", ".join(f"{number(n)} {_(COUNTED[t])}" for t, n in self.rows.items())
        text = _("{path}: integrity ok; {counts}; {photos} photo files checked").format(
            path=self.path, counts=counts, photos=number(self.photos))
        if self.missing_photos:
            text += "; " + _("{count} photo file(s) were missing from the clinic's photo "
                             "folder and are not in it ({names}): find the original pictures "
                             "and attach them again").format(
                count=len(self.missing_photos), names=", ".join(self.missing_photos))
        if self.changed_photos:
            text += "; " + _("{count} photo file(s) no longer match what was attached "
                             "({names}), copied as they are").format(
                count=len(self.changed_photos), names=", ".join(self.changed_photos))
        return text


def _ro(path: Path, key: DatabaseKey | None) -> sqlite_files.Connection:
    """A connection that cannot change ``path`` (nor merge a -wal left beside it)."""
    return sqlite_files.connect(read_only_uri(path), key, uri=True, timeout=30)


def _counts(conn: sqlite_files.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in COUNTED if t in present}


def _photo_names(path: Path, key: DatabaseKey | None) -> list[tuple[str, str]]:
    with closing(_ro(path, key)) as conn:
        present = conn.execute("SELECT 1 FROM sqlite_master WHERE name='photo'").fetchone()
        return conn.execute("SELECT file_name, sha256 FROM photo").fetchall() if present else []


def _set_files(db_path: Path) -> tuple[Path, Path, Path, Path]:
    """The parts of a backup set: key file (if encrypted), photo folder, manifest,
    database copy (last: it alone makes the set exist)."""
    return key_file_of(db_path), photo_folder_of(db_path), manifest_of(db_path), db_path


def verify_backup(path: Path, key: DatabaseKey | None = None) -> BackupReport:
    """Refuse a backup set that does not hold, byte for byte, what its manifest says, or
    that is not a sound Mesolog database. A backup made before manifests existed is
    checked as it was then: integrity, and every photo's checksum. An encrypted set is
    read with ``key``."""
    path = Path(path)
    if not manifest_of(path).exists():
        return _verify_without_manifest(path, key)
    try:
        manifest = read_manifest(manifest_of(path))
    except ManifestError as e:
        raise DatabaseError(_("{path} is damaged: {e}").format(path=path, e=e)) from None
    if not path.is_file() or file_sha256(path) != manifest.database_sha256:
        raise DatabaseError(_("{path} is damaged: the database copy is not the one the manifest "
                              "describes (changed or truncated since it was made)").format(
                                path=path))
    keys = key_file_of(path)
    if manifest.keys_sha256 is not None and (
            not keys.is_file() or file_sha256(keys) != manifest.keys_sha256):
        raise DatabaseError(_("{path} is damaged: its key file {name} is missing or not the one "
                              "the manifest describes").format(path=path, name=keys.name))
    _refuse_missing_or_changed(path, manifest.photos.items())
    report = check_database(path, key_for(path, key))
    if not report.ok:
        raise DatabaseError(_("{path} is damaged: {value}").format(
                                path=path, value=report.problems[0]))
    return BackupReport(path, manifest.rows, len(manifest.photos), manifest.missing_photos,
                        manifest.changed_photos)


def _verify_without_manifest(path: Path, key: DatabaseKey | None) -> BackupReport:
    key = key_for(path, key)
    report = check_database(path, key)
    if not report.ok:
        raise DatabaseError(_("{path} is damaged: {value}").format(
                                path=path, value=report.problems[0]))
    names = _photo_names(path, key)
    _refuse_missing_or_changed(path, names)
    with closing(_ro(path, key)) as conn:
        return BackupReport(path, _counts(conn), len(names))


def key_for(path: Path, key: DatabaseKey | None) -> DatabaseKey | None:
    """``key`` for an encrypted ``path`` whose key file it matches; None for a plain one."""
    if inspect_file(path).kind is not FileKind.ENCRYPTED:
        return None
    try:
        keys = KeyFile.read(key_file_of(path))
    except KeyFileError as e:
        raise DatabaseError(_("{path} cannot be read: {e}").format(path=path, e=e)) from None
    if key is None or not keys.is_key(key):
        raise DatabaseError(_("{path} is encrypted with another clinic's key; it opens with a "
                              "password valid when it was made, or that clinic's recovery "
                              "key").format(path=path))
    return key


def _refuse_missing_or_changed(path: Path, photos: Iterable[tuple[str, str]]) -> None:
    """DatabaseError unless every (file name, checksum) is in ``path``'s photo folder."""
    folder = photo_folder_of(path)
    for name, digest in photos:
        file = folder / name
        if not file.is_file() or file_sha256(file) != digest:
            raise DatabaseError(_("{path} is damaged: photo {name} is missing or changed").format(
                                    path=path, name=name))


_PAGES_A_STEP = 4096  # pages copied between two progress reports: 16 MB of 4 KB pages


def backup_database(source: Path, target: Path, *, key: DatabaseKey | None = None,
                    made_by: str = "", now: datetime | None = None,
                    progress: Progress = no_progress) -> BackupReport:
    """Copy ``source`` (open or not, even while others write; never changed) to the
    backup set ``target``, write its manifest, and verify it. A photo missing from the
    clinic does not stop the backup: the manifest and the report name it. An encrypted
    ``source`` is read with ``key`` and copied encrypted, with its key file."""
    source, target = Path(source), Path(target)
    if inspect_file(source).kind not in (FileKind.MESOLOG, FileKind.ENCRYPTED):
        raise DatabaseError(_("no Mesolog database at {source}").format(source=source))
    key = key_for(source, key)

    def copy(partial: Path) -> CopiedPhotos:
        new_file(partial)  # the owner's alone from its first byte
        if key is not None:
            copy_private_file(key_file_of(source), key_file_of(partial))
        with closing(_ro(source, key)) as src, \
                closing(sqlite_files.connect(partial, key)) as dst:
            src.backup(dst, pages=_PAGES_A_STEP, progress=lambda _status, left, total:
                       progress(total - left, total, "copying the database"))
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        progress(1, 1, "checking the copy")
        made = check_database(partial, key)
        if not made.ok:
            raise DatabaseError(_("{source} is damaged, so no backup was made: {value}").format(
                                    source=source, value=made.problems[0]))
        return _copy_photos(source, partial, key)
    return make_backup_set(target, copy, key=key, made_by=made_by, now=now)


# What a set's photo folder received: (file name → checksum; missing from the clinic;
# no longer matching the checksum recorded when it was attached)
CopiedPhotos = tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]


def make_backup_set(target: Path, copy: Callable[[Path], CopiedPhotos], *,
                    key: DatabaseKey | None, made_by: str, now: datetime | None
                    ) -> BackupReport:
    """The backup set ``target``, whole or not at all: ``copy`` writes the database copy
    (and its key file, and photos) under a temporary name it is given; then the manifest
    is written, the parts renamed into place, and the set verified."""
    if any(part.exists() for part in _set_files(target)):
        raise DatabaseError(_("{target} already exists; choose a new name for the backup").format(
                                target=target))
    if not target.parent.is_dir():
        raise DatabaseError(_("folder {parent} does not exist").format(parent=target.parent))
    partial = target.with_name(f".{target.name}.partial")
    _remove_set(partial)
    try:
        photos, missing, changed = copy(partial)
        with closing(_ro(partial, key)) as conn:
            rows = _counts(conn)
            schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        manifest = Manifest((now or datetime.now()).isoformat(timespec="seconds"), made_by,
                            schema, file_sha256(partial), partial.stat().st_size, rows,
                            photos, missing, changed,
                            file_sha256(key_file_of(partial)) if key is not None else None)
        write_private(manifest_of(partial), manifest.text().encode("utf-8"))
        for old, new in zip(_set_files(partial), _set_files(target), strict=True):
            if old.exists():
                old.rename(new)  # the database copy last: it alone makes the set exist
    except (OSError, sqlite_files.Error) as e:
        _remove_set(partial)
        raise DatabaseError(could_not_write("The backup", target.parent, e)) from None
    except BaseException:
        _remove_set(partial)
        raise
    return verify_backup(target, key)


def _remove_set(db_path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):  # a failed write leaves its journal
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(photo_folder_of(db_path), ignore_errors=True)
    manifest_of(db_path).unlink(missing_ok=True)
    key_file_of(db_path).unlink(missing_ok=True)


def _copy_photos(source_db: Path, target_db: Path, key: DatabaseKey | None
                 ) -> CopiedPhotos:
    """Copy the photos ``target_db`` lists from ``source_db``'s folder: (what was copied,
    with checksums; what was missing; what no longer matched its recorded checksum)."""
    copied: dict[str, str] = {}
    missing, changed = [], []
    src, dst = photo_folder_of(source_db), photo_folder_of(target_db)
    for name, recorded in _photo_names(target_db, key):
        original = src / name
        if not original.is_file():
            missing.append(name)
            continue
        private_folder(dst)
        private_folder((dst / name).parent)
        copy_private_file(original, dst / name)
        copied[name] = file_sha256(dst / name)
        if copied[name] != recorded:
            changed.append(name)
    return copied, tuple(missing), tuple(changed)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def restore_database(backup: Path, db_path: Path, now: datetime | None = None,
                     key: DatabaseKey | None = None) -> Path | None:
    """Replace ``db_path`` by the checked backup set ``backup``, whatever state the live
    files are in (damaged, empty, missing): they are moved aside, never deleted.

    Returns where the replaced database now is (None if there was none). Every
    connection to ``db_path`` must be closed first: the files are replaced, not
    rewritten in place.
    """
    backup, db_path = Path(backup), Path(db_path)
    if _same_file(backup, db_path):
        raise DatabaseError(_("{backup} is the database itself; choose a backup to restore").format(
                                backup=backup))
    report = verify_backup(backup, key)
    key = key_for(backup, key)
    partial = db_path.with_name(f".{db_path.name}.restoring")
    _remove_set(partial)
    try:
        copy_private_file(backup, partial)
        if key is not None:
            copy_private_file(key_file_of(backup), key_file_of(partial))
        _copy_photos(backup, partial, key)  # verified above: each one whole
    except OSError as e:
        _remove_set(partial)
        raise DatabaseError(could_not_write("The restored database", db_path.parent, e)
                            ) from None
    except BaseException:
        _remove_set(partial)
        raise
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    kept = None
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):
        live = Path(f"{db_path}{suffix}")
        if live.exists():
            live.rename(f"{aside}{suffix}")
            kept = aside
    if photo_folder_of(db_path).exists():
        photo_folder_of(db_path).rename(photo_folder_of(aside))
        kept = aside
    if photo_folder_of(partial).exists():
        photo_folder_of(partial).rename(photo_folder_of(db_path))
    if key_file_of(partial).exists():
        key_file_of(partial).rename(key_file_of(db_path))
    partial.rename(db_path)
    result = check_database(db_path, key)
    if not result.ok or _counts_of(db_path, key) != report.rows:
        where = ("; " + _("the database it replaced is kept as {copy}").format(copy=kept)
                 if kept else "")
        raise DatabaseError(_("the restored {db_path} does not check out ({value}){where}").format(
            db_path=db_path, value=(result.problems or [_("record counts differ")])[0],
            where=where))
    return kept


def _counts_of(path: Path, key: DatabaseKey | None) -> dict[str, int]:
    with closing(_ro(path, key)) as conn:
        return _counts(conn)


def copy_private_file(source: Path, target: Path) -> None:
    """Copy to ``target`` (a new file, the owner's alone) and flush it to disk."""
    new_file(target)
    with source.open("rb") as src, target.open("r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


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


def automatic_backup(db_path: Path, folder: Path, now: datetime, *,
                     key: DatabaseKey | None = None, made_by: str = "",
                     progress: Progress = no_progress) -> BackupReport | None:
    """Today's backup into ``folder`` if none was taken today; then the rotation."""
    private_folder(folder)
    existing = automatic_backups(folder, db_path)
    if not due(max(existing, default=None), now):
        return None
    target = folder / f"{AUTO_PREFIX}{db_path.stem}-{now.strftime(_STAMP)}.sqlite"
    report = backup_database(db_path, target, key=key, made_by=made_by, now=now,
                             progress=progress)
    existing[now] = target
    keep = backups_to_keep(list(existing))
    for moment, path in existing.items():
        if moment not in keep:
            _remove_set(path)
    return report
