"""What a person does in Qt's own print dialog (the one Linux desks see), key by key and
click by click: choose the printer or a file, open the options, choose pages and copies,
then Print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)


def _named(dialog: QWidget, kind: type[QWidget], name: str) -> QWidget:
    (found,) = [w for w in dialog.findChildren(kind, name) if w.window() is dialog]
    return found


def _button(dialog: QWidget, text: str) -> QPushButton:
    (found,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return found


def _click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _type_over(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)


def fill_print_dialog(dialog: QWidget, *, printer: str = "", file: Path | None = None,
                      pages: tuple[int, int] | None = None, copies: int = 1,
                      collate: bool = True) -> None:
    """Choose ``printer`` (typed into the printer list, as a person picks by its first
    letters) or "Print to File (PDF)" and ``file``; then, under Options, "Pages from"
    ``pages``, ``copies`` and Collate; then click Print."""
    printers = _named(dialog, QComboBox, "printers")
    printers.setFocus()
    QTest.keyClicks(printers, printer or "Print to File")
    assert printers.currentText() == (printer or "Print to File (PDF)")
    if file is not None:
        _type_over(_named(dialog, QLineEdit, "filename"), str(file))
    _click(_button(dialog, "&Options >>"))
    if pages is not None:
        _click(_named(dialog, QRadioButton, "printRange"))
        _type_over(_named(dialog, QSpinBox, "from"), str(pages[0]))
        _type_over(_named(dialog, QSpinBox, "to"), str(pages[1]))
    if copies != 1:
        _type_over(_named(dialog, QSpinBox, "copies"), str(copies))
    collate_box = _named(dialog, QCheckBox, "collate")
    if collate_box.isChecked() != collate:
        _click(collate_box)
    _click(_button(dialog, "&Print"))
