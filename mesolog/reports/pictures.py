"""Pictures from outside (photos, the letterhead's logo), decoded whole before they are
accepted or drawn: the one decoder for both, so what is accepted is what prints.

Pillow decodes them (QImageReader lives above this layer). A picture whose header
asks for more pixels than the limit is refused before its pixels are read, and
Pillow's own decompression-bomb warning counts as a refusal.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, UnidentifiedImageError

# A clinical camera makes 12–50 megapixels; a phone, up to 200 in its largest mode.
MAX_PIXELS = 200_000_000


@dataclass(frozen=True)
class Picture:
    format: str
    width: int
    height: int


class NotAPicture(ValueError):
    """Why a file cannot be used as a picture, in words ("it is not a picture…")."""


def decoded(source: Path | bytes, max_pixels: int = MAX_PIXELS) -> Picture:
    """The picture's format and size once every pixel has been decoded; NotAPicture
    saying why otherwise."""
    stream = BytesIO(source) if isinstance(source, bytes) else source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise NotAPicture(f"it is {width:,} × {height:,} pixels, more than "
                                      f"{max_pixels // 1_000_000} megapixels")
                image.load()  # every pixel: a truncated or damaged file fails here
                return Picture(image.format or "", width, height)
    except NotAPicture:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAPicture(f"it claims more than {max_pixels // 1_000_000} megapixels"
                          ) from None
    except (UnidentifiedImageError, FileNotFoundError, IsADirectoryError):
        raise NotAPicture("it is not a picture Mesolog can read") from None
    except (OSError, ValueError, SyntaxError, MemoryError) as e:
        raise NotAPicture(f"the file is damaged or cut short ({e})") from None


def drawable(source: Path | bytes, max_pixels: int = MAX_PIXELS) -> bool:
    try:
        decoded(source, max_pixels)
    except NotAPicture:
        return False
    return True
