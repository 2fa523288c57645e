"""Clinical photos: the standard views, and the checksum that proves a file unchanged."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from mesolog.domain.translation import N_, _

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp")
# taken whole into memory to be checked and sealed: a clinical camera's JPEG is a few
# megabytes, a 100-megapixel uncompressed TIFF about 300
MAX_PHOTO_BYTES = 400 * 1024 * 1024
SEALED_SUFFIX = ".sealed"  # an encrypted database's photo files: no picture format shown


class PhotoView(StrEnum):
    FRONTAL = "frontal"
    VERTEX = "vertex"
    LEFT = "left"
    RIGHT = "right"
    BACK = "back"

    @property
    def label(self) -> str:
        labels = {"frontal": N_("Frontal"), "vertex": N_("Vertex"), "left": N_("Left"),
                  "right": N_("Right"), "back": N_("Back")}
        return _(labels[self.value])


@dataclass(frozen=True)
class Photo:
    id: int
    patient_id: int
    session_id: int | None
    view: PhotoView
    taken_on: date
    path: Path | None  # inside the database's managed photo folder; None on a server
    sha256: str
    file_name: str = ""  # the stored name: in the folder, or in the server's photo_data


def photo_folder_of(db_path: Path) -> Path:
    """Photos live beside the database file, so the two move (and back up) together."""
    return db_path.with_name(f"{db_path.stem}-photos")


def file_sha256(path: Path) -> str:
    """The checksum that proves a photo file is the one stored."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# The first bytes of each picture format Mesolog takes (PHOTO_SUFFIXES).
_SIGNATURES = ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"),
               (b"II*\x00", ".tif"), (b"MM\x00*", ".tif"), (b"BM", ".bmp"))


def suffix_of(picture: bytes) -> str:
    """The file suffix of ``picture``'s format, told from its first bytes (a sealed
    photo's name keeps none); none for a format not known."""
    if picture[:4] == b"RIFF" and picture[8:12] == b"WEBP":
        return ".webp"
    return next((suffix for start, suffix in _SIGNATURES if picture.startswith(start)), "")
