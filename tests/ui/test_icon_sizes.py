"""The PNG sizes of Mesolog's icon (the menu entry's, Windows' and macOS' icons are made
from them) are the SVG as Qt draws it: redrawn when the SVG changes."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ci_scripts import load

ROOT = Path(__file__).parents[2]
render_icons = load("render_icons")


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_each_png_is_the_svg_drawn_at_its_size(qtbot, size):
    shipped = QImage(str(ROOT / "resources" / "icons" / f"mesolog-{size}.png"))
    assert (shipped.width(), shipped.height()) == (size, size)
    drawn = render_icons.render(size).convertToFormat(shipped.format())
    differing = sum(shipped.pixel(x, y) != drawn.pixel(x, y)
                    for x in range(size) for y in range(0, size, max(1, size // 64)))
    assert differing == 0, (f"{differing} pixels differ: run .ci/packaging/render_icons.py "
                            "after changing mesolog.svg")
    assert shipped.pixelColor(0, 0).alpha() == 0  # a round-cornered tile, not a square
