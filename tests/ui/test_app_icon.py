"""Mesolog's own icon on every window, drawn sharp at a title bar's size and a dock's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog

from mesolog.ui.app import make_application


@pytest.mark.parametrize("size", [16, 32, 256])
def test_every_window_carries_mesologs_icon(qtbot, size):
    app = make_application()
    dialog = QDialog()  # any window of the application, with no icon of its own
    qtbot.addWidget(dialog)
    image = dialog.windowIcon().pixmap(size, size).toImage()
    assert image.size() == QSize(size, size)
    assert image == app.windowIcon().pixmap(size, size).toImage()

    def colour(x: float, y: float):
        return image.pixelColor(int(x * size), int(y * size))

    ground, scalp, point = colour(0.1, 0.5), colour(0.35, 0.78), colour(0.5, 0.585)
    assert ground.green() > ground.red() + 60  # the teal ground
    assert min(scalp.red(), scalp.green(), scalp.blue()) > 190  # the pale scalp
    assert point.red() > point.green() + 80  # an injection point on the crown
