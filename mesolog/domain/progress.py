"""Long work that says how far it is and can be stopped.

A service doing long work (the demo clinic, a backup, later an import) takes a
``Progress`` callback and calls it as it counts what it does. The caller's callback
may raise ``Cancelled`` to stop it: the work's transaction then rolls back like on
any error, and the service removes what it had begun.
"""

from __future__ import annotations

from collections.abc import Callable

# done, of total, and what is being done ("patients", "pages")
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person asked the work to stop; nothing of it was kept."""


def no_progress(_done: int, _total: int, _what: str) -> None:
    """For callers who do not follow the work."""
