"""Whether ``--db`` names a server or a file: told without loading SQLAlchemy, which
the command line imports only once the window is on screen."""

from __future__ import annotations

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(target: object) -> bool:
    """Whether ``target`` names a database server rather than a file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)
