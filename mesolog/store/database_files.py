"""What a Mesolog database file is, told before the database layer uses it.

A file is recognised before SQLite writes a byte to it: the SQLite header must carry
Mesolog's application id, and the schema revision must be one this version knows.
Anything else is refused and left untouched. An encrypted file is known as Mesolog's
by its key file until a key opens it.
"""

from __future__ import annotations

import os
import shutil
from contextlib import closing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from mesolog.domain.photo import photo_folder_of
from mesolog.domain.translation import _
from mesolog.store import sqlite_files
from mesolog.store.errors import DatabaseError, NotAMesologDatabase, SchemaTooNew
from mesolog.store.keys import (
    DatabaseKey,
    KeyFile,
    KeyFileError,
    RecoveryKey,
    WrongRecoveryKey,
    key_file_of,
)
from mesolog.store.private import new_file

APPLICATION_ID = 0x4D45534F  # "MESO" in the SQLite header (PRAGMA application_id)
# Revisions of mesolog/store/migrations/versions, oldest first; a test keeps
# this list equal to Alembic's, so start-up need not import Alembic to know it.
READER_CACHE_MB = 64
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                   "0009", "0010", "0011", "0012", "0013", "0014", "0015",
                   "0016")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 5000

_SQLITE_MAGIC = b"SQLite format 3\x00"


class FileKind(Enum):
    MISSING = "missing"
    EMPTY = "empty"
    MESOLOG = "mesolog"
    ENCRYPTED = "encrypted"  # Mesolog's, as far as can be told before it is unlocked


@dataclass(frozen=True)
class FileState:
    kind: FileKind
    revision: str | None = None

    @property
    def is_new(self) -> bool:
        return self.kind in (FileKind.MISSING, FileKind.EMPTY)


def inspect_file(path: Path) -> FileState:
    """What is at ``path``, read without letting SQLite modify anything."""
    if not path.exists():
        return FileState(FileKind.MISSING)
    if path.is_dir():
        raise DatabaseError(_("{path} is a folder, not a database file").format(path=path))
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise DatabaseError(_("cannot read {path}: {strerror}").format(
                                path=path, strerror=e.strerror)) from None
    if not header:
        return FileState(FileKind.EMPTY)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        if key_file_of(path).exists():
            return FileState(FileKind.ENCRYPTED)
        raise NotAMesologDatabase(
            _("{path} is not a database file (or it is an encrypted Mesolog database whose key "
              "file {name} is missing: open it with its recovery key, mesolog recover)").format(
                path=path, name=key_file_of(path).name))
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAMesologDatabase(_("{path} is an SQLite database of another program, not a "
                                    "Mesolog database").format(path=path))
    return FileState(FileKind.MESOLOG, known(path, read_revision(path)))


def writable(path: Path) -> bool:
    """Whether SQLite can write ``path`` and, beside it, its -wal and -shm files."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing a byte anywhere. On a file or folder
    that cannot be written (a read-only disk) SQLite cannot keep its -shm file, so the
    file is read as it stands (immutable)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if writable(path) else f"{uri}&immutable=1"


def read_revision(path: Path, key: DatabaseKey | None = None) -> str | None:
    """The schema revision of ``path`` (None: no schema yet); of an encrypted file, with
    its ``key``, which also proves to be Mesolog's by its application id."""
    uri = read_only_uri(path)
    try:
        with closing(sqlite_files.connect(uri, key, uri=True,
                                          timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            if key is not None and conn.execute(
                    "PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise NotAMesologDatabase(_("{path} is an encrypted database of another program, "
                                            "not a Mesolog database").format(path=path))
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite_files.DatabaseError as e:
        raise NotAMesologDatabase(_("{path} cannot be read as a database ({e})").format(
                                      path=path, e=e)) from None
    return row[0] if row else None


def recovered_key(path: Path, recovery: RecoveryKey) -> tuple[DatabaseKey, bool]:
    """The database key ``recovery`` gives for the encrypted file at ``path``, and
    whether its key file could be read (if not, the key was checked against the
    database itself). WrongRecoveryKey when it opens neither."""
    try:
        return KeyFile.read(key_file_of(path)).key_from_recovery(recovery), True
    except KeyFileError:
        key = recovery.database_key()
        try:
            read_revision(path, key)
        except NotAMesologDatabase:
            raise WrongRecoveryKey(_("That recovery key does not open this database; check "
                                   "each group.")) from None
        return key, False


def known(path: Path, revision: str | None) -> str:
    """``revision``, if this version knows it (a plain file with Mesolog's header and no
    schema is not one Mesolog finished making)."""
    if revision not in KNOWN_REVISIONS:
        raise SchemaTooNew(
            _("{path} was written by a newer Mesolog (schema {revision}, this version knows up to "
              "{SCHEMA_HEAD}); update Mesolog to open it").format(
                path=path, revision=revision, SCHEMA_HEAD=SCHEMA_HEAD)
        )
    return revision


def create_file(path: Path, key: DatabaseKey | None) -> None:
    """Stamp a new file as Mesolog's before it switches to WAL (encrypted with ``key``).

    The application id is written while the journal is still a rollback
    journal, so the main file's header carries it from the first commit.
    """
    new_file(path)  # 0600: SQLite gives its -wal and -shm files the same mode
    with closing(sqlite_files.connect(path, key, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")


def remove_clinic(path: Path) -> None:
    """A clinic this process made and could not finish (a demo, an import): its database
    files, key file and photos."""
    remove_database_files(path)
    shutil.rmtree(photo_folder_of(path), ignore_errors=True)


def remove_database_files(path: Path) -> None:
    """Only for a file this process has just made and failed to finish."""
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
