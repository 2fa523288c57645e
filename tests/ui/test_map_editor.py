"""The injection-map editor driven as a practitioner drives it: mouse and keys."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from mesolog.domain.catalogue import Lot, LotDetails
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.validation import NotFoundError
from mesolog.ui.injection_map.map_editor import InjectionMapEditor
from tests.ui.modal import answer_message_box

MINOX = Lot(1, 10, "Minoxidil 0.5 %", LotDetails("M-77", date(2027, 1, 31)))
BIOTIN = Lot(2, 20, "Biotin complex", LotDetails("B-2031", date(2027, 6, 30)))
OLD_BIOTIN = Lot(3, 20, "Biotin complex", LotDetails("B-1990", date(2026, 10, 31)))
CATALOGUE = {lot.id: lot for lot in (MINOX, BIOTIN, OLD_BIOTIN)}
LAST_VISIT = datetime(2026, 10, 1, 9, 0)
LAST_MAP = tuple(InjectionPoint(ScalpView.TOP, x, y, 2.0, 0.1, OLD_BIOTIN.id)
                 for x, y in grid(ScalpView.TOP, ScalpZone.VERTEX, 1.5))


@pytest.fixture
def editor(qtbot):
    return _shown_editor(qtbot)


def _shown_editor(qtbot) -> InjectionMapEditor:
    def previous_map():
        return LAST_VISIT, LAST_MAP
    widget = InjectionMapEditor(CATALOGUE, previous_map)
    qtbot.addWidget(widget)
    widget.set_lots([MINOX, BIOTIN])
    widget.load(())
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def at(editor, x: float, y: float) -> QPoint:
    """Where normalised (x, y) of the shown view is on the canvas' viewport."""
    return editor.canvas.mapFromScene(editor.scene.to_scene((x, y)))


def click(qtbot, editor, x: float, y: float, **kwargs) -> None:
    qtbot.mouseClick(editor.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(editor, x, y),
                     **kwargs)


def drag(qtbot, editor, start: QPoint, end: QPoint) -> None:
    viewport = editor.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_clicks_place_points_with_the_next_points_lot_depth_and_volume(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    editor.next_point.lot.setCurrentIndex(1)  # biotin
    editor.next_point.depth.setValue(2.5)
    editor.next_point.volume.setValue(0.1)
    click(qtbot, editor, 0.5, 0.7)
    first, second = editor.points()
    assert (first.zone, first.lot_id, first.depth_mm, first.volume_ml) == (
        ScalpZone.MID_SCALP, MINOX.id, 1.5, 0.05)
    assert (second.zone, second.lot_id, second.depth_mm, second.volume_ml) == (
        ScalpZone.VERTEX, BIOTIN.id, 2.5, 0.1)
    assert (first.x, first.y) == pytest.approx((0.5, 0.45), abs=0.005)
    assert editor.view_tabs.tabText(0) == "Top (vertex) · 2"
    assert "Mid-scalp" in editor.zone_totals.text() and "0.15 ml" in editor.product_totals.text()
    # the newest point is selected, and the side panel shows it
    assert editor.scene.selected_keys() and editor.selected.depth_mm() == 2.5


def test_a_click_off_the_scalp_places_nothing_and_says_why(qtbot, editor):
    click(qtbot, editor, 0.02, 0.02)
    assert editor.points() == ()
    assert "outside the scalp outline" in editor.status.text()


def test_points_stay_where_clicked_whatever_the_window_size(qtbot, editor):
    click(qtbot, editor, 0.4, 0.3)
    editor.resize(600, 900)
    qtbot.wait(10)
    small = editor.canvas.transform().m11()
    click(qtbot, editor, 0.6, 0.3)
    xs = [round(p.x, 2) for p in editor.points()]
    assert xs == [0.4, 0.6] and small != pytest.approx(0)


def test_drag_a_point_then_undo_and_redo(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    drag(qtbot, editor, at(editor, 0.5, 0.45), at(editor, 0.5, 0.7))
    (moved,) = editor.points()
    assert moved.zone is ScalpZone.VERTEX and moved.y == pytest.approx(0.7, abs=0.01)
    editor.undo_action.trigger()
    assert editor.points()[0].zone is ScalpZone.MID_SCALP
    editor.undo_action.trigger()
    assert editor.points() == ()
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert editor.points()[0].zone is ScalpZone.VERTEX
    # the items on the canvas follow the document both ways
    item = editor.scene.item(editor.scene.point_keys()[0])
    assert editor.scene.to_normalised(item.pos())[1] == pytest.approx(0.7, abs=0.01)
    assert editor.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in editor.redo_action.shortcuts()


def test_dragging_a_point_off_the_scalp_puts_it_back(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    drag(qtbot, editor, at(editor, 0.5, 0.45), at(editor, 0.02, 0.98))
    (point,) = editor.points()
    assert point.zone is ScalpZone.MID_SCALP and "Points stay on the scalp" in \
        editor.status.text()
    item = editor.scene.item(editor.scene.point_keys()[0])
    assert editor.scene.to_normalised(item.pos()) == pytest.approx((0.5, 0.45), abs=0.005)


def test_rubber_band_selects_delete_removes_and_undo_brings_back(qtbot, editor):
    for x in (0.4, 0.5, 0.6):
        click(qtbot, editor, x, 0.45)
    click(qtbot, editor, 0.5, 0.7)
    drag(qtbot, editor, at(editor, 0.3, 0.38), at(editor, 0.7, 0.52))  # frame the three
    assert len(editor.scene.selected_keys()) == 3
    assert editor.selection_label.text().startswith("3 points selected, in Mid-scalp")
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert [p.zone for p in editor.points()] == [ScalpZone.VERTEX]
    editor.undo_action.trigger()
    assert len(editor.points()) == 4


def test_keys_nudge_and_tab_walks_through_the_points(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    click(qtbot, editor, 0.5, 0.7)
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Tab)  # from the last placed to the first
    first_key = editor.scene.point_keys()[0]
    assert editor.scene.selected_keys() == [first_key]
    before = editor.document.point(first_key)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    after = editor.document.point(first_key)
    assert after.x - before.x == pytest.approx(0.1 / 16, abs=1e-4)  # 1 mm on a 16 cm canvas
    assert after.y - before.y == pytest.approx(0.5 / 20, abs=1e-4)  # 5 mm with Shift
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Tab)
    assert editor.scene.selected_keys() == [editor.scene.point_keys()[1]]
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.document.point(first_key) == before


def test_fill_a_zone_then_clear_it(qtbot, editor):
    editor.zone.setCurrentIndex(editor.zone.findData(ScalpZone.VERTEX))
    editor.spacing.setValue(1.0)
    qtbot.mouseClick(editor.fill_button, Qt.MouseButton.LeftButton)
    expected = grid(ScalpView.TOP, ScalpZone.VERTEX, 1.0)
    assert len(editor.points()) == len(expected) > 20
    assert {p.zone for p in editor.points()} == {ScalpZone.VERTEX}
    assert f"filled with {len(expected)} points 1 cm apart" in editor.status.text()
    # filling again adds nothing where points already stand
    qtbot.mouseClick(editor.fill_button, Qt.MouseButton.LeftButton)
    assert len(editor.points()) == len(expected)
    click(qtbot, editor, 0.5, 0.45)
    assert editor.chosen_zone() is ScalpZone.MID_SCALP  # the zone follows the selection
    editor.zone.setCurrentIndex(editor.zone.findData(ScalpZone.VERTEX))
    qtbot.mouseClick(editor.clear_zone_button, Qt.MouseButton.LeftButton)
    assert [p.zone for p in editor.points()] == [ScalpZone.MID_SCALP]
    editor.undo_action.trigger()
    assert len(editor.points()) == len(expected) + 1


def test_copy_the_last_map_with_this_sessions_lot_of_the_same_product(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert seen and "Replace the 1 point on" in seen[0] and "2026-10-01" in seen[0]
    points = editor.points()
    assert [(p.x, p.y) for p in points] == [(p.x, p.y) for p in LAST_MAP]
    assert {p.lot_id for p in points} == {BIOTIN.id}  # the old biotin lot → today's
    assert "were of a product not in this session" not in editor.status.text()
    editor.undo_action.trigger()  # one step takes the whole copy back
    assert [p.zone for p in editor.points()] == [ScalpZone.MID_SCALP]


def test_without_an_earlier_map_copy_says_so(qtbot):
    def nothing():
        raise NotFoundError("No earlier session of this patient has an injection map.")
    widget = InjectionMapEditor(CATALOGUE, nothing)
    qtbot.addWidget(widget)
    widget.set_lots([MINOX])
    qtbot.mouseClick(widget.copy_button, Qt.MouseButton.LeftButton)
    assert widget.points() == () and "No earlier session" in widget.status.text()


def test_depth_or_volume_out_of_bounds_is_refused_at_the_field(qtbot, editor):
    editor.next_point.depth.setValue(7.0)
    assert editor.next_point.problem("depth_mm") == "Depth per point: 0 to 6 mm."
    click(qtbot, editor, 0.5, 0.45)
    assert editor.points() == () and "Correct the depth or volume" in editor.status.text()
    editor.next_point.depth.setValue(2.0)
    assert editor.next_point.problem("depth_mm") == ""
    click(qtbot, editor, 0.5, 0.45)
    # the selected point's volume: 1.5 ml is refused, the point keeps 0.05
    spin = editor.selected.volume
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1.5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert editor.selected.problem("volume_ml") == "Volume per point: 0.01 to 1 ml."
    assert editor.points()[0].volume_ml == 0.05
    spin.selectAll()
    qtbot.keyClicks(spin, "0.2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert editor.points()[0].volume_ml == 0.2 and editor.selected.problem("volume_ml") == ""


def test_the_side_panel_changes_the_lot_of_all_selected_points(qtbot, editor):
    for x in (0.45, 0.55):
        click(qtbot, editor, x, 0.45)
    editor.scene.select_keys(editor.scene.point_keys())
    editor.selected.lot.setCurrentIndex(1)
    editor.selected.lot.activated.emit(1)
    assert {p.lot_id for p in editor.points()} == {BIOTIN.id}
    editor.undo_action.trigger()
    assert {p.lot_id for p in editor.points()} == {MINOX.id}


def test_points_need_a_lot_in_the_session(qtbot):
    widget = InjectionMapEditor(CATALOGUE)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    click(qtbot, widget, 0.5, 0.45)
    assert widget.points() == () and "Add the product and lot" in widget.status.text()


def test_a_read_only_map_cannot_be_changed(qtbot, editor):
    editor.load((InjectionPoint(ScalpView.TOP, 0.5, 0.45, 1.5, 0.05, MINOX.id),))
    editor.set_editable(False)
    click(qtbot, editor, 0.5, 0.7)
    drag(qtbot, editor, at(editor, 0.5, 0.45), at(editor, 0.5, 0.7))
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert [p.zone for p in editor.points()] == [ScalpZone.MID_SCALP]
    assert not editor.fill_button.isEnabled() and not editor.undo_action.isEnabled()


def test_zoom_keeps_points_where_they_are(qtbot, editor):
    click(qtbot, editor, 0.5, 0.45)
    editor.canvas.zoom_by(2.0)
    assert editor.canvas.zoom == 2.0
    editor.canvas.fit()
    click(qtbot, editor, 0.5, 0.7)
    assert [p.zone for p in editor.points()] == [ScalpZone.MID_SCALP, ScalpZone.VERTEX]
    assert editor.canvas.zoom == 1.0


def test_a_copied_point_of_a_product_not_in_the_session_is_pointed_out(qtbot, editor):
    editor.set_lots([MINOX])  # no biotin today
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert {p.lot_id for p in editor.points()} == {MINOX.id}
    assert f"{len(LAST_MAP)} of them were of a product not in this session" in \
        editor.status.text()


def test_a_click_on_the_patients_right_temple_on_the_front_view_is_right_temporal(
        qtbot, editor):
    editor.view_tabs.setCurrentIndex(list(ScalpView).index(ScalpView.FRONT))
    labels = {item.text(): item.scenePos().x() for item in editor.scene.items()
              if hasattr(item, "text") and "Patient's" in item.text()}
    # the label on the viewer's left of the canvas names the patient's right
    assert labels["◀ Patient's right"] < editor.scene.canvas.center().x() < labels[
        "Patient's left ▶"]
    click(qtbot, editor, 0.1, 0.7)  # viewer's left, under "◀ Patient's right"
    (point,) = editor.points()
    assert point.view is ScalpView.FRONT and point.zone is ScalpZone.RIGHT_TEMPORAL
    assert "Right temporal" in editor.zone_totals.text()
    assert "Left temporal" not in editor.zone_totals.text()


def test_the_map_does_not_move_under_the_cursor_as_the_totals_appear_and_grow(qtbot, editor):
    """A point just placed stays where it was clicked on screen, while the totals under
    the map go from nothing to several zones and products."""
    spot = at(editor, 0.5, 0.45)
    height = editor.canvas.height()
    click(qtbot, editor, 0.5, 0.45)
    qtbot.wait(20)  # let layouts settle, as the event loop would
    assert editor.canvas.height() == height
    assert at(editor, 0.5, 0.45) == spot
    for x, y in ((0.1, 0.4), (0.9, 0.4), (0.5, 0.1), (0.5, 0.7), (0.5, 0.93)):
        click(qtbot, editor, x, y)
    editor.next_point.lot.setCurrentIndex(1)
    click(qtbot, editor, 0.4, 0.45)
    qtbot.wait(20)
    assert "Occipital" in editor.zone_totals.text() and "Biotin" in editor.product_totals.text()
    assert editor.canvas.height() == height and at(editor, 0.5, 0.45) == spot


@pytest.fixture
def french_desk():
    """A desk whose system speaks French: Qt's default locale, as at start."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(before)


def test_a_decimal_comma_typed_on_a_french_desk_stores_the_number(qtbot, french_desk):
    widget = _shown_editor(qtbot)  # made after the locale is French, as a desk's is
    click(qtbot, widget, 0.5, 0.45)
    spin = widget.selected.volume
    assert spin.text().startswith("0,05")  # shown the French way
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "0,2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert widget.points()[0].volume_ml == 0.2  # stored as a number, unchanged
