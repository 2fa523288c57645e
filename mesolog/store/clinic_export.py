"""Every record of a clinic as JSON, for another program or the clinic's own archive:
the format "mesolog clinic export", version 1.

A folder holds one JSON Lines file per kind of record (``patient.jsonl``,
``session.jsonl``, ``injection_point.jsonl``… one record a line, its fields named as
the JSON Schema ``resources/export/mesolog-clinic-export-1.schema.json`` describes),
the photos as the pictures that were attached (``photos/…``, unsealed), and
``manifest.json``: the format and its version, when and by whom it was made, how many
records of each kind, and the SHA-256 of every file. Accounts come without any
password material; the login counters and the key file are not records.

Everything is read in one snapshot (a read transaction on a file, REPEATABLE READ on a
server), a batch at a time: a 100,000-patient clinic never sits in memory whole. The
folder is written under another name and renamed when whole.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, LargeBinary, Table

from mesolog.domain.photo import file_sha256, photo_folder_of, suffix_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.store.database import Database
from mesolog.store.engine_copy import copied_tables, rows_of
from mesolog.store.errors import DatabaseError
from mesolog.store.patient_scope import patient_rows
from mesolog.store.photo_files import picture_of, read_from_server
from mesolog.store.private import new_file, private_folder, write_private

FORMAT = "mesolog clinic export"
VERSION = 1
MANIFEST = "manifest.json"
PHOTOS = "photos"
# Not records: a login's wrong tries; nor a record's part to hand out: password hashes.
NOT_EXPORTED = {"login_failure"}
WITHHELD = {"practitioner": {"password_hash"}}


def exported_tables() -> list[Table]:
    return [t for t in copied_tables() if t.name not in NOT_EXPORTED]


def exported_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in WITHHELD.get(table.name, set())]


def json_value(value: Any) -> Any:
    """A column's value as JSON holds it: dates and times in ISO 8601, bytes in base64."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


@dataclass(frozen=True)
class ClinicExport:
    folder: Path
    records: dict[str, int]
    photos: int
    missing_photos: tuple[str, ...]


def export_clinic(db: Database, target: Path, *, made_by: str, now: datetime,
                  progress: Progress = no_progress, patient_id: int | None = None,
                  add_files: Callable[[Path], None] | None = None) -> ClinicExport:
    """Every record of ``db`` into the new folder ``target``; with ``patient_id``, only
    that patient's record (store/patient_scope.py). ``add_files`` writes more into the
    folder before its manifest (a report), which then names them too."""
    with new_export_folder(target) as partial:
        files: dict[str, str] = {}
        records: dict[str, int] = {}
        with db.snapshot() as conn:
            tables = exported_tables()
            photos = PhotoFiles(conn, db, partial)
            for done, table in enumerate(tables):
                progress(done, len(tables), f"writing the {table.name} records")
                where = None if patient_id is None else patient_rows(table, patient_id)
                records[table.name], files[f"{table.name}.jsonl"] = _write_records(
                    conn, table, partial / f"{table.name}.jsonl", where, photos)
        files.update(photos.written)
        if add_files is not None:
            add_files(partial)
            files.update(files_beside(partial, files))
        manifest = {"format": FORMAT, "version": VERSION, "made_at": now.isoformat(),
                    "made_by": made_by, "schema_revision": db.schema_revision(),
                    "records": records, "files": files, "missing_photos": photos.missing,
                    "patient_id": patient_id}
        write_json(partial / MANIFEST, manifest)
    return ClinicExport(Path(target), records, len(photos.written), tuple(photos.missing))


@contextmanager
def new_export_folder(target: Path) -> Iterator[Path]:
    """The folder an export is written into, under another name until it is whole:
    renamed ``target`` when the block ends, removed if it fails."""
    target = Path(target)
    if target.exists():
        raise DatabaseError(_("{target} exists already; choose a new folder for the export").format(
                                target=target))
    if not target.parent.is_dir():
        raise DatabaseError(_("folder {parent} does not exist").format(parent=target.parent))
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        private_folder(partial)
        yield partial
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def files_beside(folder: Path, known: Mapping[str, str]) -> dict[str, str]:
    """The SHA-256 of each file in ``folder`` not among ``known`` yet, by its path
    inside the folder."""
    return {path.relative_to(folder).as_posix(): file_sha256(path)
            for path in sorted(folder.rglob("*")) if path.is_file()
            and path.relative_to(folder).as_posix() not in known}


def record_value(column_type: Any, value: Any) -> Any:
    """A value of an exported record as its column takes it (json_value read back)."""
    if value is None:
        return None
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value)
    python = column_type.python_type
    if python is datetime:
        return datetime.fromisoformat(value)
    if python is date:
        return date.fromisoformat(value)
    return value


def _write_records(conn: Connection, table: Table, path: Path,
                   where: ColumnElement[bool] | None, photos: PhotoFiles) -> tuple[int, str]:
    """``table``'s rows (those ``where`` picks), a JSON object a line; (how many, the
    file's SHA-256)."""
    columns = exported_columns(table)
    count, digest = 0, hashlib.sha256()
    new_file(path)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for batch in rows_of(conn, table, where):
            lines = []
            for row in batch:
                record = {name: json_value(row[name]) for name in columns}
                if table.name == "photo":
                    record.update(photos.record_fields(row))
                lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            text = "".join(lines)
            out.write(text)
            digest.update(text.encode("utf-8"))
            count += len(batch)
    return count, digest.hexdigest()


class PhotoFiles:
    """Each photo's picture, read once as its record is written: the file beside the
    records, and the record's fields naming it with the picture's own checksum (not
    that of the stored, maybe sealed, bytes the database keeps)."""

    def __init__(self, conn: Connection, db: Database, folder: Path):
        self._conn, self._db, self._folder = conn, db, folder
        self.written: dict[str, str] = {}  # exported file -> SHA-256
        self.missing: list[str] = []  # stored names not found, or not opening

    def record_fields(self, row: dict) -> dict[str, Any]:
        written = self.write(row)
        if written is None:  # kept as recorded; the manifest names it missing
            return {}
        exported, _bytes = written
        return {"file_name": exported, "sha256": self.written[exported]}

    def write(self, row: Mapping[str, Any]) -> tuple[str, bytes] | None:
        """The photo's picture into the export: (its name there, the picture); None,
        and named missing, when its file is gone or does not open."""
        picture = self._picture(row["file_name"])
        if picture is None:
            self.missing.append(row["file_name"])
            return None
        exported = exported_name(row["patient_id"], picture)
        path = self._folder / exported
        private_folder(path.parent.parent)
        private_folder(path.parent)
        write_private(path, picture)
        self.written[exported] = hashlib.sha256(picture).hexdigest()
        return exported, picture

    def _picture(self, name: str) -> bytes | None:
        """The picture as attached: from the server, or the photo folder, unsealed."""
        if self._db.on_server:
            stored = read_from_server(self._conn, name)
        else:
            file = photo_folder_of(self._db.path) / name
            stored = file.read_bytes() if file.is_file() else None
        return None if stored is None else picture_of(stored, self._db.key)


def exported_name(patient_id: int, picture: bytes) -> str:
    """Where a picture is in the export: by patient, named by its content and format
    (a sealed photo's stored name shows neither)."""
    digest = hashlib.sha256(picture).hexdigest()
    return f"{PHOTOS}/{patient_id}/{digest[:24]}{suffix_of(picture)}"


def write_json(path: Path, value: dict) -> None:
    new_file(path)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def export_schema() -> dict[str, Any]:
    """The JSON Schema of every kind of record, from the tables themselves."""
    defs = {}
    for table in exported_tables():
        properties, required = {}, []
        for column in table.columns:
            if column.name not in exported_columns(table):
                continue
            kind = _json_type(column.type)
            if column.nullable:
                kind = {"anyOf": [kind, {"type": "null"}]}
            for key in column.foreign_keys:
                kind = {**kind, "description": f"the id of a {key.column.table.name} record"}
            properties[column.name] = kind
            required.append(column.name)
        defs[table.name] = {"type": "object", "properties": properties,
                            "required": required, "additionalProperties": False}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://mesolog.example/{FORMAT.replace(' ', '-')}-{VERSION}.schema.json",
            "title": f"{FORMAT}, version {VERSION}: one record of each kind a line of "
                     "its <kind>.jsonl file", "$defs": defs}


def _json_type(column_type: Any) -> dict[str, Any]:
    if isinstance(column_type, LargeBinary):
        return {"type": "string", "contentEncoding": "base64"}
    python = column_type.python_type
    if python is bool:
        return {"type": "boolean"}
    if python is int:
        return {"type": "integer"}
    if python is float:
        return {"type": "number"}
    if python is datetime:
        return {"type": "string", "format": "date-time"}
    if python is date:
        return {"type": "string", "format": "date"}
    kind: dict[str, Any] = {"type": "string"}
    if getattr(column_type, "length", None):
        kind["maxLength"] = column_type.length
    return kind
