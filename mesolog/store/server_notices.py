"""What another desk saved, heard from a PostgreSQL server as it is committed: every
write transaction on a server sends a notification (Database.transaction), and each
window listens on a connection of its own, woken at once instead of polling.

The notification says only "something changed": the window then reads the audit trail
past the last entry it saw (ui/common/change_notices.py), as it does for a file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg

from mesolog.store.server import NOTICE_CHANNEL as CHANNEL

RECONNECT_S = 2.0  # a server restarting or a cable pulled: tried again this often


class ServerListener:
    """Calls ``heard`` (on its own thread) after each change committed on the server at
    ``conninfo``, and once after a lost connection is made again (what was committed
    meanwhile is then read), until ``stop``."""

    def __init__(self, conninfo: str, heard: Callable[[], None]):
        self._conninfo = conninfo
        self._heard = heard
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="server notices",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)

    def _listen(self) -> None:
        lost = False
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True,
                                     connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if lost:
                        self._heard()
                    while not self._stopping.is_set():
                        # a second at a time, so that stop() is answered soon
                        for _notice in conn.notifies(timeout=1.0, stop_after=1):
                            self._heard()
            except psycopg.Error:
                lost = True
                self._stopping.wait(RECONNECT_S)
