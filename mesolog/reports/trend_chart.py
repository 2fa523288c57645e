"""A measurement trend as a small vector chart: values over time, sessions marked.

Drawn straight onto the canvas, like the scalp maps, for the same reason.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable

from mesolog.domain.translation import month_text
from mesolog.domain.trend_axes import month_starts, value_axis
from mesolog.reports.content import TrendBlock
from mesolog.reports.fonts import REGULAR

_LINE = colors.HexColor("#0072B2")
_AXIS = colors.HexColor("#8a94a6")
_SESSION = colors.HexColor("#E69F00")


class TrendChart(Flowable):
    def __init__(self, trend: TrendBlock, width: float, height: float):
        super().__init__()
        self.trend = trend
        self.chart_width, self.chart_height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.chart_width, self.chart_height

    def draw(self) -> None:
        canvas, trend = self.canv, self.trend
        left, bottom = 34, 16
        right, top = self.chart_width - 6, self.chart_height - 6
        days = [d for d, _ in trend.points] + list(trend.session_days)
        first, last = min(days), max(days)
        span = max((last - first).days, 1)
        low, high, step = value_axis(trend.metric, [v for _, v in trend.points])

        def x_of(day: date) -> float:
            return left + (day - first).days / span * (right - left)

        def y_of(value: float) -> float:
            return bottom + (value - low) / (high - low) * (top - bottom)

        canvas.setStrokeColor(_AXIS)
        canvas.setLineWidth(0.6)
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, bottom, left, top)
        canvas.setFont(REGULAR, 6)
        canvas.setFillColor(_AXIS)
        ticks = round((high - low) / step)
        for i in range(0, ticks + 1, 2 if ticks > 5 else 1):  # the same axis as on screen
            value = low + i * step
            canvas.line(left - 2, y_of(value), left, y_of(value))
            canvas.drawRightString(left - 3, y_of(value) - 2, f"{value:g}")
        for month in month_starts(first, last, most=5):  # each month named once
            canvas.line(x_of(month), bottom - 2, x_of(month), bottom)
            canvas.drawCentredString(min(max(x_of(month), left + 12), right - 12), 3,
                                     month_text(month))
        canvas.setStrokeColor(_SESSION)
        canvas.setLineWidth(1)
        for day in trend.session_days:
            canvas.line(x_of(day), bottom, x_of(day), bottom + 5)
        canvas.setStrokeColor(_LINE)
        canvas.setFillColor(_LINE)
        canvas.setLineWidth(1.2)
        path = canvas.beginPath()
        for i, (d, v) in enumerate(trend.points):
            (path.lineTo if i else path.moveTo)(x_of(d), y_of(v))
        canvas.drawPath(path, stroke=1, fill=0)
        for d, v in trend.points:
            canvas.circle(x_of(d), y_of(v), 1.8, stroke=0, fill=1)
