"""A measurement trend as a small vector chart: values over time, sessions marked."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors

from mesolog.reports.content import TrendBlock
from mesolog.reports.fonts import REGULAR

_LINE = colors.HexColor("#0072B2")
_AXIS = colors.HexColor("#8a94a6")
_SESSION = colors.HexColor("#E69F00")


def trend_drawing(trend: TrendBlock, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    left, bottom, right, top = 34, 16, width - 6, height - 6
    days = [d for d, _ in trend.points] + list(trend.session_days)
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    values = [v for _, v in trend.points]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or max(abs(high) * 0.1, 1)
    low, high = low - pad, high + pad

    def x_of(day: date) -> float:
        return left + (day - first).days / span * (right - left)

    def y_of(value: float) -> float:
        return bottom + (value - low) / (high - low) * (top - bottom)

    drawing.add(Line(left, bottom, right, bottom, strokeColor=_AXIS, strokeWidth=0.6))
    drawing.add(Line(left, bottom, left, top, strokeColor=_AXIS, strokeWidth=0.6))
    for value in (low + pad, high - pad):
        drawing.add(String(left - 3, y_of(value) - 2, f"{value:g}", fontName=REGULAR,
                           fontSize=6, fillColor=_AXIS, textAnchor="end"))
    for day in trend.session_days:
        drawing.add(Line(x_of(day), bottom, x_of(day), bottom + 5, strokeColor=_SESSION,
                         strokeWidth=1))
    drawing.add(String(left, 3, f"{first:%Y-%m-%d}", fontName=REGULAR, fontSize=6,
                       fillColor=_AXIS))
    drawing.add(String(right, 3, f"{last:%Y-%m-%d}", fontName=REGULAR, fontSize=6,
                       fillColor=_AXIS, textAnchor="end"))
    coordinates = [c for d, v in trend.points for c in (x_of(d), y_of(v))]
    if len(trend.points) > 1:
        drawing.add(PolyLine(coordinates, strokeColor=_LINE, strokeWidth=1.2))
    for d, v in trend.points:
        drawing.add(Circle(x_of(d), y_of(v), 1.8, fillColor=_LINE, strokeColor=None))
    return drawing
