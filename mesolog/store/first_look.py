"""What the start needs to know before the database layer is loaded: whether anyone
can log in to a file. Plain ``sqlite3``, read-only, so the login is on screen before
SQLAlchemy (about half a second to import) and the window are."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

# The same rule as AccountService.has_accounts: an active account with a password.
HAS_ACCOUNTS_SQL = ("SELECT EXISTS (SELECT 1 FROM practitioner "
                    "WHERE password_hash IS NOT NULL AND active = 1)")


def has_accounts(path: Path) -> bool | None:
    """True if someone can log in to ``path``; False if nobody can (no file, no
    accounts yet); None if it cannot be told here (not a database, locked, damaged),
    for opening it properly to explain."""
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=0.2)) as conn:
            return bool(conn.execute(HAS_ACCOUNTS_SQL).fetchone()[0])
    except sqlite3.Error:
        return None
