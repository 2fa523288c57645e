"""A clinic export (store/clinic_export.py) read back into an empty database of either
engine: every record with its id, so every reference holds; every photo stored as this
database keeps photos (sealed in an encrypted file's folder, in photo_data on a
server). The export is checked against its manifest first (format, version, every
file's checksum), and the records go in in one transaction: all of them, or none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, select

from mesolog.domain.photo import file_sha256, photo_folder_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.store import models
from mesolog.store.clinic_export import (
    FORMAT,
    MANIFEST,
    VERSION,
    exported_tables,
    record_value,
)
from mesolog.store.database import Database
from mesolog.store.database_files import SCHEMA_HEAD
from mesolog.store.engine_copy import holds_records, writer_of
from mesolog.store.errors import DatabaseError
from mesolog.store.photo_files import keep_on_server, stored_photo
from mesolog.store.private import private_folder, write_private
from mesolog.store.server import catch_up_ids

_BATCH = 2000


@dataclass(frozen=True)
class ClinicImported:
    records: dict[str, int]
    photos: int
    administrators: tuple[str, ...]  # logins that may be given a password now


def read_manifest(folder: Path) -> dict:
    """The export's manifest, once every file it names is as it was written."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DatabaseError(_("{folder} is not a clinic export: {manifest} cannot be read "
                              "({e})").format(folder=folder, manifest=MANIFEST, e=e)) from None
    if (manifest.get("format"), manifest.get("version")) != (FORMAT, VERSION):
        raise DatabaseError(_("{folder} is not a {FORMAT}, version {VERSION}").format(
                                folder=folder, FORMAT=FORMAT, VERSION=VERSION))
    if manifest.get("schema_revision") != SCHEMA_HEAD:
        raise DatabaseError(_("{folder} was exported by another version of Mesolog (records "
                              "{value}, this one {head})").format(
            folder=folder, value=manifest.get("schema_revision"), head=SCHEMA_HEAD))
    for name, digest in manifest["files"].items():
        file = folder / name
        if not file.is_file() or file_sha256(file) != digest:
            raise DatabaseError(_("{folder} is damaged: {name} is missing or changed").format(
                                    folder=folder, name=name))
    return manifest


def import_clinic(db: Database, folder: Path, progress: Progress = no_progress
                  ) -> ClinicImported:
    """Every record of the export ``folder`` into ``db``, which holds none."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    tables = exported_tables()
    photos = 0
    with db.engine.execution_options(mesolog_writes=True).begin() as conn:
        if holds_records(conn):
            raise DatabaseError(_("{location} holds records already; a clinic export goes into a "
                                  "new, empty database").format(location=db.location))
        for done, table in enumerate(tables):
            progress(done, len(tables), f"reading the {table.name} records")
            write = writer_of(conn, table)
            for batch in _records(folder / f"{table.name}.jsonl", table):
                if table.name == "photo":
                    photos += _store_photos(conn, db, folder, batch)
                write(batch)
        if db.on_server:
            catch_up_ids(conn)
        administrators = tuple(conn.execute(
            select(models.Practitioner.login).where(
                models.Practitioner.role == "administrator",
                models.Practitioner.active.is_(True)).order_by(models.Practitioner.login)
        ).scalars())
    return ClinicImported(manifest["records"], photos, administrators)


def _records(path: Path, table: Table) -> Iterator[list[dict]]:
    columns = {column.name: column.type for column in table.columns}
    batch: list[dict] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            unknown = set(record) - set(columns)
            if unknown:
                raise DatabaseError(_("{name}: fields this Mesolog does not know: {value}").format(
                                        name=path.name, value=', '.join(sorted(unknown))))
            batch.append({name: record_value(columns[name], value)
                          for name, value in record.items()})
            if len(batch) == _BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def _store_photos(conn: Connection, db: Database, folder: Path, batch: list[dict]) -> int:
    """Each photo of ``batch`` kept as ``db`` keeps photos, its record pointed at it; a
    photo missing when exported keeps its record as it was."""
    stored_count = 0
    for record in batch:
        exported = folder / record["file_name"]
        if not exported.is_file() or not record["file_name"].startswith("photos/"):
            continue  # missing when exported: named in the manifest, kept as recorded
        picture = exported.read_bytes()
        stored = stored_photo(picture, exported.suffix, record["patient_id"], db.key)
        if db.on_server:
            keep_on_server(conn, stored)
        else:
            target = photo_folder_of(db.path) / stored.name
            private_folder(target.parent.parent)
            private_folder(target.parent)
            write_private(target, stored.data)
        record["file_name"], record["sha256"] = stored.name, stored.sha256
        stored_count += 1
    return stored_count
