"""A photo's format told from its bytes (a sealed photo's name keeps none)."""

import io

import pytest
from PIL import Image

from mesolog.domain.photo import PHOTO_SUFFIXES, suffix_of


@pytest.mark.parametrize("pil_format,suffix", [("JPEG", ".jpg"), ("PNG", ".png"),
                                               ("TIFF", ".tif"), ("BMP", ".bmp"),
                                               ("WEBP", ".webp")])
def test_each_format_mesolog_takes_is_told_by_its_first_bytes(pil_format, suffix):
    data = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 90, 40)).save(data, pil_format)
    assert suffix_of(data.getvalue()) == suffix and suffix in PHOTO_SUFFIXES


def test_bytes_of_no_known_format_get_no_suffix():
    assert suffix_of(b"%PDF-1.7 not a picture") == ""
    assert suffix_of(b"") == ""
