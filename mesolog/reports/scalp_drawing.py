"""An injection map as vector graphics, drawn from the same geometry as the editor."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, String
from reportlab.lib import colors

from mesolog.domain.injection_map import InjectionPoint, product_colours
from mesolog.domain.scalp import VIEWS, ScalpView, label_anchor
from mesolog.reports.fonts import BOLD, REGULAR

_TINTS = ("#eef3fb", "#f6f1e9", "#eef7f0", "#f7eef4", "#f1f1f1", "#f3f0fa")
_OUTLINE = colors.HexColor("#2f3a4a")
_LABEL = colors.HexColor("#55606e")


def view_drawing(view: ScalpView, points: tuple[InjectionPoint, ...],
                 colours: dict[int, str], width: float) -> Drawing:
    """One view of the scalp ``width`` points wide, with its zones and ``points``."""
    g = VIEWS[view]
    scale = width / g.width_cm
    height = g.height_cm * scale
    title_room = 12
    drawing = Drawing(width, height + title_room)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * width, height - y * height  # PDF y runs upwards

    labels = []
    # the first zone that holds a point wins (scalp.zone_at), so it is drawn on top
    for index, (zone, polygon) in reversed(list(enumerate(g.zones))):
        clipped = _clip_to_outline(polygon, g.outline)
        flat = [c for p in clipped for c in at(*p)]
        if len(flat) < 6:
            continue
        drawing.add(Polygon(flat, fillColor=colors.HexColor(_TINTS[index % 6]),
                            strokeColor=colors.HexColor("#9aa3b2"), strokeWidth=0.4,
                            strokeDashArray=[2, 2]))
        x, y = at(*label_anchor(view, zone))
        labels.append(String(x, y, zone.label, fontName=REGULAR, fontSize=6,
                             fillColor=_LABEL, textAnchor="middle"))
    for label in labels:  # above every zone's tint
        drawing.add(label)
    drawing.add(Polygon([c for p in g.outline for c in at(*p)], fillColor=None,
                        strokeColor=_OUTLINE, strokeWidth=1))
    dots = Group()
    for point in points:
        if point.view is not view:
            continue
        x, y = at(point.x, point.y)
        dots.add(Circle(x, y, 2.1, fillColor=colors.HexColor(colours.get(point.lot_id,
                                                                         "#9e9e9e")),
                        strokeColor=colors.white, strokeWidth=0.4))
    drawing.add(dots)
    count = sum(1 for p in points if p.view is view)
    drawing.add(String(0, height + 3, f"{view.label} · {count} points" if count
                       else view.label, fontName=BOLD, fontSize=7, fillColor=_OUTLINE))
    drawing.add(Line(0, -4, 2 * scale, -4, strokeColor=_LABEL, strokeWidth=0.8))
    drawing.add(String(2 * scale + 3, -6, "2 cm", fontName=REGULAR, fontSize=5.5,
                       fillColor=_LABEL))
    return drawing


def lot_colours(points: tuple[InjectionPoint, ...],
                lot_products: dict[int, int]) -> dict[int, str]:
    """Each lot's colour: its product's, in order of first appearance (as in the editor)."""
    by_product = product_colours(lot_products.get(p.lot_id, -p.lot_id) for p in points)
    return {lot: by_product[lot_products.get(lot, -lot)] for lot in {p.lot_id for p in points}}


def _clip_to_outline(polygon, outline):
    """The part of a zone's polygon inside the outline (Sutherland–Hodgman against the
    outline's convex polygon), so zones print inside the head as on screen."""
    result = list(polygon)
    n = len(outline)
    orientation = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2)
                      in zip(outline, outline[1:] + outline[:1], strict=True))
    for i in range(n):
        a, b = outline[i], outline[(i + 1) % n]
        if not result:
            break
        current, result = result, []
        for j, p in enumerate(current):
            q = current[(j + 1) % len(current)]
            p_in, q_in = _inside(a, b, p, orientation), _inside(a, b, q, orientation)
            if p_in:
                result.append(p)
                if not q_in:
                    result.append(_cross(a, b, p, q))
            elif q_in:
                result.append(_cross(a, b, p, q))
    return result


def _inside(a, b, p, orientation: float) -> bool:
    side = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    return side >= 0 if orientation > 0 else side <= 0


def _cross(a, b, p, q):
    x1, y1, x2, y2 = a[0], a[1], b[0], b[1]
    x3, y3, x4, y4 = p[0], p[1], q[0], q[1]
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if d == 0:
        return q
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
    return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
