"""The canvas of the map editor: click to place, drag to move, keys to nudge.

The view turns mouse and keyboard into requests (place here, these moved,
nudge, delete); the editor decides, through undoable commands. It never
changes the document itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsView, QToolButton, QWidget

from mesolog.ui.common.language import tr
from mesolog.ui.injection_map.map_scene import MapScene

_ZOOM_STEP = 1.25
_ZOOM_LIMITS = (0.5, 8.0)  # relative to the whole view fitting the window
_NUDGES = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
           Qt.Key.Key_Down: (0, 1)}


class MapView(QGraphicsView):
    place_requested = Signal(QPointF)  # a click on the diagram, in scene units
    moved = Signal(object)  # key → new scene position, after a drag
    nudge_requested = Signal(int, int)  # arrow-key steps across and down
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 260)
        self.editable = True
        self._zoom = 1.0  # 1 = the view fits the window
        self._press: QPoint | None = None
        self._pressed_on_point = False
        self._start: dict[int, QPointF] = {}
        self._panning: QPoint | None = None

    def map_scene(self) -> MapScene:
        return self.scene()

    # -- zoom and fit ------------------------------------------------------

    def zoom_buttons(self) -> list[QToolButton]:
        """Zoom out, Fit and Zoom in, for a toolbar above this view."""
        buttons = []
        for text, tip, slot in (("−", tr("Zoom out (−)"), lambda: self.zoom_by(0.8)),
                                (tr("Fit"), tr("Show the whole view (0)"), self.fit),
                                ("+", tr("Zoom in (+); the mouse wheel zooms too"),
                                 lambda: self.zoom_by(1.25))):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.append(button)
        return buttons

    def fit(self) -> None:
        self._zoom = 1.0
        self._apply_zoom()

    def zoom_by(self, factor: float) -> None:
        self._zoom = min(max(self._zoom * factor, _ZOOM_LIMITS[0]), _ZOOM_LIMITS[1])
        self._apply_zoom()

    @property
    def zoom(self) -> float:
        return self._zoom

    def _apply_zoom(self) -> None:
        scene = self.map_scene()
        if scene is None:
            return
        self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self._zoom != 1.0:
            self.scale(self._zoom, self._zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_zoom()  # any window size shows the same part of the head

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(_ZOOM_STEP ** steps)
        event.accept()

    # -- mouse -------------------------------------------------------------

    def point_key_at(self, position: QPoint) -> int | None:
        for item in self.items(position):
            key = MapScene.key_of(item)
            if key is not None:
                return key
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        self._press = event.position().toPoint() if event.button() == \
            Qt.MouseButton.LeftButton else None
        self._pressed_on_point = self.point_key_at(event.position().toPoint()) is not None
        super().mousePressEvent(event)
        scene = self.map_scene()
        self._start = {k: scene.item(k).pos() for k in scene.selected_keys()} \
            if self._pressed_on_point and self.editable else {}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position().toPoint() - self._panning
            self._panning = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._panning = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        scene = self.map_scene()
        live = set(scene.point_keys())
        moved = {k: scene.item(k).pos() for k, start in self._start.items()
                 if k in live and scene.item(k).pos() != start}
        self._start = {}
        if moved:
            self.moved.emit(moved)
            return
        travelled = (event.position().toPoint() - self._press).manhattanLength()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if (self.editable and not self._pressed_on_point and plain
                and travelled < QApplication.startDragDistance()):
            self.place_requested.emit(self.mapToScene(event.position().toPoint()))

    def restore_positions(self, positions: dict[int, QPointF]) -> None:
        scene = self.map_scene()
        for key, position in positions.items():
            scene.item(key).setPos(position)

    def drag_start(self) -> dict[int, QPointF]:
        return dict(self._start)

    # -- keyboard ----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab walks through the points while there are any; otherwise it leaves the map
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab):
            keys = self.map_scene().point_keys() if self.map_scene() else []
            if keys:
                self.cycle(backwards=event.key() == Qt.Key.Key_Backtab)
                return True
        return super().event(event)

    def cycle(self, *, backwards: bool = False) -> None:
        scene = self.map_scene()
        keys = scene.point_keys()
        selected = scene.selected_keys()
        if selected:
            i = keys.index(selected[-1] if not backwards else selected[0])
            key = keys[(i + (-1 if backwards else 1)) % len(keys)]
        else:
            key = keys[-1] if backwards else keys[0]
        scene.select_keys([key])
        self.ensureVisible(scene.item(key), 40, 40)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.map_scene()
        selected = scene.selected_keys() if scene else []
        key = event.key()
        if key in _NUDGES and selected and self.editable:
            dx, dy = _NUDGES[key]
            step = 5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self.nudge_requested.emit(dx * step, dy * step)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected and self.editable:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Escape and selected:
            scene.clearSelection()  # the first Escape clears the selection, not the dialog
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(_ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / _ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif event.matches(QKeySequence.StandardKey.SelectAll) and scene:
            scene.select_keys(scene.point_keys())
        else:
            super().keyPressEvent(event)
            return
        event.accept()
