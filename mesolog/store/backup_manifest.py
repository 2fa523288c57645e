"""The manifest of a backup set: what it holds, byte for byte.

A backup set is the database copy (``name.sqlite``), its photos
(``name-photos/``), the key file of an encrypted one (``name.sqlite.keys``) and this
manifest (``name.sqlite.manifest``): the SHA-256 of every file, the record counts,
the schema version, who made it and when, and the photos the clinic was missing
when it was made. Its last line is the
SHA-256 of the lines above it, so a changed byte in the manifest is found too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from mesolog.domain.translation import _

FORMAT = "mesolog backup set 1"


def manifest_of(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.manifest")


class ManifestError(Exception):
    """The manifest is missing a part, unreadable, or does not match its files."""


@dataclass(frozen=True)
class Manifest:
    made_at: str
    made_by: str
    schema: str | None
    database_sha256: str
    database_bytes: int
    rows: dict[str, int]
    photos: dict[str, str] = field(default_factory=dict)  # file name → SHA-256
    missing_photos: tuple[str, ...] = ()
    changed_photos: tuple[str, ...] = ()
    keys_sha256: str | None = None  # the key file's, for a set of an encrypted database

    def text(self) -> str:
        body = json.dumps({
            "format": FORMAT, "made_at": self.made_at, "made_by": self.made_by,
            "schema": self.schema,
            "database": {"sha256": self.database_sha256, "bytes": self.database_bytes},
            "rows": self.rows, "photos": self.photos,
            "missing_photos": list(self.missing_photos),
            "changed_photos": list(self.changed_photos),
            **({"keys": {"sha256": self.keys_sha256}} if self.keys_sha256 else {}),
        }, ensure_ascii=False, indent=1, sort_keys=True)
        return f"{body}\nsha256 {_sha256(body.encode())}\n"


def read_manifest(path: Path) -> Manifest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(_("its manifest {name} cannot be read ({e})").format(
                                name=path.name, e=e)) from None
    body, _newline, last = text.rstrip("\n").rpartition("\n")
    if last != f"sha256 {_sha256(body.encode())}":
        raise ManifestError(_("its manifest {name} was changed").format(name=path.name))
    try:
        data = json.loads(body)
        if data["format"] != FORMAT:
            raise ManifestError(_("its manifest {name} is of another kind").format(name=path.name))
        return Manifest(data["made_at"], data["made_by"], data["schema"],
                        data["database"]["sha256"], data["database"]["bytes"], data["rows"],
                        data["photos"], tuple(data["missing_photos"]),
                        tuple(data["changed_photos"]),
                        data["keys"]["sha256"] if "keys" in data else None)
    except (ValueError, KeyError, TypeError) as e:
        raise ManifestError(_("its manifest {name} cannot be read ({e})").format(
                                name=path.name, e=e)) from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
