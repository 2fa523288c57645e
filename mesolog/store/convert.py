"""A plain Mesolog database made encrypted: a verified encrypted copy put in its place,
the plain file kept aside, whole, until its owner deletes it.

The copy is written under a temporary name beside the database by SQLCipher's own
export, its photos sealed into a temporary folder, and every row of every table
compared with the plain file before anything is renamed. A failure (a full disk, a
killed process) before the renames leaves the plain database exactly as it was and
only temporary files, which the next try removes. The renames come last: the key
file first (harmless beside a plain file), then the plain database and its photos
aside, then the encrypted ones in their place.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from itertools import zip_longest
from pathlib import Path

from mesolog.domain.photo import file_sha256, photo_folder_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.store import sqlite_files
from mesolog.store.database_files import APPLICATION_ID, FileKind, inspect_file
from mesolog.store.errors import DatabaseError
from mesolog.store.keys import DatabaseKey, KeyFile, RecoveryKey, key_file_of
from mesolog.store.photo_files import stored_photo
from mesolog.store.private import new_file, private_folder, write_private
from mesolog.store.sealed_files import unseal

_BUILDING = ".encrypting"


@dataclass(frozen=True)
class Converted:
    recovery: RecoveryKey
    plain_copy: Path  # the plain database, kept aside (its photos beside it)
    photos_sealed: int
    photos_left_plain: tuple[str, ...]  # missing or changed since attached: left as found


def aside_name(path: Path, now: datetime) -> Path:
    return path.with_name(f"{path.stem}-plain-{now:%Y%m%d-%H%M%S}{path.suffix}")


def encrypt_database(path: Path, lock_for: Callable[[KeyFile, DatabaseKey], None],
                     now: datetime, progress: Progress = no_progress) -> Converted:
    """Encrypt the plain Mesolog database at ``path`` (closed by every connection, its
    schema up to date); ``lock_for`` writes the first key slots. The caller checked who
    may do this."""
    if inspect_file(path).kind is not FileKind.MESOLOG:
        raise DatabaseError(_("{path} is not a plain Mesolog database").format(path=path))
    building = path.with_name(path.name + _BUILDING)
    _remove_building(building)
    aside = aside_name(path, now)
    if aside.exists() or photo_folder_of(aside).exists():
        raise DatabaseError(_("{name} exists already; try again in a second").format(
                                name=aside.name))
    recovery = RecoveryKey.new()
    key = recovery.database_key()
    try:
        progress(0, 3, "steps")
        _export(path, building, key)
        progress(1, 3, "steps")
        sealed, left_plain = _seal_photos(path, building, key)
        progress(2, 3, "steps")
        _verify(path, building, key)
        keys = KeyFile.new(recovery)
        lock_for(keys, key)
        keys.write(key_file_of(building))
        progress(3, 3, "steps")
    except BaseException:
        _remove_building(building)
        raise
    _put_in_place(path, building, aside)
    return Converted(recovery, aside, sealed, left_plain)


def _export(plain: Path, target: Path, key: DatabaseKey) -> None:
    new_file(target)
    with closing(sqlite_files.connect(plain, isolation_level=None, timeout=30)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the plain file whole by itself
        conn.execute(f"ATTACH DATABASE ? AS copy KEY \"x'{key.raw.hex()}'\"", (str(target),))
        conn.execute("BEGIN IMMEDIATE")  # nobody writes while it is copied
        try:
            conn.execute("SELECT sqlcipher_export('copy')")
            # the export copies schema and rows, not the header's application id
            conn.execute(f"PRAGMA copy.application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA copy.journal_mode = WAL")
        conn.execute("DETACH DATABASE copy")


def _seal_photos(plain: Path, target: Path, key: DatabaseKey) -> tuple[int, tuple[str, ...]]:
    """Seal each photo whose file is whole into ``target``'s photo folder and point its
    row at the sealed file; a missing or changed one keeps its row and, if there, its
    file as found (check and backup go on naming it)."""
    source_folder, target_folder = photo_folder_of(plain), photo_folder_of(target)
    sealed, left_plain = 0, []
    with closing(sqlite_files.connect(target, key, isolation_level=None)) as conn:
        rows = conn.execute("SELECT id, patient_id, file_name, sha256 FROM photo").fetchall()
        conn.execute("BEGIN")
        for photo_id, patient_id, name, digest in rows:
            source = source_folder / name
            data = source.read_bytes() if source.is_file() else None
            private_folder(target_folder)
            if data is None or hashlib.sha256(data).hexdigest() != digest:
                left_plain.append(name)
                if data is not None:
                    private_folder((target_folder / name).parent)
                    write_private(target_folder / name, data)
                continue
            stored = stored_photo(data, Path(name).suffix, patient_id, key)
            private_folder((target_folder / stored.name).parent)
            write_private(target_folder / stored.name, stored.data)
            conn.execute("UPDATE photo SET file_name = ?, sha256 = ? WHERE id = ?",
                         (stored.name, stored.sha256, photo_id))
            sealed += 1
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sealed, tuple(left_plain)


def _verify(plain: Path, target: Path, key: DatabaseKey) -> None:
    """Every row of every table the same in both files, read side by side a batch at a
    time (a large clinic is never held in memory whole); a photo's file name and
    checksum aside, its sealed file checked to open to the very same picture; and every
    page of the encrypted copy authenticated."""
    with closing(sqlite_files.connect(plain)) as before, \
            closing(sqlite_files.connect(target, key)) as after:
        tables = _tables(before)
        if tables != _tables(after):
            raise DatabaseError(_("the encrypted copy's tables differ from {name}'s; nothing was "
                                  "changed").format(name=plain.name))
        different = [table for table, order in tables if table != "photo"
                     and not _same_rows(before, after, f'SELECT * FROM "{table}" {order}')]
        if different:
            raise DatabaseError(_("the encrypted copy differs from {name} in {value}; nothing was "
                                  "changed").format(name=plain.name, value=', '.join(different)))
        if after.execute("PRAGMA cipher_integrity_check").fetchall():
            raise DatabaseError(_("the encrypted copy fails its own check; nothing was changed"))
        if any(table == "photo" for table, _ in tables):
            _same_photos(plain, target, key, before, after)


def _tables(conn: sqlite_files.Connection) -> list[tuple[str, str]]:
    """(name, ORDER BY clause) of every table that holds rows (not the virtual ones)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql "
                        "NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    # a WITHOUT ROWID table is read in its primary key's order by itself
    return [(name, "" if "WITHOUT ROWID" in sql.upper() else "ORDER BY rowid")
            for name, sql in rows]


def _same_rows(before: sqlite_files.Connection, after: sqlite_files.Connection, sql: str,
               batch: int = 5000) -> bool:
    old, new = before.execute(sql), after.execute(sql)
    while True:
        a, b = old.fetchmany(batch), new.fetchmany(batch)
        if a != b:
            return False
        if not a:
            return True


def _same_photos(plain: Path, target: Path, key: DatabaseKey,
                 before: sqlite_files.Connection, after: sqlite_files.Connection) -> None:
    columns = [row[1] for row in before.execute("PRAGMA table_info(photo)")]
    name_at, digest_at = columns.index("file_name"), columns.index("sha256")
    kept = [i for i in range(len(columns)) if i not in (name_at, digest_at)]
    photo_key = key.photo_key()
    old, new = (conn.execute("SELECT * FROM photo ORDER BY rowid") for conn in (before, after))
    for was, row in zip_longest(old, new):
        if was is None or row is None or [row[i] for i in kept] != [was[i] for i in kept]:
            raise DatabaseError(_("a photo's record differs in the encrypted copy; nothing "
                                "was changed"))
        if row[name_at] == was[name_at]:
            continue  # left as found
        stored = photo_folder_of(target) / row[name_at]
        picture = (photo_folder_of(plain) / was[name_at]).read_bytes()
        if file_sha256(stored) != row[digest_at] or unseal(stored.read_bytes(),
                                                           photo_key) != picture:
            raise DatabaseError(_("photo {value} did not seal whole; nothing was changed").format(
                                    value=row[0]))


def _put_in_place(path: Path, building: Path, aside: Path) -> None:
    key_file_of(building).replace(key_file_of(path))  # ignored beside a plain file
    if Path(f"{path}-wal").exists():  # checkpointed, but the plain copy keeps all it had
        Path(f"{path}-wal").rename(Path(f"{aside}-wal"))
    Path(f"{path}-shm").unlink(missing_ok=True)  # an index SQLite makes again
    if photo_folder_of(path).exists():
        photo_folder_of(path).rename(photo_folder_of(aside))
    path.rename(aside)
    Path(f"{building}-shm").unlink(missing_ok=True)
    if Path(f"{building}-wal").exists():  # checkpointed: empty, but it goes along all the same
        Path(f"{building}-wal").rename(Path(f"{path}-wal"))
    building.rename(path)
    if photo_folder_of(building).exists():
        photo_folder_of(building).rename(photo_folder_of(path))


def _remove_building(building: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    key_file_of(building).unlink(missing_ok=True)
    shutil.rmtree(photo_folder_of(building), ignore_errors=True)
