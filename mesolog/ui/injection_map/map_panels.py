"""The fields and read-outs around the injection map.

``PointFields`` is a lot / depth / volume trio with messages under the
fields (used for the next points placed and for the selected ones); the
legend and the totals are read-only text drawn from the domain's tallies.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.catalogue import Lot
from mesolog.domain.injection_map import MapTotals, depth_problem, volume_problem
from mesolog.domain.translation import number
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.language import tr

DEFAULT_POINT_VOLUME_ML = 0.05


class PointFields(QWidget):
    """Lot, depth and volume of points; ``edited`` names the field a person finished."""

    edited = Signal(str)  # "lot_id", "depth_mm" or "volume_ml"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lot = QComboBox()
        self.lot.setMinimumContentsLength(12)
        self.lot.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # wider than the bounds on purpose: a value out of bounds gets a message, not a
        # silently clamped number
        self.depth = QDoubleSpinBox()
        self.depth.setRange(0, 99.9)
        self.depth.setDecimals(1)
        self.depth.setSingleStep(0.5)
        self.depth.setSuffix(tr(" mm"))
        self.depth.setValue(1.5)
        self.volume = QDoubleSpinBox()
        self.volume.setRange(0, 9.99)
        self.volume.setDecimals(2)
        self.volume.setSingleStep(0.01)
        self.volume.setSuffix(tr(" ml"))
        self.volume.setValue(DEFAULT_POINT_VOLUME_ML)
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Lot"), self.errors.under("lot_id", self.lot))
        form.addRow(tr("Depth"), self.errors.under("depth_mm", self.depth))
        form.addRow(tr("Volume"), self.errors.under("volume_ml", self.volume))
        self.lot.activated.connect(lambda _i: self.edited.emit("lot_id"))
        self.depth.editingFinished.connect(lambda: self._finished("depth_mm"))
        self.volume.editingFinished.connect(lambda: self._finished("volume_ml"))
        self.depth.valueChanged.connect(lambda _v: self.check())
        self.volume.valueChanged.connect(lambda _v: self.check())

    def set_lots(self, lots: list[Lot]) -> None:
        current = self.lot_id()
        self.lot.clear()
        for lot in lots:
            self.lot.addItem(f"{lot.product_name} · {lot.details.lot_no}", lot.id)
        if not lots:
            self.lot.addItem(tr("— add a product first —"), None)
        index = self.lot.findData(current)
        self.lot.setCurrentIndex(max(index, 0))

    def lot_id(self) -> int | None:
        return self.lot.currentData()

    def depth_mm(self) -> float:
        return round(self.depth.value(), 1)

    def volume_ml(self) -> float:
        return round(self.volume.value(), 2)

    def show_values(self, lot_id: int | None, depth_mm: float, volume_ml: float) -> None:
        for widget in (self.lot, self.depth, self.volume):
            widget.blockSignals(True)
        self.lot.setCurrentIndex(max(self.lot.findData(lot_id), 0))
        self.depth.setValue(depth_mm)
        self.volume.setValue(volume_ml)
        for widget in (self.lot, self.depth, self.volume):
            widget.blockSignals(False)
        self.check()

    def check(self) -> bool:
        """Show what is wrong under the fields; True when the values can be used."""
        problems = {"depth_mm": depth_problem(self.depth_mm()),
                    "volume_ml": volume_problem(self.volume_ml())}
        for key, problem in problems.items():
            self.errors.set(key, problem)
        return not any(problems.values())

    def problem(self, key: str) -> str:
        return self.errors.text(key)

    def _finished(self, key: str) -> None:
        if self.check():
            self.edited.emit(key)


def legend_html(lots: list[Lot], colours: dict[int, str]) -> str:
    """One line per product in the session: its colour and its lots."""
    if not lots:
        return "<i>" + tr("No products in the session yet.") + "</i>"
    by_product: dict[int, list[Lot]] = {}
    for lot in lots:
        by_product.setdefault(lot.product_id, []).append(lot)
    return "<br>".join(
        f"<span style='color:{colours[pid]}; font-size:14pt'>●</span> "
        f"{html.escape(group[0].product_name)} "
        f"<span style='color:#55606e'>({', '.join(html.escape(g.details.lot_no) for g in group)})"
        f"</span>" for pid, group in by_product.items())


def totals_html(totals: MapTotals, lots: dict[int, Lot]) -> tuple[str, str]:
    """Points and volume per zone, and per product with the whole session's total."""
    if not totals.points:
        return ("<i>" + tr("No points on the map yet: click on the diagram to place one.")
                + "</i>", "")
    zones = [_header(tr("Zone"))] + [_row(zone.label, t.points, t.volume_ml)
                                 for zone, t in totals.by_zone.items()]
    products: dict[str, tuple[int, float]] = {}
    for lot_id, tally in totals.by_lot.items():
        lot = lots.get(lot_id)
        name = (f"{lot.product_name} ({lot.details.lot_no})" if lot
                else tr("lot #{number}").format(number=lot_id))
        count, volume = products.get(name, (0, 0.0))
        products[name] = (count + tally.points, volume + tally.volume_ml)
    by_product = [_header(tr("Product"))] + [_row(name, count, volume)
                                         for name, (count, volume) in products.items()]
    total = tr("Total")
    by_product.append(f"<tr><td><b>{total}</b></td><td align='right'><b>"
                      f"{number(totals.points)}</b></td><td align='right'><b>"
                      f"{number(totals.volume_ml, 2)} ml</b></td></tr>")
    return _table(zones), _table(by_product)


def _table(rows: list[str]) -> str:
    return f"<table cellspacing='0' cellpadding='2' width='100%'>{''.join(rows)}</table>"


def _header(name: str) -> str:
    points, volume = tr("Points"), tr("Volume")
    return (f"<tr><th align='left'>{name}</th><th align='right'>{points}</th>"
            f"<th align='right'>{volume}</th></tr>")


def _row(name: str, points: int, volume: float) -> str:
    return (f"<tr><td>{html.escape(name)}</td><td align='right'>{number(points)}</td>"
            f"<td align='right'>{number(volume, 2)} ml</td></tr>")


def totals_area(zone_totals: QLabel, product_totals: QLabel, lines: int) -> QScrollArea:
    """The totals by zone and by product side by side, ``lines`` high from the start: the
    totals appearing or growing never shrink the canvas, so the map does not jump under
    the cursor."""
    panel = QWidget()
    row = QHBoxLayout(panel)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(zone_totals, 1, Qt.AlignmentFlag.AlignTop)
    row.addSpacing(24)
    row.addWidget(product_totals, 1, Qt.AlignmentFlag.AlignTop)
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFixedHeight(zone_totals.fontMetrics().lineSpacing() * lines + 8)
    return area


def status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #55606e;")
    return label


class MapSidePanel(QScrollArea):
    """Beside the map: the next point's fields, the selected points', the zone tools
    and the legend."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.next_point = PointFields()
        self.selected = PointFields()
        self.selection_label = QLabel(tr("No point selected."))
        self.selection_label.setWordWrap(True)
        self.delete_button = QPushButton(tr("&Delete Points"))
        self.zone = QComboBox()
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(0.2, 5.0)
        self.spacing.setSingleStep(0.1)
        self.spacing.setDecimals(1)
        self.spacing.setValue(1.0)
        self.spacing.setSuffix(tr(" cm apart"))
        self.fill_button = QPushButton(tr("&Fill Zone"))
        self.clear_zone_button = QPushButton(tr("Clear &Zone"))
        self.copy_button = QPushButton(tr("&Copy Last Map"))
        self.copy_button.setToolTip(
            tr("Place the points of this patient's previous mapped session"))
        self.legend = QLabel()
        self.legend.setWordWrap(True)

        side = QVBoxLayout()
        next_box = QGroupBox(tr("Next point placed"))
        QVBoxLayout(next_box).addWidget(self.next_point)
        selected_box = QGroupBox(tr("Selected points"))
        selected_layout = QVBoxLayout(selected_box)
        selected_layout.addWidget(self.selection_label)
        selected_layout.addWidget(self.selected)
        selected_layout.addWidget(self.delete_button)
        tools_box = QGroupBox(tr("Zone tools"))
        tools = QFormLayout(tools_box)
        tools.addRow(tr("Zone"), self.zone)
        tools.addRow(tr("Spacing"), self.spacing)
        zone_buttons = QHBoxLayout()
        zone_buttons.addWidget(self.fill_button)
        zone_buttons.addWidget(self.clear_zone_button)
        tools.addRow(zone_buttons)
        tools.addRow(self.copy_button)
        legend_box = QGroupBox(tr("Legend"))
        QVBoxLayout(legend_box).addWidget(self.legend)
        for box in (next_box, selected_box, tools_box, legend_box):
            side.addWidget(box)
        side.addStretch(1)
        side_panel = QWidget()
        side_panel.setLayout(side)
        self.setWidget(side_panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFixedWidth(330)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
