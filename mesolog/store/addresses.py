"""Whether ``--db`` names a server or a file: told without loading SQLAlchemy, which
the command line imports only once the window is on screen."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(target: object) -> bool:
    """Whether ``target`` names a database server rather than a file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


PASSWORD_REFUSED = ("a server address must not hold a password: put it in your pgpass file "
                    "(~/.pgpass, or %APPDATA%\\postgresql\\pgpass.conf on Windows) or a "
                    "service file, where PostgreSQL reads it")


def holds_password(address: str) -> bool:
    """Whether a server ``address`` carries a password, which Mesolog never takes: it
    would end up in settings, shell histories and window titles."""
    try:
        return urlsplit(address).password is not None
    except ValueError:  # a malformed address: told as such where it is parsed
        return False


def shown_name(target: Path | str) -> str:
    """The database as a message or a title names it: a file by its name, a server by
    its address (which holds no password: store/server.py refuses one)."""
    return target if isinstance(target, str) else target.name


# What takes the place of each file-only piece of work on a server.
ON_A_SERVER = {
    "encrypt": "the server's disk and its connections (sslmode) are protected by its "
               "administrator",
    "recover": "it has no recovery key; another administrator sets a new password "
               "(Clinic > Accounts > Reset Password)",
    "replace": "its records are never replaced; restore the backup into a new, empty "
               "database (mesolog restore --db postgresql://…/new)",
    "automatic backup": "each desk would make its own; back it up from one place with "
                        "mesolog backup on a schedule",
}


def only_for_files(what: str, server: str, instead: str) -> str:
    """Why ``what`` is refused on the records at ``server``, and what to do
    ``instead`` (one of ON_A_SERVER)."""
    return f"{what} is for a database file; {server} is on a server: {ON_A_SERVER[instead]}"
