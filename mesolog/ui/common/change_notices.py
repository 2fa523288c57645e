"""The window's one way to hear what changed: every committed change of the open
database (on any thread), and, by polling SQLite's data_version, changes made by
another process on the same file. Lists and panels connect to ``changed`` and
refresh what they show when it is touched; no widget refreshes another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mesolog.store.changes import ANYTHING, Changes

if TYPE_CHECKING:
    from mesolog.store.database import Database

POLL_MS = 1500  # how soon a change made by another program on the file is seen


class ChangeNotices(QObject):
    changed = Signal(object)  # Changes, always on the window's thread
    _committed = Signal(object)  # from whichever thread committed

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._attached = True
        self._version = db.data_version()
        self._committed.connect(self._relay)
        db.on_change(self._committed.emit)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.look_elsewhere)
        self.poll.start()

    def detach(self) -> None:
        """The window let go of this database: nothing more is said of it."""
        self._attached = False
        self.poll.stop()

    def _relay(self, changes: Changes) -> None:
        if not self._attached:
            return
        # our own commits move data_version too; they are said here, not as "elsewhere"
        self._version = self._db.data_version()
        self.changed.emit(changes)

    def look_elsewhere(self) -> None:
        if not self._attached or self._db.closed:  # closed: nothing to look at, until
            return                                # the window opens the file again
        version = self._db.data_version()
        if version != self._version:
            self._version = version
            self.changed.emit(ANYTHING)
