"""Pictures that come from outside (photos, the letterhead's logo) are decoded before
they are accepted, so nothing that cannot be drawn reaches a report.

Pillow decodes them (QImageReader lives above this layer); its decompression-bomb
guard is set to our own limit, and a picture is refused before its pixels are
read when its header asks for more.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from mesolog.domain.validation import FieldError, ValidationError

# A clinical camera makes 12–50 megapixels; a phone, up to 200 in its largest mode.
MAX_PIXELS = 200_000_000
PHOTO_FORMATS = {"JPEG", "PNG", "TIFF", "BMP", "WEBP"}
LOGO_FORMATS = {"JPEG", "PNG"}
LOGO_MAX_PIXELS = 25_000_000
# what the letterhead keeps: sharp at 300 dpi in the 12 mm-high band it is printed in
LOGO_KEPT_SIZE = (1200, 480)


@dataclass(frozen=True)
class Picture:
    format: str
    width: int
    height: int


def checked_picture(source: Path | bytes, field: str, formats: set[str],
                    what: str = "photo", max_pixels: int = MAX_PIXELS) -> Picture:
    """The picture's format and size, once every pixel has been decoded; a
    ValidationError at ``field`` for anything else."""
    def refuse(why: str) -> ValidationError:
        return ValidationError([FieldError(field, f"This {what} cannot be used: {why}.")])

    stream = BytesIO(source) if isinstance(source, bytes) else source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream) as image:
                width, height = image.size
                if image.format not in formats:
                    raise refuse(f"it is a {image.format or 'unknown'} file, not one of "
                                 f"{', '.join(sorted(formats))}")
                if width * height > max_pixels:
                    raise refuse(f"it is {width:,} × {height:,} pixels, more than "
                                 f"{max_pixels // 1_000_000} megapixels")
                image.load()  # every pixel: a truncated or damaged file fails here
                return Picture(image.format, width, height)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refuse(f"it claims more than {max_pixels // 1_000_000} megapixels") from None
    except UnidentifiedImageError:
        raise refuse("it is not a picture Mesolog can read") from None
    except (OSError, ValueError, SyntaxError, MemoryError) as e:
        raise refuse(f"the file is damaged or cut short ({e})") from None


def fitted_png(data: bytes, max_width: int, max_height: int) -> bytes:
    """``data`` (a checked picture) scaled down to fit ``max_width`` × ``max_height``,
    as PNG: what the letterhead keeps."""
    with Image.open(BytesIO(data)) as image:
        image.load()
        picture = image.convert("RGBA") if image.mode not in ("RGB", "RGBA") else image.copy()
    picture.thumbnail((max_width, max_height), Image.Resampling.LANCZOS)
    out = BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()
