"""Loading Qt Designer forms shipped in mesolog.forms."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget


def load_form(name: str, host: QWidget) -> QWidget:
    """Build ``forms/<name>.ui`` and lay it out as ``host``'s only child."""
    with as_file(files("mesolog.forms") / f"{name}.ui") as path:
        file = QFile(str(path))
        if not file.open(QIODevice.OpenModeFlag.ReadOnly):
            raise OSError(f"cannot read form {path}")
        try:
            form = QUiLoader().load(file, host)
        finally:
            file.close()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form
