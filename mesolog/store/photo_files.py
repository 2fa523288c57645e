"""How a photo is kept on disk: the one rule for its bytes and its name, used when a
photo is attached, when the demo clinic makes its own, and when a plain clinic is
encrypted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from mesolog.domain.photo import SEALED_SUFFIX
from mesolog.store import models
from mesolog.store.keys import DatabaseKey
from mesolog.store.sealed_files import NotUnsealed, is_sealed, seal, unseal


@dataclass(frozen=True)
class StoredPhoto:
    data: bytes  # what goes on disk
    name: str  # inside the photo folder: by patient, named by its content
    sha256: str  # of ``data``: what check, backups and restores verify


def stored_photo(picture: bytes, suffix: str, patient_id: int,
                 key: DatabaseKey | None) -> StoredPhoto:
    """A photo as it is kept: sealed with the photo key of an encrypted database's
    ``key`` (its name shows no picture format), the picture itself for a plain one."""
    if key is None:
        data, suffix = picture, suffix.lower()
    else:
        data, suffix = seal(picture, key.photo_key()), SEALED_SUFFIX
    digest = hashlib.sha256(data).hexdigest()
    return StoredPhoto(data, f"{patient_id}/{digest[:24]}{suffix}", digest)


def keep_on_server(conn: Session | Connection, stored: StoredPhoto) -> None:
    """Keep ``stored`` in a server's database, in ``conn``'s transaction (an attach's
    unit of work, a restore's or an import's connection), with the photo's record; once:
    a picture already kept under its name is the same picture."""
    present = conn.execute(select(models.PhotoData.file_name)
                           .where(models.PhotoData.file_name == stored.name)).first()
    if present is None:
        conn.execute(insert(models.PhotoData).values(file_name=stored.name,
                                                     data=stored.data))


def read_from_server(conn: Session | Connection, file_name: str) -> bytes | None:
    """The bytes kept under ``file_name`` on a server; None if there are none."""
    return conn.execute(select(models.PhotoData.data)
                        .where(models.PhotoData.file_name == file_name)).scalar()


def picture_of(stored: bytes, key: DatabaseKey | None) -> bytes | None:
    """The picture as attached, from the bytes as kept: unsealed with ``key``'s photo key
    when sealed; None when it does not open (changed, or another clinic's)."""
    if not is_sealed(stored):
        return stored
    if key is None:
        return None
    try:
        return unseal(stored, key.photo_key())
    except NotUnsealed:
        return None
