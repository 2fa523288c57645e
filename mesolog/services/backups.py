"""Backups and restores, as the actor's role allows them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mesolog.domain.permissions import Action
from mesolog.domain.progress import Progress, no_progress
from mesolog.store.backup import BackupReport, automatic_backup, backup_database, restore_database
from mesolog.store.database import Database


class BackupService:
    def __init__(self, db: Database):
        self._db = db

    def back_up(self, target: Path, progress: Progress = no_progress) -> BackupReport:
        """A checked copy of the database and its photos at ``target`` (a new file)."""
        actor = self._db.require(Action.BACKUP)
        return backup_database(self._db.path, target, key=self._db.key, made_by=actor.name,
                               progress=progress)

    def automatic(self, folder: Path, now: datetime,
                  progress: Progress = no_progress) -> BackupReport | None:
        """Today's backup into ``folder`` unless one was made today (at closing)."""
        actor = self._db.require(Action.BACKUP)
        return automatic_backup(self._db.path, folder, now, key=self._db.key, made_by=actor.name,
                                progress=progress)

    def restore(self, backup: Path) -> Path | None:
        """Replace the database by the checked ``backup``; where the replaced one is kept.
        The database is closed first (for every view of it): reopen it afterwards."""
        self._db.require(Action.RESTORE)
        self._db.close()  # no connection of ours may write while the file is replaced
        return restore_database(backup, self._db.path, key=self._db.key)
