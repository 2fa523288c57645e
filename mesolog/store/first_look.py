"""What the start needs to know before the database layer is loaded: whether anyone
can log in to a file. Read-only, with the key file's JSON for an encrypted file and the
driver alone for a plain one, so the login is on screen before SQLAlchemy (about half a
second to import) and the window are.

The driver is SQLCipher's build of SQLite, as everywhere in Mesolog, never the
``sqlite3`` module: two SQLite libraries in one process do not see each other's locks,
and one closing the file can pull the write-ahead log from under the other."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

# The same rule as AccountService.has_accounts: an active account with a password (in
# words both SQLite and a PostgreSQL server read alike).
HAS_ACCOUNTS_SQL = ("SELECT EXISTS (SELECT 1 FROM practitioner "
                    "WHERE password_hash IS NOT NULL AND active)")
_SQLITE_MAGIC = b"SQLite format 3\x00"


def has_accounts(path: Path) -> bool | None:
    """True if someone can log in to ``path``; False if nobody can (no file, no
    accounts yet); None if it cannot be told here (not a database, locked, damaged),
    for opening it properly to explain."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as f:
            plain = f.read(16) == _SQLITE_MAGIC
        if not plain:  # encrypted: an account is a slot in the key file (store/keys.py)
            keys = json.loads(path.with_name(path.name + ".keys").read_text("utf-8"))
            return bool(keys["slots"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _plain_has_accounts(path)


def _plain_has_accounts(path: Path) -> bool | None:
    import sqlcipher3  # only for a plain file: an encrypted one's start does without it

    try:
        with closing(sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                        timeout=0.2)) as conn:
            return bool(conn.execute(HAS_ACCOUNTS_SQL).fetchone()[0])
    except sqlcipher3.Error:
        return None
