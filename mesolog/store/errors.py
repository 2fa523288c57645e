"""What can be wrong with a database file, in words for the practitioner.

Kept apart from the database module so the command line can name these errors
before it loads SQLAlchemy (the window is on screen first).
"""

from __future__ import annotations


class DatabaseError(Exception):
    """A database file cannot be used; the message is for the practitioner."""


class NotAMesologDatabase(DatabaseError):
    pass


class SchemaTooNew(DatabaseError):
    pass


class ServerUnreachable(DatabaseError):
    """The server cannot be reached now (stopped, restarting, a cable pulled): nothing
    was read or written; the next try connects again."""

    def __init__(self, server: str, error: BaseException):
        super().__init__(f"The connection to {server} is lost ({first_line(error)}). "
                         "Nothing you have not saved is lost: it stays in the window. "
                         "Mesolog connects again by itself; save once it has.")


class Locked(DatabaseError):
    """An encrypted database nobody has unlocked: nothing of it can be read yet."""


def first_line(error: BaseException) -> str:
    """The first line of a driver's message (libpq's go on with hints and context)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
