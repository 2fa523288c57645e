"""Whether ``--db`` names a server or a file: told without loading SQLAlchemy, which
the command line imports only once the window is on screen."""

from __future__ import annotations

from pathlib import Path

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(target: object) -> bool:
    """Whether ``target`` names a database server rather than a file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def shown_name(target: Path | str) -> str:
    """The database as a message or a title names it: a file by its name, a server by
    its address (which holds no password: store/server.py refuses one)."""
    return target if isinstance(target, str) else target.name


def only_for_files(what: str, server: str) -> str:
    """Why ``what`` is refused on the records at ``server``."""
    return (f"{what} is for a database file; {server} is on a server, which its "
            "administrator backs up and checks with PostgreSQL's own tools (pg_dump, "
            "pg_amcheck)")
