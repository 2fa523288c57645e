"""Guard against a Qt binding that loses references to None on every call.

PySide6 6.12.0 under Python 3.11 did: each call of a void method (setText,
setPixelColor …) dropped one reference to None, so a long day at the desk
would end with "Fatal Python error: none_dealloc". pyproject.toml keeps
PySide6 below 6.12; this test fails if an upgrade brings the leak back.
"""

import sys

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        image.setPixelColor(0, 0, QColor("red"))
    assert sys.getrefcount(None) >= before - 10
