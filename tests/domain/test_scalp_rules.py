"""The scalp's pure rules on shapes of their own: the point-in-polygon test (a fresh
polygon each time, so nothing cached answers for it), the spacing bounds of a fill,
distances, areas, normalised positions, and which side of the head a point is on."""

from __future__ import annotations

import math

import pytest

from mesolog.domain.scalp import (
    VIEWS,
    Orientation,
    ScalpView,
    ScalpZone,
    Side,
    _zone_cells,
    area_cm2,
    contains,
    distance_cm,
    grid,
    label_anchor,
    normalised,
    temporal_zone,
    zone_at,
)

# a triangle and a square no view uses: _edges_by_band reads them afresh
TRIANGLE = ((0.1, 0.1), (0.9, 0.1), (0.5, 0.9))
SQUARE = ((0.2, 0.2), (0.6, 0.2), (0.6, 0.6), (0.2, 0.6))


@pytest.mark.parametrize(("polygon", "point", "inside"), [
    (TRIANGLE, (0.5, 0.5), True),
    (TRIANGLE, (0.5, 0.11), True),      # just inside the flat top edge
    (TRIANGLE, (0.5, 0.09), False),     # just above it
    (TRIANGLE, (0.2, 0.8), False),      # beside the slanting sides
    (TRIANGLE, (0.8, 0.8), False),
    (TRIANGLE, (0.3, 0.45), True),      # near the left side, inside
    (TRIANGLE, (0.27, 0.45), False),    # just past it
    (TRIANGLE, (0.5, 0.89), True),      # near the apex
    (TRIANGLE, (0.5, 0.91), False),
    (TRIANGLE, (0.5, -5.0), False),     # far above: no band
    (TRIANGLE, (0.5, 5.0), False),      # far below
    (SQUARE, (0.4, 0.4), True),
    (SQUARE, (0.19, 0.4), False), (SQUARE, (0.61, 0.4), False),
    (SQUARE, (0.4, 0.19), False), (SQUARE, (0.4, 0.61), False),
    (SQUARE, (0.21, 0.59), True), (SQUARE, (0.59, 0.21), True),
    (SQUARE, (-1.0, 0.4), False),       # left of everything: the ray crosses twice
])
def test_a_point_is_inside_a_shape_or_not(polygon, point, inside):
    assert contains(polygon, point) is inside


@pytest.mark.parametrize("point", [(math.nan, 0.4), (0.4, math.nan), (math.inf, 0.4),
                                   (0.4, -math.inf), (math.nan, math.nan)])
def test_not_a_number_and_infinity_lie_nowhere(point):
    assert not contains(SQUARE, point)
    assert not contains(TRIANGLE, point)


@pytest.mark.parametrize(("spacing", "allowed"), [
    (0.2, True), (0.19, False), (5.0, True), (5.01, False),
])
def test_a_fill_is_spaced_between_two_millimetres_and_five_centimetres(spacing, allowed):
    if allowed:
        assert grid(ScalpView.BACK, ScalpZone.VERTEX, spacing)
    else:
        with pytest.raises(ValueError, match=r"^spacing between 0\.2 and 5 cm$"):
            grid(ScalpView.BACK, ScalpZone.VERTEX, spacing)


def test_a_fill_places_points_half_a_spacing_in_from_the_edges():
    points = grid(ScalpView.BACK, ScalpZone.OCCIPITAL, 4.0)
    geometry = VIEWS[ScalpView.BACK]
    xs = sorted({x for x, _ in points})
    assert xs[0] == pytest.approx(2.0 / geometry.width_cm, abs=1e-4)  # half of 4 cm in
    assert xs[1] - xs[0] == pytest.approx(4.0 / geometry.width_cm, abs=1e-4)
    assert all(0 < x < 1 and 0 < y < 1 for x, y in points)
    # stored to the ten-thousandth, as every position of a map (ten twelfths of the view's
    # 12 cm height is 0.8333…)
    assert all(round(v, 4) == v for point in points for v in point)
    assert {y for _, y in points} == {0.5, 0.8333}


def test_distances_and_areas_in_centimetres_on_the_head():
    top = VIEWS[ScalpView.TOP]
    assert distance_cm(ScalpView.TOP, (0.0, 0.0), (1.0, 0.0)) == top.width_cm
    assert distance_cm(ScalpView.TOP, (0.0, 0.0), (0.0, 1.0)) == top.height_cm
    assert distance_cm(ScalpView.TOP, (0.0, 0.0), (0.3, 0.4)) == pytest.approx(
        math.hypot(0.3 * top.width_cm, 0.4 * top.height_cm))
    assert area_cm2(ScalpView.TOP, SQUARE) == pytest.approx(0.16 * top.width_cm * top.height_cm)
    assert area_cm2(ScalpView.TOP, tuple(reversed(SQUARE))) == pytest.approx(
        0.16 * top.width_cm * top.height_cm)  # either way round
    assert area_cm2(ScalpView.TOP, TRIANGLE) == pytest.approx(
        0.32 * top.width_cm * top.height_cm)


@pytest.mark.parametrize(("pixel", "point"), [
    ((100, 50), (0.25, 0.25)),
    ((400, 200), (1.0, 1.0)),
    ((-10, 250), (0.0, 1.0)),   # dropped beyond the drawing: kept on its edge
    ((500, -3), (1.0, 0.0)),
])
def test_a_drawn_position_is_kept_normalised_and_on_the_canvas(pixel, point):
    assert normalised(pixel, 400, 200) == point


@pytest.mark.parametrize(("orientation", "x", "side"), [
    (Orientation(Side.PATIENT_LEFT, Side.PATIENT_RIGHT), 0.49, Side.PATIENT_LEFT),
    (Orientation(Side.PATIENT_LEFT, Side.PATIENT_RIGHT), 0.51, Side.PATIENT_RIGHT),
    (Orientation(Side.PATIENT_LEFT, Side.PATIENT_RIGHT), 0.5, None),  # the midline
    (Orientation(Side.PATIENT_RIGHT, Side.PATIENT_LEFT), 0.49, Side.PATIENT_RIGHT),
    (Orientation(Side.FACE, Side.BACK, shows=Side.PATIENT_LEFT), 0.9, Side.PATIENT_LEFT),
    (Orientation(Side.FACE, Side.BACK), 0.2, None),  # along the head's length
])
def test_which_side_of_the_head_a_point_is_on(orientation, x, side):
    assert orientation.patient_side((x, 0.5)) is side


def test_the_words_beyond_each_edge_and_the_temples_by_side():
    labels = Orientation(Side.PATIENT_LEFT, Side.PATIENT_RIGHT, top=Side.FACE).edge_labels()
    assert labels == {"left": "◀ Patient's left", "right": "Patient's right ▶",
                      "top": "▲ Face"}
    assert Orientation(Side.FACE, Side.BACK, bottom=Side.BACK).edge_labels()["bottom"] == (
        "▼ Back of head")
    assert temporal_zone(Side.PATIENT_LEFT) is ScalpZone.LEFT_TEMPORAL
    assert temporal_zone(Side.PATIENT_RIGHT) is ScalpZone.RIGHT_TEMPORAL
    assert ScalpZone.LEFT_TEMPORAL.side is Side.PATIENT_LEFT
    assert ScalpZone.RIGHT_TEMPORAL.side is Side.PATIENT_RIGHT
    assert ScalpZone.VERTEX.side is None
    assert [v.label for v in ScalpView] == ["Top (vertex)", "Front hairline", "Left side",
                                            "Right side", "Back"]
    assert [z.label for z in ScalpZone] == ["Frontal", "Mid-scalp", "Vertex / crown",
                                            "Left temporal", "Right temporal", "Occipital"]


def test_a_point_on_an_edge_is_inside_where_the_ray_says_so():
    # the ray runs right: a left edge is crossed, a right edge is not
    assert contains(SQUARE, (0.2, 0.4))
    assert not contains(SQUARE, (0.6, 0.4))


def test_a_fill_starts_half_a_spacing_in_on_both_axes_to_four_decimals():
    back = VIEWS[ScalpView.BACK]  # 16 × 12 cm
    points = grid(ScalpView.BACK, ScalpZone.VERTEX, 3.0)
    xs, ys = sorted({x for x, _ in points}), sorted({y for _, y in points})
    assert ys[0] == 1.5 / back.height_cm == 0.125  # the first row, half a spacing down
    assert ys[1] - ys[0] == pytest.approx(3.0 / back.height_cm, abs=1e-4)
    assert xs[0] == 0.2812  # 0.28125 (the fourth column here) kept to four places
    assert xs[1] - xs[0] == pytest.approx(3.0 / back.width_cm, abs=1e-4)


def test_the_outlines_are_drawn_from_ellipses():
    from mesolog.domain.scalp import _ellipse

    whole = _ellipse(0.5, 0.5, 0.48, 0.48)
    assert len(whole) == 64 and whole[0] == (0.98, 0.5) and whole[16] == (0.5, 0.98)
    assert all(math.isclose(math.hypot(x - 0.5, y - 0.5), 0.48, abs_tol=1e-4)
               for x, y in whole)
    arc = _ellipse(0.5, 1.0, 0.48, 0.95, math.pi, 2 * math.pi)  # the upper half
    assert len(arc) == 65  # an arc keeps both ends
    assert arc[0] == (0.02, 1.0) and arc[-1] == (0.98, 1.0) and arc[32] == (0.5, 0.05)
    assert len(_ellipse(0, 0, 1, 1, steps=8)) == 8
    assert _ellipse(0, 0, 1, 2, steps=4) == ((1.0, 0.0), (0.0, 2.0), (-1.0, 0.0),
                                             (-0.0, -2.0))
    assert arc[16] == (0.1606, 0.3282)  # a quarter of the way round from the left
    assert _ellipse(0, 0, 1, 1, steps=3)[1] == (-0.5, 0.866)  # to the tenth of a millimetre
    assert len(_ellipse(0, 0, 1, 1, -math.pi, math.pi, steps=8)) == 8  # closed: no end twice
    assert _ellipse(0, 0, 1, 1, math.pi / 2, math.pi, steps=2) == (
        (0.0, 1.0), (-0.7071, 0.7071), (-1.0, 0.0))


def test_the_side_views_zones_with_the_face_on_either_side():
    from mesolog.domain.scalp import _side_zones

    left = _side_zones(Orientation(Side.FACE, Side.BACK, shows=Side.PATIENT_LEFT))
    assert left == (
        (ScalpZone.LEFT_TEMPORAL, ((0.0, 0.35), (0.45, 0.35), (0.45, 1.0), (0.0, 1.0))),
        (ScalpZone.MID_SCALP, ((0.0, 0.0), (0.6, 0.0), (0.6, 0.35), (0.0, 0.35))),
        (ScalpZone.VERTEX, ((0.6, 0.0), (1.0, 0.0), (1.0, 0.35), (0.6, 0.35))),
        (ScalpZone.OCCIPITAL, ((0.45, 0.35), (1.0, 0.35), (1.0, 1.0), (0.45, 1.0))),
    )
    right = _side_zones(Orientation(Side.BACK, Side.FACE, shows=Side.PATIENT_RIGHT))
    assert right[0] == (ScalpZone.RIGHT_TEMPORAL,
                        ((1.0, 0.35), (0.55, 0.35), (0.55, 1.0), (1.0, 1.0)))
    assert right[2] == (ScalpZone.VERTEX, ((0.4, 0.0), (0.0, 0.0), (0.0, 0.35), (0.4, 0.35)))
    assert [zone for zone, _ in right] == [ScalpZone.RIGHT_TEMPORAL, ScalpZone.MID_SCALP,
                                           ScalpZone.VERTEX, ScalpZone.OCCIPITAL]


# Where each zone's name is written: the spot of the zone farthest from its edges, ties
# going to the middle (read on the drawn maps and reports; the two sides mirror).
ANCHORS = {
    (ScalpView.TOP, ScalpZone.FRONTAL): (0.515625, 0.1875),
    (ScalpView.TOP, ScalpZone.LEFT_TEMPORAL): (0.171875, 0.4875),
    (ScalpView.TOP, ScalpZone.RIGHT_TEMPORAL): (0.828125, 0.4875),
    (ScalpView.TOP, ScalpZone.MID_SCALP): (0.515625, 0.4375),
    (ScalpView.TOP, ScalpZone.VERTEX): (0.515625, 0.6875),
    (ScalpView.TOP, ScalpZone.OCCIPITAL): (0.515625, 0.8875),
    (ScalpView.FRONT, ScalpZone.RIGHT_TEMPORAL): (0.203125, 23 / 36),
    (ScalpView.FRONT, ScalpZone.LEFT_TEMPORAL): (0.796875, 23 / 36),
    (ScalpView.FRONT, ScalpZone.FRONTAL): (0.515625, 19 / 36),
    (ScalpView.LEFT, ScalpZone.LEFT_TEMPORAL): (0.2875, 29 / 44),
    (ScalpView.LEFT, ScalpZone.MID_SCALP): (0.5125, 9 / 44),
    (ScalpView.LEFT, ScalpZone.VERTEX): (0.6625, 0.25),
    (ScalpView.LEFT, ScalpZone.OCCIPITAL): (0.6125, 29 / 44),
    (ScalpView.RIGHT, ScalpZone.RIGHT_TEMPORAL): (0.7125, 29 / 44),
    (ScalpView.RIGHT, ScalpZone.MID_SCALP): (0.5125, 9 / 44),
    (ScalpView.RIGHT, ScalpZone.VERTEX): (0.3375, 0.25),
    (ScalpView.RIGHT, ScalpZone.OCCIPITAL): (0.3875, 29 / 44),
    (ScalpView.BACK, ScalpZone.VERTEX): (0.515625, 13 / 48),
    (ScalpView.BACK, ScalpZone.OCCIPITAL): (0.515625, 0.6875),
}


@pytest.mark.parametrize(("view", "zone"), list(ANCHORS))
def test_where_each_zones_name_is_written(view, zone):
    assert label_anchor(view, zone) == pytest.approx(ANCHORS[view, zone])


def test_a_zone_a_view_does_not_show_is_named_in_the_middle():
    assert label_anchor(ScalpView.BACK, ScalpZone.FRONTAL) == (0.5, 0.5)


@pytest.mark.parametrize(("view", "columns", "rows"), [
    (ScalpView.TOP, 32, 40), (ScalpView.FRONT, 32, 18), (ScalpView.LEFT, 40, 22),
    (ScalpView.RIGHT, 40, 22), (ScalpView.BACK, 32, 24)])
def test_each_view_read_in_half_centimetre_cells(view, columns, rows):
    found_columns, found_rows, cells = _zone_cells(view)
    assert (found_columns, found_rows) == (columns, rows)
    assert len(cells) == rows and {len(row) for row in cells} == {columns}
    # each cell read at its middle
    assert cells[rows // 2][columns // 2] is zone_at(view, ((columns // 2 + 0.5) / columns,
                                                             (rows // 2 + 0.5) / rows))
    assert cells[0][0] is None  # the corner is off the scalp
