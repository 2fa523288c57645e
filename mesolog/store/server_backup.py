"""A server's records in a backup set, and a backup set onto a server.

A server is backed up into the very set a file is (store/backup.py): a Mesolog database
file, its photos beside it, a manifest. So one set restores into either engine, and a
clinic moves from one desk to several (a file's set restored onto a server) and back
(a server's set restored into a file, ``restore_database``).

The server is read in one REPEATABLE READ, read-only transaction: every table and
every photo as they all stood at one moment, while the desks go on writing. A server's
records are not encrypted by Mesolog (the server's own disk is its administrator's to
protect), so its set is a plain file, created for its owner alone like every set.
"""

from __future__ import annotations

import hashlib
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import OperationalError

from mesolog.domain.photo import SEALED_SUFFIX, photo_folder_of, suffix_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.store import models, sqlite_files
from mesolog.store.backup import (
    COUNTED,
    BackupReport,
    CopiedPhotos,
    copy_private_file,
    key_for,
    make_backup_set,
    verify_backup,
)
from mesolog.store.database import Database, open_database, open_server_database
from mesolog.store.database_files import SCHEMA_HEAD
from mesolog.store.engine_copy import copy_records, holds_records
from mesolog.store.errors import DatabaseError, first_line
from mesolog.store.keys import DatabaseKey, key_file_of
from mesolog.store.photo_files import (
    StoredPhoto,
    keep_on_server,
    picture_of,
    read_from_server,
    stored_photo,
)
from mesolog.store.private import private_folder, write_private
from mesolog.store.server import catch_up_ids


def backup_server(db: Database, target: Path, *, made_by: str = "",
                  now: datetime | None = None, progress: Progress = no_progress
                  ) -> BackupReport:
    """The server database ``db``'s records and photos, as they stood at one moment, in
    the backup set ``target`` (a new file), verified."""
    def copy(partial: Path) -> CopiedPhotos:
        made = open_database(partial, encrypt=False)  # a new file: schema written here
        try:
            with db.snapshot() as server:
                _refuse_other_revision(server, db.location)
                with made.engine.begin() as file:
                    copy_records(server, file, progress)
                photos = _photos_from_server(server, photo_folder_of(partial))
        except OperationalError as e:
            raise DatabaseError(_("the backup stopped: {location} could not be read to the end "
                                  "({value}); nothing was kept").format(
                                    location=db.location, value=first_line(e.orig or e))) from None
        finally:
            made.close()
        with closing(sqlite_files.connect(partial)) as conn:
            conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        return photos
    return make_backup_set(Path(target), copy, key=None, made_by=made_by, now=now)


def _refuse_other_revision(server: Connection, where: str) -> None:
    revision = server.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision != SCHEMA_HEAD:  # another desk's newer Mesolog upgraded it meanwhile
        raise DatabaseError(_("{where} was brought to another version of Mesolog's records "
                              "({revision}) while this one ran; back it up with that "
                              "version").format(where=where, revision=revision))


def _photos_from_server(server: Connection, folder: Path) -> CopiedPhotos:
    """Each photo's bytes, as the server keeps them, into the set's ``folder``."""
    copied: dict[str, str] = {}
    missing, changed = [], []
    rows = server.execute(select(models.Photo.file_name, models.Photo.sha256)
                          .order_by(models.Photo.id)).all()
    for name, recorded in rows:
        data = read_from_server(server, name)
        if data is None:
            missing.append(name)
            continue
        private_folder(folder)
        private_folder((folder / name).parent)
        write_private(folder / name, data)
        copied[name] = hashlib.sha256(data).hexdigest()
        if copied[name] != recorded:
            changed.append(name)
    return copied, tuple(missing), tuple(changed)


def restore_to_server(backup: Path, address: str, *, key: DatabaseKey | None = None,
                      progress: Progress = no_progress) -> BackupReport:
    """Put the checked backup set ``backup`` (of either engine) into the empty server
    database at ``address``; what the set held. An encrypted set is read with ``key``;
    its photos are unsealed onto the server, which keeps them as every server photo
    is kept. A database that holds records is refused: nothing on a server is
    replaced (restore into a new database, made with createdb)."""
    backup = Path(backup)
    report = verify_backup(backup, key)
    key = key_for(backup, key)
    server = open_server_database(address, create=True)
    try:
        with server.engine.connect() as conn:
            _refuse_records(conn, server.location)
        with tempfile.TemporaryDirectory(prefix="mesolog-restore-") as folder:
            # a copy, brought up to date here if the set is older than this Mesolog
            copy = Path(folder) / backup.name
            copy_private_file(backup, copy)
            if key is not None:
                copy_private_file(key_file_of(backup), key_file_of(copy))
            source = open_database(copy, create=False, key=key)
            try:
                with source.engine.connect() as src, \
                        server.engine.execution_options(mesolog_writes=True).begin() as dst:
                    _refuse_records(dst, server.location)  # under the writers' lock now
                    copy_records(src, dst, progress)
                    _photos_to_server(src, dst, photo_folder_of(backup), key)
                    catch_up_ids(dst)
            finally:
                source.close()
        with server.engine.connect() as conn:
            restored = _counts(conn)
            # the planner's statistics of the new rows now, not at autovacuum's next
            # round: until then a search may take a plan made for empty tables
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    except OperationalError as e:
        raise DatabaseError(_("the restore stopped: {location} could not be written to the end "
                              "({value}); nothing was kept").format(
                                location=server.location, value=first_line(e.orig or e))) from None
    finally:
        server.close()
    if restored != report.rows:
        raise DatabaseError(_("the records restored onto {location} do not match {name}'s counts "
                              "({restored} against {rows})").format(
            location=server.location, name=backup.name, restored=restored, rows=report.rows))
    return report


def _refuse_records(conn: Connection, where: str) -> None:
    if holds_records(conn):
        raise DatabaseError(_("{where} holds records already; a backup is restored into an empty "
                              "database (createdb a new one, and point the desks at it once it is "
                              "restored)").format(where=where))


def _photos_to_server(source: Connection, server: Connection, folder: Path,
                      key: DatabaseKey | None) -> None:
    """Each photo file of the set kept on the server, a sealed one unsealed (the server
    keeps pictures as they were attached) and its record named as a server names it.
    A photo the set lacks (missing when it was made, and named in its manifest) stays
    missing; one that does not open is kept as found, as the set kept it."""
    rows = source.execute(select(models.Photo.id, models.Photo.patient_id,
                                 models.Photo.file_name).order_by(models.Photo.id)).all()
    for photo_id, patient_id, name in rows:
        file = folder / name
        if not file.is_file():
            continue
        data = file.read_bytes()
        picture = picture_of(data, key) if name.endswith(SEALED_SUFFIX) else None
        if picture is None:  # a plain photo, or a sealed one that does not open
            stored = StoredPhoto(data, name, hashlib.sha256(data).hexdigest())
        else:
            stored = stored_photo(picture, suffix_of(picture), patient_id, None)
            server.execute(update(models.Photo).where(models.Photo.id == photo_id)
                           .values(file_name=stored.name, sha256=stored.sha256))
        keep_on_server(server, stored)


def _counts(conn: Connection) -> dict[str, int]:
    tables = models.Base.metadata.tables
    return {name: conn.execute(select(func.count()).select_from(tables[name])).scalar_one()
            for name in COUNTED}
