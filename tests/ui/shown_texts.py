"""Every text a window shows a person, and the English texts its language should
have replaced: what the French walk through the windows compares."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files
from xml.etree import ElementTree

from babel.messages.pofile import read_po
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{\w+\}|%L?n")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english_replaced(code: str) -> set[str]:
    """The English texts of both catalogues that language ``code`` says otherwise (a
    text the same in both, "Patient", "Date", is not one), with accelerators taken
    out; texts with a placeholder are left to their fixed pieces."""
    locale = files("mesolog.resources") / "locale"
    found: set[str] = set()
    with (locale / f"mesolog_{code}.ts").open("rb") as ts:
        for message in ElementTree.parse(ts).getroot().iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            said = [translation.text or ""] + [f.text or "" for f in translation.iter(
                "numerusform")]
            if source not in said:
                found.add(source)
    with (locale / code / "LC_MESSAGES" / "mesolog.po").open("rb") as po:
        for m in read_po(po):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            said = m.string if isinstance(m.string, tuple) else (m.string,)
            found |= {text for text in ids if text and any(said) and text not in said}
    pieces: set[str] = set()
    for text in found:
        for piece in _PLACEHOLDER.split(_plain(text)):
            piece = piece.strip(" .:;,()—·\n")
            # a piece of a few letters ("in", "of") is a word of many sentences, not one
            if (len(piece) > 3 and " " in piece) or not _PLACEHOLDER.search(text):
                pieces.add(piece)
    return {p for p in pieces if p}


def _model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    for section in range(model.columnCount()):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(), 30)):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    yield value


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        yield action.text()
        yield action.statusTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def texts_of(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show, visible or one
    click away (a combo box's items, a tab's title, a menu, a tooltip)."""
    yield "title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        where = type(widget).__name__ + ":" + widget.objectName()
        yield where, widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            yield from ((where, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            yield from ((where, t) for t in (widget.suffix(), widget.prefix(),
                                             widget.specialValueText()))
        elif isinstance(widget, QListWidget):
            yield from ((where, widget.item(i).text()) for i in range(widget.count()))
        elif isinstance(widget, QTextBrowser):
            yield where, widget.toPlainText()
        elif isinstance(widget, QAbstractItemView):
            yield from ((where, t) for t in _model_texts(widget.model()))
        elif isinstance(widget, QAbstractSpinBox):
            yield where, widget.text()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield "menu", action.text()
            yield from (("menu", t) for t in _menu_texts(action.menu()))


def english_shown(root: QWidget, english: set[str]) -> list[tuple[str, str]]:
    """What ``root`` shows that is one of the ``english`` texts, whole or a line or a
    piece between tags of it."""
    found = []
    for where, text in texts_of(root):
        plain = _plain(text)
        pieces = {plain, *(p.strip(" .:;,()—·") for p in re.split(r"<[^>]+>|\n", plain))}
        pieces |= {_TAG.sub("", plain).strip()}
        found += [(where, piece) for piece in pieces if piece in english]
    return found
