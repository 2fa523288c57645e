import math
import random

import pytest

from mesolog.domain.scalp import (
    VIEWS,
    ScalpView,
    ScalpZone,
    Side,
    area_cm2,
    contains,
    distance_cm,
    grid,
    normalised,
    zone_at,
)


@pytest.mark.parametrize("view", list(ScalpView))
def test_every_point_on_the_scalp_gets_exactly_the_zone_whose_polygon_holds_it(view):
    rng = random.Random(7)
    geometry = VIEWS[view]
    for _ in range(2000):
        point = (rng.random(), rng.random())
        zone = zone_at(view, point)
        if not contains(geometry.outline, point):
            assert zone is None
            continue
        holders = [z for z, polygon in geometry.zones if contains(polygon, point)]
        assert holders and zone is holders[0]


def test_each_view_shows_its_zones():
    shown = {view: {z for z, _ in g.zones} for view, g in VIEWS.items()}
    assert shown[ScalpView.TOP] == set(ScalpZone)
    assert ScalpZone.LEFT_TEMPORAL in shown[ScalpView.LEFT]
    assert ScalpZone.RIGHT_TEMPORAL in shown[ScalpView.RIGHT]
    assert shown[ScalpView.BACK] == {ScalpZone.VERTEX, ScalpZone.OCCIPITAL}


def test_landmarks_of_the_top_view():
    assert zone_at(ScalpView.TOP, (0.5, 0.1)) is ScalpZone.FRONTAL
    assert zone_at(ScalpView.TOP, (0.5, 0.45)) is ScalpZone.MID_SCALP
    assert zone_at(ScalpView.TOP, (0.5, 0.7)) is ScalpZone.VERTEX
    assert zone_at(ScalpView.TOP, (0.5, 0.93)) is ScalpZone.OCCIPITAL
    assert zone_at(ScalpView.TOP, (0.1, 0.4)) is ScalpZone.LEFT_TEMPORAL
    assert zone_at(ScalpView.TOP, (0.9, 0.4)) is ScalpZone.RIGHT_TEMPORAL
    assert zone_at(ScalpView.TOP, (0.01, 0.01)) is None  # off the head


def test_coordinates_stay_normalised_whatever_the_drawing_size():
    for width, height in ((400, 500), (1600, 2000), (123, 987)):
        assert normalised((width * 0.25, height * 0.6), width, height) == pytest.approx(
            (0.25, 0.6))
    assert normalised((-5, 2000), 400, 500) == (0.0, 1.0)  # a drag past the edge stays on it


def test_physical_scale():
    top = VIEWS[ScalpView.TOP]
    assert distance_cm(ScalpView.TOP, (0.0, 0.5), (1.0, 0.5)) == pytest.approx(top.width_cm)
    head = area_cm2(ScalpView.TOP, top.outline)
    assert head == pytest.approx(math.pi * 0.48 * 16 * 0.48 * 20, rel=0.01)  # ≈ 232 cm²


def test_a_zone_filled_at_1_cm_holds_points_1_cm_apart_inside_it():
    points = grid(ScalpView.TOP, ScalpZone.VERTEX, 1.0)
    assert points and all(zone_at(ScalpView.TOP, p) is ScalpZone.VERTEX for p in points)
    nearest = min(distance_cm(ScalpView.TOP, points[0], p) for p in points[1:])
    assert nearest == pytest.approx(1.0, abs=0.01)
    assert len(grid(ScalpView.TOP, ScalpZone.VERTEX, 0.5)) > 3.5 * len(points)
    with pytest.raises(ValueError):
        grid(ScalpView.TOP, ScalpZone.VERTEX, 0.0)


def _naive_contains(polygon, point):
    x, y = point
    inside = False
    for i in range(len(polygon)):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % len(polygon)]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@pytest.mark.parametrize("view", list(ScalpView))
def test_the_banded_point_test_agrees_with_a_plain_ray_cast(view):
    rng = random.Random(11)
    geometry = VIEWS[view]
    polygons = [geometry.outline] + [p for _, p in geometry.zones]
    for _ in range(3000):
        point = (rng.uniform(-0.1, 1.1), rng.uniform(-0.1, 1.1))
        for polygon in polygons:
            assert contains(polygon, point) == _naive_contains(polygon, point)


def test_each_zone_name_is_written_inside_its_own_zone():
    from mesolog.domain.scalp import label_anchor
    for view, geometry in VIEWS.items():
        for zone, _ in geometry.zones:
            assert zone_at(view, label_anchor(view, zone)) is zone
    # the occipital band wraps round the vertex: its name goes below it, not on it
    assert label_anchor(ScalpView.TOP, ScalpZone.OCCIPITAL)[1] > 0.82


# -- laterality: the side a point is on, as the practitioner clicked it -------------


def test_the_front_view_faces_the_patient_so_their_right_temple_is_on_the_viewers_left():
    front = VIEWS[ScalpView.FRONT].orientation
    assert (front.left, front.right) == (Side.PATIENT_RIGHT, Side.PATIENT_LEFT)
    assert zone_at(ScalpView.FRONT, (0.1, 0.7)) is ScalpZone.RIGHT_TEMPORAL
    assert zone_at(ScalpView.FRONT, (0.9, 0.7)) is ScalpZone.LEFT_TEMPORAL
    assert zone_at(ScalpView.FRONT, (0.5, 0.5)) is ScalpZone.FRONTAL


@pytest.mark.parametrize("view", list(ScalpView))
def test_every_lateral_zone_lies_on_the_patients_side_the_view_declares(view):
    """Walk a fine grid of every view: a point in a left zone is on the patient's left
    as the view's orientation says, and one in a right zone on the right."""
    geometry = VIEWS[view]
    seen = set()
    for j in range(100):
        for i in range(100):
            point = ((i + 0.5) / 100, (j + 0.5) / 100)
            zone = zone_at(view, point)
            if zone is None or zone.side is None:
                continue
            seen.add(zone.side)
            assert zone.side is geometry.orientation.patient_side(point), (view, point, zone)
    lateral = {z.side for z, _ in geometry.zones if z.side is not None}
    assert seen == lateral  # every lateral zone drawn is reachable


@pytest.mark.parametrize(("view", "left_point", "right_point"), [
    (ScalpView.TOP, (0.1, 0.4), (0.9, 0.4)),
    (ScalpView.FRONT, (0.9, 0.7), (0.1, 0.7)),
    (ScalpView.LEFT, (0.2, 0.7), None),
    (ScalpView.RIGHT, None, (0.8, 0.7)),
])
def test_a_point_on_the_patients_left_lands_in_a_left_zone_and_right_in_a_right(
        view, left_point, right_point):
    orientation = VIEWS[view].orientation
    if left_point:
        assert orientation.patient_side(left_point) is Side.PATIENT_LEFT
        assert zone_at(view, left_point) is ScalpZone.LEFT_TEMPORAL
    if right_point:
        assert orientation.patient_side(right_point) is Side.PATIENT_RIGHT
        assert zone_at(view, right_point) is ScalpZone.RIGHT_TEMPORAL


def test_the_edge_labels_say_what_lies_beyond_each_edge():
    assert VIEWS[ScalpView.FRONT].orientation.edge_labels() == {
        "left": "◀ Patient's right", "right": "Patient's left ▶", "bottom": "▼ Face"}
    assert VIEWS[ScalpView.TOP].orientation.edge_labels()["top"] == "▲ Face"
    assert VIEWS[ScalpView.LEFT].orientation.edge_labels()["left"] == "◀ Face"
    assert VIEWS[ScalpView.RIGHT].orientation.edge_labels()["right"] == "Face ▶"
    back = VIEWS[ScalpView.BACK].orientation
    assert (back.left, back.right) == (Side.PATIENT_LEFT, Side.PATIENT_RIGHT)


def test_a_zone_has_one_colour_on_every_view_and_the_temples_differ():
    assert len({zone.tint for zone in ScalpZone}) == len(ScalpZone)
