from datetime import datetime

import pytest

from mesolog.domain.injection_map import (
    MAX_POINTS,
    NUDGE_CM,
    POINT_DEPTH_MM,
    POINT_VOLUME_ML,
    PRODUCT_COLOURS,
    InjectionPoint,
    counts_by_lot,
    depth_problem,
    describe_map_change,
    nudged,
    point_problems,
    points_count,
    product_colours,
    totals,
    volume_problem,
    volumes_by_lot,
)
from mesolog.domain.scalp import VIEWS, ScalpView, ScalpZone, distance_cm, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique, check_session
from mesolog.domain.validation import ValidationError

NOW = datetime(2026, 11, 25, 10, 30)


def point(x=0.5, y=0.45, view=ScalpView.TOP, depth=1.5, volume=0.05, lot=1) -> InjectionPoint:
    return InjectionPoint(view, x, y, depth, volume, lot)


def session(points, *uses) -> SessionDetails:
    return SessionDetails(performed_at=NOW, practitioner_id=1, technique=Technique.PAPULE,
                          device=Device.MANUAL, products=uses, points=tuple(points))


def test_a_points_zone_comes_from_where_it_lies():
    assert point(0.5, 0.45).zone is ScalpZone.MID_SCALP
    assert point(0.5, 0.7).zone is ScalpZone.VERTEX
    assert point(0.5, 0.1).zone is ScalpZone.FRONTAL
    assert point(0.02, 0.02).zone is None  # outside the head


@pytest.mark.parametrize(("depth", "volume", "message"), [
    (6.5, 0.05, "Depth per point: 0 to 6 mm."),
    (-0.1, 0.05, "Depth per point: 0 to 6 mm."),
    (1.5, 1.2, "Volume per point: 0.01 to 1 ml."),
    (1.5, 0.0, "Volume per point: 0.01 to 1 ml."),
])
def test_depth_and_volume_out_of_bounds_are_refused(depth, volume, message):
    problems = point_problems([point(depth=depth, volume=volume)])
    assert [(p.field, p.message) for p in problems] == [("injection_map", message)]


def test_a_point_off_the_scalp_is_refused():
    assert "off the scalp" in point_problems([point(0.01, 0.01)])[0].message


def test_totals_per_zone_and_per_lot_add_up():
    points = [point(0.5, 0.45, volume=0.1), point(0.45, 0.5, volume=0.05, lot=2),
              point(0.5, 0.7, volume=0.2)]
    t = totals(points)
    assert t.points == 3 and t.volume_ml == 0.35
    assert {z: (v.points, v.volume_ml) for z, v in t.by_zone.items()} == {
        ScalpZone.MID_SCALP: (2, 0.15), ScalpZone.VERTEX: (1, 0.2)}
    assert {lot: (v.points, v.volume_ml) for lot, v in t.by_lot.items()} == {
        1: (2, 0.3), 2: (1, 0.05)}
    assert volumes_by_lot(points) == {1: 0.3, 2: 0.05}


def test_the_product_list_must_agree_with_the_map():
    points = [point(volume=0.1), point(0.45, 0.5, volume=0.1)]
    assert check_session(session(points, ProductUse(1, 0.2)), NOW).points == tuple(points)
    with pytest.raises(ValidationError) as caught:
        check_session(session(points, ProductUse(1, 0.5)), NOW)
    assert "sum of its points" in caught.value.for_field("products")
    with pytest.raises(ValidationError) as caught:
        check_session(session(points, ProductUse(2, 0.2)), NOW)
    assert "not in the session's products" in caught.value.for_field("injection_map")


def test_a_lot_without_points_keeps_its_own_volume():
    check_session(session([point(volume=0.1)], ProductUse(1, 0.1), ProductUse(2, 3.0)), NOW)


def test_an_arrow_key_moves_a_point_one_millimetre_on_the_head():
    p = point(0.5, 0.5)
    assert distance_cm(ScalpView.TOP, (p.x, p.y), (nudged(p, 1, 0).x, p.y)) == \
        pytest.approx(0.1, abs=0.001)
    assert distance_cm(ScalpView.TOP, (p.x, p.y), (p.x, nudged(p, 0, -3).y)) == \
        pytest.approx(0.3, abs=0.001)
    assert nudged(point(0.9999, 0.5), 5, 0).x == 1.0  # stays on the canvas


def test_an_amendment_describes_the_map_per_zone():
    before = tuple(point(x, y) for x, y in grid(ScalpView.TOP, ScalpZone.VERTEX, 1.0))
    after = before[:-2]
    lines = describe_map_change(before, after)
    n = len(before)
    assert lines[0] == (f"injection map: {n} points, {totals(before).volume_ml:g} ml → "
                        f"{n - 2} points, {totals(after).volume_ml:g} ml")
    assert lines[1].startswith("  Vertex / crown:")
    assert describe_map_change(before, tuple(reversed(before))) == ()


def test_every_point_of_a_zone_fill_belongs_to_that_zone():
    for view, geometry in VIEWS.items():
        for zone, _ in geometry.zones:
            points = grid(view, zone, 1.0)
            if not points:
                continue
            assert all(InjectionPoint(view, x, y, 1, 0.05, 1).zone is zone for x, y in points)


def test_fill_zone_leaves_out_spots_near_a_point_already_there():
    from mesolog.domain.injection_map import free_spots
    from mesolog.domain.scalp import ScalpView, ScalpZone, distance_cm, grid

    view, zone = ScalpView.TOP, ScalpZone.VERTEX
    everywhere = free_spots(view, zone, 1.0, [])
    assert everywhere == grid(view, zone, 1.0) and len(everywhere) > 4
    taken = [everywhere[0], everywhere[3]]
    left = free_spots(view, zone, 1.0, taken)
    assert len(left) == len(everywhere) - 2
    assert all(distance_cm(view, spot, other) >= 0.5 for spot in left for other in taken)


def test_a_copied_map_takes_this_sessions_lots_and_counts_the_product_changes():
    from datetime import date

    from mesolog.domain.catalogue import Lot, LotDetails
    from mesolog.domain.injection_map import InjectionPoint, with_this_sessions_lots
    from mesolog.domain.scalp import ScalpView

    def lot(lot_id, product_id):
        return Lot(lot_id, product_id, f"product {product_id}",
                   LotDetails(f"L{lot_id}", date(2027, 1, 1)))

    catalogue = {1: lot(1, 10), 2: lot(2, 10), 3: lot(3, 20), 4: lot(4, 30)}
    this_session = [catalogue[1], catalogue[3]]

    def at(lot_id):
        return InjectionPoint(ScalpView.TOP, 0.5, 0.5, 1.5, 0.05, lot_id)

    points = [at(1), at(2), at(3), at(4), at(99)]  # same, same product, same, other, unknown
    copied, switched = with_this_sessions_lots(points, this_session, catalogue, 3)
    assert [p.lot_id for p in copied] == [1, 1, 3, 3, 3]
    assert switched == 2  # product 30 and the lot no longer in the catalogue
    assert [(p.x, p.depth_mm) for p in copied] == [(0.5, 1.5)] * 5


# each bound of a point at its limit and just past it, on both sides
@pytest.mark.parametrize(("depth", "volume", "taken"), [
    (POINT_DEPTH_MM[0], 0.05, True), (POINT_DEPTH_MM[0] - 0.001, 0.05, False),
    (POINT_DEPTH_MM[1], 0.05, True), (POINT_DEPTH_MM[1] + 0.001, 0.05, False),
    (1.5, POINT_VOLUME_ML[0], True), (1.5, POINT_VOLUME_ML[0] - 0.001, False),
    (1.5, POINT_VOLUME_ML[1], True), (1.5, POINT_VOLUME_ML[1] + 0.001, False),
])
def test_each_bound_of_a_point_at_its_limit_and_just_past(depth, volume, taken):
    assert (point_problems([point(depth=depth, volume=volume)]) == []) is taken
    assert (depth_problem(depth) == "") is (POINT_DEPTH_MM[0] <= depth <= POINT_DEPTH_MM[1])
    assert (volume_problem(volume) == "") is (
        POINT_VOLUME_ML[0] <= volume <= POINT_VOLUME_ML[1])


def test_a_map_holds_at_most_its_limit_of_points_and_each_problem_is_said_once():
    spot = (0.5, 0.45)
    assert point_problems([point(*spot)] * MAX_POINTS) == []
    too_many = point_problems([point(*spot)] * (MAX_POINTS + 1))
    assert [p.message for p in too_many] == ["At most 5,000 points in one session."]
    twice = point_problems([point(depth=9.0), point(depth=9.0, volume=3.0),
                            point(0.01, 0.01), point(0.02, 0.01)])
    assert [p.message for p in twice] == [
        "Depth per point: 0 to 6 mm.", "Volume per point: 0.01 to 1 ml.",
        "A point on the top (vertex) view lies off the scalp outline."]


@pytest.mark.parametrize(("dx", "dy"), [(1, 0), (-1, 0), (0, 1), (0, -1), (2, -3)])
def test_an_arrow_key_moves_a_point_its_way_by_a_millimetre_a_press(dx, dy):
    geometry = VIEWS[ScalpView.TOP]
    moved = nudged(point(0.5, 0.5), dx, dy)
    assert (moved.x - 0.5) * geometry.width_cm == pytest.approx(dx * NUDGE_CM, abs=1e-3)
    assert (moved.y - 0.5) * geometry.height_cm == pytest.approx(dy * NUDGE_CM, abs=1e-3)
    assert nudged(point(0.0001, 0.0001), -5, -5).x == 0.0  # never off the canvas
    assert nudged(point(0.0001, 0.0001), -5, -5).y == 0.0
    assert nudged(point(0.9999, 0.9999), 5, 5).y == 1.0


def test_each_lots_points_are_counted():
    assert counts_by_lot([point(lot=1), point(lot=2), point(lot=1)]) == {1: 2, 2: 1}
    assert points_count(1) == "1 point" and points_count(1200) == "1,200 points"


def test_colours_follow_the_order_products_are_listed_and_come_round_again():
    colours = product_colours([7, 3, 7, 9, *range(100, 106)])
    assert list(colours.values())[:3] == list(PRODUCT_COLOURS[:3])
    assert colours[7] == PRODUCT_COLOURS[0] and colours[3] == PRODUCT_COLOURS[1]
    assert list(colours.values())[len(PRODUCT_COLOURS)] == PRODUCT_COLOURS[0]


def test_a_bound_is_said_to_two_decimals(monkeypatch):
    from mesolog.domain import injection_map

    monkeypatch.setattr(injection_map, "POINT_DEPTH_MM", (0.125, 6.375))
    monkeypatch.setattr(injection_map, "POINT_VOLUME_ML", (0.005, 1.255))
    assert depth_problem(9.0) == "Depth per point: 0.12 to 6.38 mm."
    assert volume_problem(9.0) == "Volume per point: 0 to 1.26 ml."


def test_a_moved_point_is_kept_to_four_decimals_and_volumes_to_three():
    moved = point().moved_to(0.123456, 0.654321)
    assert (moved.x, moved.y) == (0.1235, 0.6543)
    points = [point(volume=0.0105), point(0.45, 0.5, volume=0.0101)]
    assert volumes_by_lot(points) == {1: 0.021}
    t = totals(points)
    assert t.volume_ml == 0.021 and t.by_lot[1].volume_ml == 0.021
    assert t.by_zone[ScalpZone.MID_SCALP].volume_ml == 0.021


def test_an_amendment_names_each_zone_that_changed_before_and_after():
    vertex, mid = point(0.5, 0.7, volume=0.1), point(0.5, 0.45, volume=0.125)
    lines = describe_map_change((vertex, mid, mid), (vertex, vertex))
    assert lines == (
        "injection map: 3 points, 0.35 ml → 2 points, 0.2 ml",
        "  Mid-scalp: 2 points, 0.25 ml → —",
        "  Vertex / crown: 1 point, 0.1 ml → 2 points, 0.2 ml",
    )
    assert describe_map_change((), (mid,)) == (
        "injection map: 0 points, 0 ml → 1 point, 0.12 ml",
        "  Mid-scalp: — → 1 point, 0.12 ml")  # to two decimals, as the editor shows


def test_a_fill_keeps_a_spot_half_a_spacing_away_and_leaves_one_nearer():
    from mesolog.domain.injection_map import free_spots

    view, zone = ScalpView.BACK, ScalpZone.OCCIPITAL
    spots = free_spots(view, zone, 2.0, [])
    first = spots[0]
    width = VIEWS[view].width_cm
    at_half = (first[0] + 1.0 / width, first[1])     # 1 cm away: half of 2 cm
    nearer = (first[0] + 0.8 / width, first[1])      # 0.8 cm: under half, over a third
    assert first in free_spots(view, zone, 2.0, [at_half])
    assert first not in free_spots(view, zone, 2.0, [nearer])
