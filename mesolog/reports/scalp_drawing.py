"""An injection map as vector graphics, drawn from the same geometry as the editor.

Drawn straight onto the page's canvas (a flowable, not a ReportLab Drawing):
a map has hundreds of dots, and the graphics tree costs five times as much.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from mesolog.domain.injection_map import InjectionPoint, points_count, product_colours
from mesolog.domain.scalp import VIEWS, ScalpView, label_anchor
from mesolog.domain.translation import _
from mesolog.reports.fonts import BOLD, REGULAR

_OUTLINE = colors.HexColor("#2f3a4a")
_LABEL = colors.HexColor("#55606e")
_ZONE_EDGE = colors.HexColor("#9aa3b2")
_TITLE_ROOM = 20  # the view's name, then what lies beyond its upper corners
_SCALE_ROOM = 10


class ScalpViewFlowable(Flowable):
    """One view of the scalp ``width`` points wide, with its zones and ``points``."""

    def __init__(self, view: ScalpView, points: tuple[InjectionPoint, ...],
                 colours: dict[int, str], width: float):
        super().__init__()
        self.view = view
        self.points = [p for p in points if p.view is view]
        self.colours = colours
        geometry = VIEWS[view]
        self.scale = width / geometry.width_cm
        self.map_width = width
        self.map_height = geometry.height_cm * self.scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.map_width, self.map_height + _TITLE_ROOM + _SCALE_ROOM

    def _at(self, x: float, y: float) -> tuple[float, float]:
        return x * self.map_width, _SCALE_ROOM + self.map_height * (1 - y)  # PDF y runs up

    def _path(self, canvas: Canvas, polygon) -> object:
        path = canvas.beginPath()
        path.moveTo(*self._at(*polygon[0]))
        for point in polygon[1:]:
            path.lineTo(*self._at(*point))
        path.close()
        return path

    def draw(self) -> None:
        canvas: Canvas = self.canv
        g = VIEWS[self.view]
        canvas.saveState()
        canvas.clipPath(self._path(canvas, g.outline), stroke=0, fill=0)
        canvas.setStrokeColor(_ZONE_EDGE)
        canvas.setLineWidth(0.4)
        canvas.setDash(2, 2)
        # the first zone that holds a point wins (scalp.zone_at), so it is drawn on top
        for zone, polygon in reversed(g.zones):
            canvas.setFillColor(colors.HexColor(zone.tint))
            canvas.drawPath(self._path(canvas, polygon), stroke=1, fill=1)
        canvas.restoreState()
        canvas.setFont(REGULAR, 6)
        canvas.setFillColor(_LABEL)
        for zone, _polygon in g.zones:
            x, y = self._at(*label_anchor(self.view, zone))
            canvas.drawCentredString(x, y - 2, zone.label)
        canvas.setStrokeColor(colors.white)
        canvas.setLineWidth(0.4)
        for point in self.points:
            canvas.setFillColor(colors.HexColor(self.colours.get(point.lot_id, "#9e9e9e")))
            canvas.circle(*self._at(point.x, point.y), 2.1, stroke=1, fill=1)
        canvas.setStrokeColor(_OUTLINE)
        canvas.setLineWidth(1)
        canvas.drawPath(self._path(canvas, g.outline), stroke=1, fill=0)
        canvas.setFont(BOLD, 7)
        canvas.setFillColor(_OUTLINE)
        count = len(self.points)
        title = f"{self.view.label} · {points_count(count)}" if count else self.view.label
        canvas.drawString(0, _SCALE_ROOM + self.map_height + 11, title)
        self._draw_orientation(canvas)
        canvas.setStrokeColor(_LABEL)
        canvas.setLineWidth(0.8)
        canvas.line(0, 3, 2 * self.scale, 3)
        canvas.setFont(REGULAR, 5.5)
        canvas.setFillColor(_LABEL)
        canvas.drawString(2 * self.scale + 3, 1, _("2 cm"))


    def _draw_orientation(self, canvas: Canvas) -> None:
        """The editor's edge labels (scalp.Orientation), so paper is never read mirrored."""
        labels = VIEWS[self.view].orientation.edge_labels()
        canvas.setFont(REGULAR, 5.5)
        canvas.setFillColor(_LABEL)
        y = _SCALE_ROOM + self.map_height + 3
        if "left" in labels:
            canvas.drawString(0, y, labels["left"])
        if "right" in labels:
            canvas.drawRightString(self.map_width, y, labels["right"])
        if "top" in labels:
            canvas.drawCentredString(self.map_width / 2, y, labels["top"])
        if "bottom" in labels:
            canvas.drawCentredString(self.map_width / 2, 1, labels["bottom"])


def lot_colours(points: tuple[InjectionPoint, ...],
                lot_products: dict[int, int]) -> dict[int, str]:
    """Each lot's colour: its product's, in order of first appearance (as in the editor)."""
    by_product = product_colours(lot_products.get(p.lot_id, -p.lot_id) for p in points)
    return {lot: by_product[lot_products.get(lot, -lot)] for lot in {p.lot_id for p in points}}
