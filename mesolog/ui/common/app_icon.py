"""Mesolog's icon: the window's, its dialogs' and the About box's (Qt gives every window
the application's icon)."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    """The icon drawn from resources/icons/mesolog.svg at whatever size is asked (Qt's
    SVG icon engine), sharp from a title bar's 16 pixels to a dock's 256."""
    return QIcon(str(files("mesolog.resources") / "icons" / "mesolog.svg"))
