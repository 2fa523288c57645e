"""The one SQLite driver Mesolog opens files with: SQLCipher's build of SQLite
(``sqlcipher3``), for encrypted and plain files alike, so a file's errors are of one
kind whichever it is. Without a key it reads and writes plain SQLite files.

Nothing in the process may open a Mesolog file with the ``sqlite3`` module as well: two
SQLite libraries in one process do not see each other's POSIX locks, and the last
connection of one closing checkpoints and removes the write-ahead log the other is
still reading ("database disk image is malformed"; sqlite.org, How To Corrupt, 2.2)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3 as driver

if TYPE_CHECKING:
    from mesolog.store.keys import DatabaseKey

Connection = driver.Connection
Error = driver.Error
DatabaseError = driver.DatabaseError
OperationalError = driver.OperationalError


def connect(target: Path | str, key: DatabaseKey | None = None, *, uri: bool = False,
            timeout: float = 5.0, isolation_level: str | None = "") -> Connection:
    """A connection to ``target`` (a path, or a URI with ``uri``), keyed with ``key``
    first when the file is encrypted; usable from any thread (one at a time)."""
    conn = driver.connect(os.fspath(target) if not uri else target, uri=uri, timeout=timeout,
                          check_same_thread=False, isolation_level=isolation_level)
    if key is not None:
        # a wrong key or a changed page is told in words by whoever asked (check, the
        # login); SQLCipher's own log would add a line of its own to stderr
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key.pragma)  # before anything else reads the file
        # SQLCipher wipes and locks every buffer it frees unless told not to: that made a
        # one-letter search 1.8× slower than plain (bench_encryption.py); the keys it
        # would protect are in this process's memory anyway while the clinic is open
        conn.execute("PRAGMA cipher_memory_security = OFF")
    return conn
