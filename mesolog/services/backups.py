"""The database file as a whole: backups, restores and encryption, as the actor's
role allows them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from mesolog.domain.permissions import Action
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.services.accounts import AccountService
from mesolog.store import models
from mesolog.store.addresses import only_for_files
from mesolog.store.backup import BackupReport, automatic_backup, backup_database, restore_database
from mesolog.store.convert import Converted, encrypt_database
from mesolog.store.database import Database, DatabaseError
from mesolog.store.keys import DatabaseKey, KeyFile
from mesolog.store.server_backup import backup_server


@dataclass(frozen=True)
class Encrypted:
    converted: Converted
    # other accounts: no password of theirs was typed, so none locks the key for them yet
    need_a_new_password: tuple[str, ...]


class BackupService:
    def __init__(self, db: Database):
        self._db = db

    def _file(self, what: str, instead: str) -> Path:
        """The database file; refused on a server, with what to do ``instead``."""
        if self._db.path is None:
            raise DatabaseError(only_for_files(what, self._db.location, instead))
        return self._db.path

    def back_up(self, target: Path, progress: Progress = no_progress) -> BackupReport:
        """A checked copy of the database and its photos at ``target`` (a new file): of a
        server's records too, as they stood at one moment (by an administrator: the
        copy is not encrypted)."""
        actor = self._db.require(Action.BACKUP_SERVER if self._db.on_server
                                 else Action.BACKUP)
        if self._db.on_server:
            return backup_server(self._db, target, made_by=actor.name, progress=progress)
        return backup_database(self._db.path, target, key=self._db.key, made_by=actor.name,
                               progress=progress)

    def automatic(self, folder: Path, now: datetime,
                  progress: Progress = no_progress) -> BackupReport | None:
        """Today's backup into ``folder`` unless one was made today (at closing)."""
        actor = self._db.require(Action.BACKUP)
        path = self._file("An automatic backup", "automatic backup")
        return automatic_backup(path, folder, now, key=self._db.key, made_by=actor.name,
                                progress=progress)

    def restore(self, backup: Path) -> Path | None:
        """Replace the database by the checked ``backup``; where the replaced one is kept.
        The database is closed first (for every view of it): reopen it afterwards."""
        self._db.require(Action.RESTORE)
        self._file("Replacing the records by a backup", "replace")
        self._db.close()  # no connection of ours may write while the file is replaced
        return restore_database(backup, self._db.path, key=self._db.key)

    def encrypt(self, password: str, now: datetime,
                progress: Progress = no_progress) -> Encrypted:
        """Encrypt this plain database: an administrator, confirming their password,
        which locks the key for them (the others get theirs when an administrator sets
        them a new password). The database is closed first for every view of it:
        reopen it afterwards with ``converted.recovery``'s key."""
        self._db.require(Action.ENCRYPT)
        self._file("Encryption at rest", "encrypt")
        if self._db.encrypted:
            raise DatabaseError(_("{name} is encrypted already").format(name=self._db.path.name))
        login = AccountService(self._db).confirm_own_password(password, "password")
        with self._db.reading() as session:
            others = tuple(session.execute(select(models.Practitioner.name).where(
                models.Practitioner.login != login, models.Practitioner.active.is_(True),
                models.Practitioner.password_hash.is_not(None))
                .order_by(models.Practitioner.name)).scalars())

        def lock_for(keys: KeyFile, key: DatabaseKey) -> None:
            keys.set_slot(login, password, key)
        self._db.close()  # nothing of ours writes while the file is copied and replaced
        return Encrypted(encrypt_database(self._db.path, lock_for, now, progress), others)
