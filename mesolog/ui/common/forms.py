"""Loading Qt Designer forms shipped in mesolog.forms."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget


def _form_loader() -> QUiLoader:
    """A loader of our forms, which use Qt's own widgets only. Made with no library
    path: QUiLoader otherwise loads every Qt Designer plugin it finds, and PySide6's
    bring in Qt WebEngine and Qt Quick (29 MB of memory, 0.1 s) for widgets no form
    uses."""
    paths = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        return QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(paths)


def load_form(name: str, host: QWidget) -> QWidget:
    """Build ``forms/<name>.ui`` and lay it out as ``host``'s only child."""
    with as_file(files("mesolog.forms") / f"{name}.ui") as path:
        file = QFile(str(path))
        if not file.open(QIODevice.OpenModeFlag.ReadOnly):
            raise OSError(f"cannot read form {path}")
        try:
            form = _form_loader().load(file, host)
        finally:
            file.close()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form
