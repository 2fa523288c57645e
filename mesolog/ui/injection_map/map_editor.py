"""The injection-map editor of a session: five views of the scalp, the points
placed on them, the tools that save minutes, undo and redo, and the totals.

Every edit is a command on the undo stack; the scenes, the tab counts, the
totals and the session's product volumes all follow the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.catalogue import Lot
from mesolog.domain.injection_map import (
    InjectionPoint,
    counts_by_lot,
    nudged,
    product_colours,
    totals,
    volumes_by_lot,
)
from mesolog.domain.scalp import VIEWS, ScalpView, ScalpZone, zone_at
from mesolog.ui.common.form_dialog import choose
from mesolog.ui.common.language import tr
from mesolog.ui.injection_map.map_document import (
    AddPoints,
    ChangePoints,
    MapDocument,
    RemovePoints,
    undo_actions,
)
from mesolog.ui.injection_map.map_panels import (
    MapSidePanel,
    legend_html,
    status_label,
    totals_area,
    totals_html,
)
from mesolog.ui.injection_map.map_scene import MapScene
from mesolog.ui.injection_map.map_tools import MapTools
from mesolog.ui.injection_map.map_view import MapView

PreviousMap = Callable[[], tuple[datetime, tuple[InjectionPoint, ...]]]


_TOTAL_LINES = 9  # header, six zones, the total, a spare line for wrapping


class InjectionMapEditor(MapTools, QWidget):
    edited = Signal()
    volumes_changed = Signal(object)  # lot id → (points, ml): the map's share of the products

    def __init__(self, catalogue: dict[int, Lot], previous_map: PreviousMap | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._catalogue = catalogue  # every known lot, to match a copied point's product
        self._previous_map = previous_map
        self._lots: list[Lot] = []
        self._colours: dict[int, str] = {}  # lot id → colour of its product
        self._editable = True
        self.document = MapDocument(self)
        self.undo_stack = QUndoStack(self)
        self.scenes = {view: MapScene(view, self) for view in ScalpView}

        self.view_tabs = QTabBar()
        for view in ScalpView:
            self.view_tabs.addTab(view.label)
        self.canvas = MapView()
        self.canvas.setScene(self.scenes[ScalpView.TOP])
        self.undo_action, self.redo_action = undo_actions(self, self.undo_stack)
        top_bar = QHBoxLayout()
        top_bar.addWidget(self.view_tabs, 1)
        for button in self.canvas.zoom_buttons():
            top_bar.addWidget(button)
        for action in (self.undo_action, self.redo_action):
            button = QToolButton()
            button.setDefaultAction(action)
            top_bar.addWidget(button)

        self.side = MapSidePanel()
        side = self.side  # its fields, named as the editor's own (tests and the editor)
        self.next_point, self.selected = side.next_point, side.selected
        self.selection_label, self.delete_button = side.selection_label, side.delete_button
        self.zone, self.spacing = side.zone, side.spacing
        self.fill_button, self.clear_zone_button = side.fill_button, side.clear_zone_button
        self.copy_button, self.legend = side.copy_button, side.legend
        self.zone_totals = QLabel()
        self.zone_totals.setWordWrap(True)
        self.product_totals = QLabel()
        self.product_totals.setWordWrap(True)
        self.status = status_label()

        middle = QHBoxLayout()
        middle.addWidget(self.canvas, 1)
        middle.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top_bar)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        self.status.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)  # one or two lines
        self.totals_area = totals_area(self.zone_totals, self.product_totals, _TOTAL_LINES)
        layout.addWidget(self.totals_area)

        self.view_tabs.currentChanged.connect(self._show_view)
        self.canvas.place_requested.connect(self.place_at)
        self.canvas.moved.connect(self._dragged)
        self.canvas.nudge_requested.connect(self.nudge)
        self.canvas.delete_requested.connect(self.delete_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.selected.edited.connect(self._edit_selected)
        self.fill_button.clicked.connect(self.fill_zone)
        self.clear_zone_button.clicked.connect(self.clear_zone)
        self.copy_button.clicked.connect(self.copy_last_map)
        for scene in self.scenes.values():
            scene.selectionChanged.connect(self._selection_changed)
        self.document.added.connect(self._added)
        self.document.removed.connect(self._removed)
        self.document.changed.connect(self._changed)
        self.document.reset.connect(self._rebuild)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self._show_view(0)
        self._selection_changed()
        self._after_change()

    # -- what the session holds --------------------------------------------

    def load(self, points: tuple[InjectionPoint, ...]) -> None:
        self.document.load(points)
        self.undo_stack.clear()
        counts = {view: sum(p.view is view for p in points) for view in ScalpView}
        busiest = max(ScalpView, key=lambda v: counts[v]) if points else ScalpView.TOP
        self.view_tabs.setCurrentIndex(list(ScalpView).index(busiest))

    def points(self) -> tuple[InjectionPoint, ...]:
        return self.document.points()

    def set_lots(self, lots: list[Lot]) -> None:
        """The session's lots, in its product list's order: what points may use."""
        self._lots = list(lots)
        by_product = product_colours(lot.product_id for lot in lots)
        self._colours = {lot.id: by_product[lot.product_id] for lot in lots}
        self.next_point.set_lots(self._lots)
        self.selected.set_lots(self._lots)
        self.legend.setText(legend_html(self._lots, by_product))
        for view, scene in self.scenes.items():
            scene.recolour({key: self._colours.get(point.lot_id)
                            for key, point in self.document.items() if point.view is view})
        if len(self.document):
            self._show_totals()  # product names may have changed

    def set_default_depth(self, depth_mm: float) -> None:
        self.next_point.show_values(self.next_point.lot_id(), depth_mm,
                                    self.next_point.volume_ml())

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.canvas.editable = editable
        for scene in self.scenes.values():
            scene.set_editable(editable)
        for widget in (self.next_point, self.selected, self.delete_button, self.zone,
                       self.spacing, self.fill_button, self.clear_zone_button,
                       self.copy_button):
            widget.setEnabled(editable)
        if editable:
            self._selection_changed()

    @property
    def current_view(self) -> ScalpView:
        return list(ScalpView)[self.view_tabs.currentIndex()]

    @property
    def scene(self) -> MapScene:
        return self.scenes[self.current_view]

    # -- edits, each one command ---------------------------------------------

    def place_at(self, position: QPointF) -> bool:
        """A point where the practitioner clicked, with the next point's lot, depth and volume."""
        where = self.scene.to_normalised(position)
        if zone_at(self.current_view, where) is None:
            self._say(tr("That is outside the scalp outline; click on the diagram."))
            return False
        point = self._new_point(where)
        if point is None:
            return False
        command = AddPoints(self.document, [point], tr("Place point in {zone}").format(
            zone=point.zone.label))
        self.undo_stack.push(command)
        self.scene.select_keys(command.keys)
        self._say(tr("Point placed in {zone}.").format(zone=point.zone.label))
        return True

    def _new_point(self, where: tuple[float, float]) -> InjectionPoint | None:
        if self.next_point.lot_id() is None:
            self._say(tr("Add the product and lot to the session first (Products and lots); "
                      "points are placed with a lot."))
            return None
        if not self.next_point.check():
            self._say(tr("Correct the depth or volume of the next point first."))
            return None
        return InjectionPoint(self.current_view, where[0], where[1], self.next_point.depth_mm(),
                              self.next_point.volume_ml(), self.next_point.lot_id())

    def _dragged(self, positions: dict[int, QPointF]) -> None:
        after = {key: self.document.point(key).moved_to(*self.scene.to_normalised(position))
                 for key, position in positions.items()}
        if any(point.zone is None for point in after.values()):
            self.canvas.restore_positions({k: self.scene.to_scene(
                (self.document.point(k).x, self.document.point(k).y)) for k in positions})
            self._say(tr("Points stay on the scalp: the move was undone."))
            return
        count = len(after)
        self.undo_stack.push(ChangePoints(self.document, after,
                                          tr("Move %Ln point(s)", "", count)))

    def nudge(self, dx: int, dy: int) -> None:
        keys = self.scene.selected_keys()
        after = {key: nudged(self.document.point(key), dx, dy) for key in keys}
        if not after:
            return
        if any(point.zone is None for point in after.values()):
            self._say(tr("Points stay on the scalp: that nudge would take one off it."))
            return
        self.undo_stack.push(ChangePoints(self.document, after, tr("Nudge points")))
        self.scene.select_keys(keys)

    def delete_selected(self) -> None:
        keys = self.scene.selected_keys()
        if keys and self._editable:
            self.undo_stack.push(RemovePoints(self.document, keys,
                                              tr("Delete %Ln point(s)", "", len(keys))))
            self._say(tr("%Ln point(s) deleted (Ctrl+Z brings them back).", "", len(keys)))

    def _edit_selected(self, field: str) -> None:
        keys = self.scene.selected_keys()
        value = {"lot_id": self.selected.lot_id(), "depth_mm": self.selected.depth_mm(),
                 "volume_ml": self.selected.volume_ml()}[field]
        if value is None:
            return
        after = {key: _with(self.document.point(key), field, value) for key in keys
                 if getattr(self.document.point(key), field) != value}
        if after:
            change = {"lot_id": tr("Change lot"), "depth_mm": tr("Change depth"),
                      "volume_ml": tr("Change volume")}[field]
            self.undo_stack.push(ChangePoints(self.document, after, change))
            self.scene.select_keys(keys)

    def chosen_zone(self) -> ScalpZone | None:
        value = self.zone.currentData()  # Qt hands a StrEnum back as its plain string
        return ScalpZone(value) if value else None

    # -- following the document --------------------------------------------------

    def _added(self, keys: list[int]) -> None:
        for key in keys:
            point = self.document.point(key)
            self.scenes[point.view].add_point(key, point, self._colours.get(point.lot_id),
                                              self._editable)
        self._after_change()

    def _removed(self, keys: list[int]) -> None:
        for scene in self.scenes.values():
            for key in keys:
                scene.remove_point(key)
        self._after_change()

    def _changed(self, keys: list[int]) -> None:
        for key in keys:
            point = self.document.point(key)
            self.scenes[point.view].update_point(key, point, self._colours.get(point.lot_id))
        self._after_change()
        self._selection_changed()

    def _rebuild(self) -> None:
        for scene in self.scenes.values():
            scene.clear_points()
        self._added([key for key, _ in self.document.items()])

    def _after_change(self) -> None:
        points = self.document.points()
        for i, view in enumerate(ScalpView):
            count = sum(1 for p in points if p.view is view)
            self.view_tabs.setTabText(i, f"{view.label} · {count}" if count else view.label)
        self._show_totals()
        counts, volumes = counts_by_lot(points), volumes_by_lot(points)
        self.volumes_changed.emit({lot: (counts[lot], volumes[lot]) for lot in counts})

    def _show_totals(self) -> None:
        by_zone, by_product = totals_html(totals(self.document.points()),
                                          {lot.id: lot for lot in self._lots})
        self.zone_totals.setText(by_zone)
        self.product_totals.setText(by_product)

    def _show_view(self, index: int) -> None:
        view = list(ScalpView)[index]
        self.canvas.setScene(self.scenes[view])
        self.canvas.fit()
        chosen = self.zone.currentData()
        self.zone.clear()
        for zone, _ in VIEWS[view].zones:
            self.zone.addItem(zone.label, zone)
        choose(self.zone, chosen)
        self._selection_changed()

    def _selection_changed(self) -> None:
        # while points are removed, the scene still reports the ones going
        keys = [key for key in self.scene.selected_keys() if key in self.document]
        self.selected.setEnabled(bool(keys) and self._editable)
        self.delete_button.setEnabled(bool(keys) and self._editable)
        if not keys:
            self.selection_label.setText(tr("No point selected. Click a point, or drag a frame "
                                         "around several."))
            return
        first = self.document.point(keys[0])
        zones = {self.document.point(k).zone for k in keys}
        where = first.zone.label if len(zones) == 1 and first.zone else tr("several zones")
        self.selection_label.setText(tr("%Ln point(s) selected, in {zone}.", "",
                                        len(keys)).format(zone=where))
        self.selected.show_values(first.lot_id, first.depth_mm, first.volume_ml)
        if first.zone is not None:
            choose(self.zone, first.zone)

    def _stack_moved(self, _index: int) -> None:
        self.edited.emit()

    def _say(self, message: str) -> None:
        self.status.setText(message)


def _with(point: InjectionPoint, field: str, value: object) -> InjectionPoint:
    return replace(point, **{field: value})
