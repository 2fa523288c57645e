"""Pictures that come from outside (photos, the letterhead's logo) are decoded before
they are accepted (reports/pictures.py, the decoder the reports draw with), so nothing
that cannot be drawn reaches a report."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.reports.pictures import MAX_PIXELS, NotAPicture, Picture, decoded

PHOTO_FORMATS = {"JPEG", "PNG", "TIFF", "BMP", "WEBP"}
LOGO_FORMATS = {"JPEG", "PNG"}
LOGO_MAX_PIXELS = 25_000_000
# what the letterhead keeps: sharp at 300 dpi in the 12 mm-high band it is printed in
LOGO_KEPT_SIZE = (1200, 480)


_WHAT = {"photo": N_("photo"), "logo": N_("logo")}


def checked_picture(source: Path | bytes, field: str, formats: set[str],
                    what: str = "photo", max_pixels: int = MAX_PIXELS) -> Picture:
    """The picture's format and size, once every pixel has been decoded (the decoder
    the reports draw with); a ValidationError at ``field`` for anything else."""
    try:
        picture = decoded(source, max_pixels)
    except NotAPicture as why:
        raise ValidationError([FieldError(field, _("This {what} cannot be used: {why}.").format(
                                                     what=_(_WHAT[what]), why=why))]
                              ) from None
    if picture.format not in formats:
        raise ValidationError([FieldError(field, (
            _("This {what} cannot be used: it is a {kind} file, not one of {kinds}.").format(
                what=_(_WHAT[what]), kind=picture.format or _("unknown"),
                kinds=", ".join(sorted(formats)))))])
    return picture


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
