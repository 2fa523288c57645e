"""The injection map being edited, and the undoable changes made to it.

Points are held under keys that live as long as the editor; the scene and
the totals follow the document's signals, and every change goes through a
``QUndoCommand`` so that Ctrl+Z takes back exactly what was done.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from mesolog.domain.injection_map import InjectionPoint
from mesolog.ui.common.language import tr


class MapDocument(QObject):
    added = Signal(list)  # keys
    removed = Signal(list)  # keys
    changed = Signal(list)  # keys whose point moved or was edited
    reset = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._points: dict[int, InjectionPoint] = {}
        self._next_key = 1

    def load(self, points: Iterable[InjectionPoint]) -> None:
        self._points = {}
        self._next_key = 1
        for point in points:
            self._points[self._next_key] = point
            self._next_key += 1
        self.reset.emit()

    def points(self) -> tuple[InjectionPoint, ...]:
        return tuple(self._points.values())

    def items(self) -> list[tuple[int, InjectionPoint]]:
        return list(self._points.items())

    def point(self, key: int) -> InjectionPoint:
        return self._points[key]

    def __contains__(self, key: object) -> bool:
        return key in self._points

    def __len__(self) -> int:
        return len(self._points)

    def new_keys(self, count: int) -> list[int]:
        keys = list(range(self._next_key, self._next_key + count))
        self._next_key += count
        return keys

    # -- used by the commands only ----------------------------------------

    def _insert(self, points: dict[int, InjectionPoint]) -> None:
        self._points.update(points)
        self._points = dict(sorted(self._points.items()))  # keep the order points were made
        self.added.emit(list(points))

    def _delete(self, keys: list[int]) -> None:
        for key in keys:
            del self._points[key]
        self.removed.emit(keys)

    def _replace(self, points: dict[int, InjectionPoint]) -> None:
        self._points.update(points)
        self.changed.emit(list(points))


class AddPoints(QUndoCommand):
    def __init__(self, document: MapDocument, points: list[InjectionPoint], text: str):
        super().__init__(text)
        self._document = document
        self._points = dict(zip(document.new_keys(len(points)), points, strict=True))

    @property
    def keys(self) -> list[int]:
        return list(self._points)

    def redo(self) -> None:
        self._document._insert(self._points)

    def undo(self) -> None:
        self._document._delete(list(self._points))


class RemovePoints(QUndoCommand):
    def __init__(self, document: MapDocument, keys: Iterable[int], text: str):
        super().__init__(text)
        self._document = document
        self._points = {key: document.point(key) for key in keys}

    def redo(self) -> None:
        self._document._delete(list(self._points))

    def undo(self) -> None:
        self._document._insert(self._points)


class ChangePoints(QUndoCommand):
    """Points moved, nudged or given another depth, volume or lot."""

    def __init__(self, document: MapDocument, after: dict[int, InjectionPoint], text: str):
        super().__init__(text)
        self._document = document
        self._before = {key: document.point(key) for key in after}
        self._after = dict(after)

    def redo(self) -> None:
        self._document._replace(self._after)

    def undo(self) -> None:
        self._document._replace(self._before)


def undo_actions(owner: QWidget, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Undo and Redo for ``stack``, on ``owner`` and its children (text fields keep their
    own Ctrl+Z); short labels that keep a toolbar still, what would be undone in the
    tooltip."""
    undo = QAction(tr("Undo"), owner)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = QAction(tr("Redo"), owner)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action, step, can, text in (
            (undo, stack.undo, stack.canUndoChanged, stack.undoTextChanged),
            (redo, stack.redo, stack.canRedoChanged, stack.redoTextChanged)):
        action.triggered.connect(step)
        action.setEnabled(False)
        can.connect(action.setEnabled)
        text.connect(lambda words, a=action: a.setToolTip(
            f"{a.text()} {words[:1].lower()}{words[1:]}" if words else a.text()))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
    return undo, redo
