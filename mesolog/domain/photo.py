"""Clinical photos: the standard views, and the checksum that proves a file unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp")


class PhotoView(StrEnum):
    FRONTAL = "frontal"
    VERTEX = "vertex"
    LEFT = "left"
    RIGHT = "right"
    BACK = "back"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Photo:
    id: int
    patient_id: int
    session_id: int | None
    view: PhotoView
    taken_on: date
    path: Path  # inside the database's managed photo folder
    sha256: str
