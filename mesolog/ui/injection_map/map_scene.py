"""One view of the scalp diagram as a graphics scene: outline, zones, points.

The drawing comes from ``domain/scalp.py`` (the printed report draws the same
polygons). Scene units are a fixed number per centimetre on the head; point
markers ignore the view's zoom, so they stay one size on screen and on
high-DPI displays. Points are plain Qt items (no Python subclass), so drawing
and dragging a thousand of them stays in C++.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import VIEWS, Point, Polygon, ScalpView, label_anchor
from mesolog.ui.common.language import tr

UNITS_PER_CM = 30.0
MARKER_RADIUS = 5.0  # screen pixels
_KEY = 0  # item data slot holding a point's key
_NO_LOT = "#9e9e9e"
_FIXED = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations | \
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_EDITABLE = _FIXED | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
_OUTLINE = QPen(QColor("#ffffff"), 1.2)


@lru_cache(maxsize=32)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class MapScene(QGraphicsScene):
    def __init__(self, view: ScalpView, parent=None):
        super().__init__(parent)
        self.scalp_view = view
        geometry = VIEWS[view]
        self.canvas = QRectF(0, 0, geometry.width_cm * UNITS_PER_CM,
                             geometry.height_cm * UNITS_PER_CM)
        self.setSceneRect(self.canvas.adjusted(-20, -36, 20, 36))
        # markers move as a whole on drags; a BSP index would be rebuilt every step
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._items: dict[int, QGraphicsEllipseItem] = {}
        self._draw_diagram()

    # -- coordinates -------------------------------------------------------

    def to_scene(self, point: Point) -> QPointF:
        return QPointF(point[0] * self.canvas.width(), point[1] * self.canvas.height())

    def to_normalised(self, position: QPointF) -> Point:
        return (round(position.x() / self.canvas.width(), 4),
                round(position.y() / self.canvas.height(), 4))

    def _polygon(self, polygon: Polygon) -> QPolygonF:
        return QPolygonF([self.to_scene(p) for p in polygon])

    # -- the diagram ---------------------------------------------------------

    def _draw_diagram(self) -> None:
        geometry = VIEWS[self.scalp_view]
        outline = QPainterPath()
        outline.addPolygon(self._polygon(geometry.outline))
        outline.closeSubpath()
        thin = QPen(QColor("#8a94a6"), 1)
        thin.setCosmetic(True)
        thin.setStyle(Qt.PenStyle.DashLine)
        label_font = QFont()
        label_font.setPointSizeF(9)
        # the first zone that holds a point wins (scalp.zone_at), so it is drawn on top
        for zone, polygon in reversed(geometry.zones):
            area = QPainterPath()
            area.addPolygon(self._polygon(polygon))
            area.closeSubpath()
            shown = area.intersected(outline)
            item = self.addPath(shown, thin, QBrush(QColor(zone.tint)))
            item.setZValue(-2)
            label = self._label(zone.label, label_font, "#55606e",
                                self.to_scene(label_anchor(self.scalp_view, zone)), 0.5, 0.5)
            label.setZValue(-1)
        border = QPen(QColor("#2f3a4a"), 2)
        border.setCosmetic(True)
        self.addPath(outline, border).setZValue(-1)
        self._draw_orientation(label_font)
        self._draw_scale_bar(label_font)

    def _draw_orientation(self, font: QFont) -> None:
        """What lies beyond each edge (scalp.Orientation), above and below the canvas,
        so nobody reads a view the wrong way round."""
        labels = VIEWS[self.scalp_view].orientation.edge_labels()
        c = self.canvas
        places = {"left": (QPointF(c.left(), c.top() - 6), 0.0, 1.0),
                  "right": (QPointF(c.right(), c.top() - 6), 1.0, 1.0),
                  "top": (QPointF(c.center().x(), c.top() - 6), 0.5, 1.0),
                  "bottom": (QPointF(c.center().x(), c.bottom() + 16), 0.5, 0.5)}
        for edge, text in labels.items():
            anchor, across, down = places[edge]
            self._label(text, font, "#6b7585", anchor, across, down)

    def _label(self, text: str, font: QFont, colour: str, anchor: QPointF, across: float,
               down: float) -> QGraphicsSimpleTextItem:
        """Text of one size at any zoom, placed so that the point ``across`` × ``down`` of
        its box (0–1 each way) sits on ``anchor``."""
        label = QGraphicsSimpleTextItem(text)
        label.setFont(font)
        label.setBrush(QColor(colour))
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        box = label.boundingRect()  # in pixels: the item ignores the view's scale
        label.setTransform(QTransform.fromTranslate(-box.width() * across,
                                                    -box.height() * down))
        label.setPos(anchor)
        self.addItem(label)
        return label

    def _draw_scale_bar(self, font: QFont) -> None:
        pen = QPen(QColor("#55606e"), 2)
        pen.setCosmetic(True)
        y = self.canvas.bottom() + 16
        self.addLine(0, y, 2 * UNITS_PER_CM, y, pen)
        self._label(tr("2 cm"), font, "#55606e", QPointF(2 * UNITS_PER_CM + 6, y), 0.0, 0.5)

    # -- the points ----------------------------------------------------------

    def add_point(self, key: int, point: InjectionPoint, colour: str | None,
                  editable: bool) -> None:
        r = MARKER_RADIUS
        item = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        item.setData(_KEY, key)
        item.setPos(self.to_scene((point.x, point.y)))
        item.setFlags(_EDITABLE if editable else _FIXED)
        # painted once into a pixmap, then blitted: a frame of 1,000 markers stays cheap
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.setPen(_OUTLINE)
        self._paint(item, colour)
        self.addItem(item)
        self._items[key] = item

    def remove_point(self, key: int) -> None:
        item = self._items.pop(key, None)
        if item is not None:
            self.removeItem(item)

    def update_point(self, key: int, point: InjectionPoint, colour: str | None) -> None:
        item = self._items[key]
        item.setPos(self.to_scene((point.x, point.y)))
        self._paint(item, colour)

    def recolour(self, colours: dict[int, str | None]) -> None:
        """New colours for the points of the given keys."""
        for key, colour in colours.items():
            self._paint(self._items[key], colour)

    def clear_points(self) -> None:
        for key in list(self._items):
            self.remove_point(key)

    def set_editable(self, editable: bool) -> None:
        for item in self._items.values():
            item.setFlags(_EDITABLE if editable else _FIXED)

    @staticmethod
    def _paint(item: QGraphicsEllipseItem, colour: str | None) -> None:
        if colour is None:
            item.setBrush(_brush(_NO_LOT))
            item.setToolTip(tr("This point's lot is not in the session's products."))
        elif item.brush().color().name() != colour:
            item.setBrush(_brush(colour))
            if item.toolTip():
                item.setToolTip("")

    def point_keys(self) -> list[int]:
        return list(self._items)

    def item(self, key: int) -> QGraphicsEllipseItem:
        return self._items[key]

    @staticmethod
    def key_of(item: QGraphicsItem) -> int | None:
        key = item.data(_KEY)
        return key if isinstance(key, int) else None

    def selected_keys(self) -> list[int]:
        return [k for k in (self.key_of(i) for i in self.selectedItems()) if k is not None]

    def select_keys(self, keys: list[int]) -> None:
        """Select exactly these points, telling listeners once: the scene would otherwise
        signal every single item (selecting 1,000 points took 0.9 s)."""
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for key in set(keys):
                if key in self._items:
                    self._items[key].setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

