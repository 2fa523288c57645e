"""Renders resources/icons/mesolog.svg to the PNG sizes desktops and installers ask for
(freedesktop's hicolor theme, Windows' .ico and macOS' .icns are made from them).

    QT_QPA_PLATFORM=offscreen .venv/bin/python .ci/packaging/render_icons.py

Run again whenever the SVG changes; tests/test_icons.py fails until then.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "mesolog.svg")).render(painter)
    painter.end()
    return image


if __name__ == "__main__":
    application = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        render(size).save(str(ICONS / f"mesolog-{size}.png"))
        print(ICONS / f"mesolog-{size}.png")
