"""The window's one way to hear what changed: every committed change of the open
database (on any thread), and, by reading the audit trail past the last entry seen,
changes made by another process on the same file, with what they touched. Lists and
panels connect to ``changed`` and refresh what they show when it is touched; no
widget refreshes another.

The window's own entries are known by their ids and skipped when read back, so a
change by another program committed right after one of ours is still told (polling
SQLite's data_version could not tell the two apart within one poll).

On a server, a read that finds the connection lost says so once (``reachable``) and
the poll then tries again every few seconds; once it reads again, it says so and
tells everything may have changed meanwhile (lists and panels read again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mesolog.store.changes import ANYTHING, Changes
from mesolog.store.errors import ServerUnreachable

if TYPE_CHECKING:
    from mesolog.store.database import Database

POLL_MS = 1500  # how soon a change made by another program on the file is seen
# on a server each change is heard as it is committed; the poll is only a safety net
SERVER_POLL_MS = 15_000
RECONNECT_MS = 2_000  # while a server cannot be reached: how often it is tried again


class ChangeNotices(QObject):
    changed = Signal(object)  # Changes, always on the window's thread
    _committed = Signal(object)  # from whichever thread committed
    _heard = Signal()  # a server's notice, from the listening thread
    # False and why when the server cannot be reached; True once it is read again
    reachable = Signal(bool, str)
    _lost = Signal(object)  # ServerUnreachable, from whichever thread found it

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._attached = True
        self._seen = db.last_audit_id()
        self.lost = False  # the server could not be reached at the last look
        self._own: set[int] = set()  # ids of our entries not yet read back by a poll
        self._committed.connect(self._relay)
        db.on_change(self._committed.emit)
        self.poll = QTimer(self)
        self.poll.setInterval(SERVER_POLL_MS if db.on_server else POLL_MS)
        self.poll.timeout.connect(self.look_elsewhere)
        self.poll.start()
        self._heard.connect(self.look_elsewhere)  # queued: read on the window's thread
        self._stop_listening = db.listen_to_server(self._heard.emit)
        self._lost.connect(self.connection_lost)
        db.on_connection_lost(self._lost.emit)

    def detach(self) -> None:
        """The window let go of this database: nothing more is said of it."""
        self._attached = False
        self.poll.stop()
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None

    def connection_lost(self, error: ServerUnreachable) -> None:
        """The server could not be reached (here, or by any read of the window): said
        once, and tried again soon until it is."""
        if not self._attached:
            return
        self.poll.setInterval(RECONNECT_MS)
        if not self.lost:
            self.lost = True
            self.reachable.emit(False, str(error))

    def _relay(self, changes: Changes) -> None:
        if not self._attached:
            return
        self._own.update(changes.audit_ids)
        self.changed.emit(changes)

    def look_elsewhere(self) -> None:
        if not self._attached or self._db.closed:  # closed: nothing to look at, until
            return                                # the window opens the file again
        try:
            entries = self._db.audit_entries_after(self._seen)
        except ServerUnreachable as e:
            self.connection_lost(e)
            return
        if self.lost:
            self.lost = False
            self.poll.setInterval(SERVER_POLL_MS)
            self.reachable.emit(True, "")
            self.changed.emit(ANYTHING)  # what was committed meanwhile, read again
        if not entries:
            return
        self._seen = entries[-1][0]
        # an entry of ours read before its notice was relayed is told twice, never missed
        theirs = {(table, patient) for entry_id, table, patient in entries
                  if entry_id not in self._own}
        self._own = {entry_id for entry_id in self._own if entry_id > self._seen}
        if theirs:
            self.changed.emit(Changes.of(theirs, by_another=True))
