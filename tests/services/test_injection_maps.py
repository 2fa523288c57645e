from datetime import datetime

import pytest

from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.session import ProductUse
from mesolog.domain.validation import NotFoundError, ValidationError
from tests.services.conftest import session_details


def vertex_map(lot_id: int, volume: float = 0.05) -> tuple[InjectionPoint, ...]:
    return tuple(InjectionPoint(ScalpView.TOP, x, y, 1.5, volume, lot_id)
                 for x, y in grid(ScalpView.TOP, ScalpZone.VERTEX, 1.0))


def test_a_map_is_stored_with_its_session_and_read_back(clinic, db):
    c = clinic
    points = vertex_map(c["minox"].id)
    total = round(sum(p.volume_ml for p in points), 3)
    stored = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["minox"].id, total), points=points))
    assert c["sessions"].get(stored.id).details.points == points
    rows = db.fetch_all("SELECT view, x, y, depth_mm, volume_ml, lot_id FROM injection_point "
                        "WHERE session_id = ? ORDER BY id", (stored.id,))
    assert rows == [("top", p.x, p.y, 1.5, 0.05, c["minox"].id) for p in points]


def test_a_bad_map_leaves_nothing_stored(clinic, db):
    c = clinic
    points = (InjectionPoint(ScalpView.TOP, 0.5, 0.5, 7.0, 0.05, c["minox"].id),)
    with pytest.raises(ValidationError) as caught:
        c["sessions"].create(c["other"].id, session_details(
            c, ProductUse(c["minox"].id, 0.05), points=points))
    assert caught.value.for_field("injection_map") == "Depth per point: 0 to 6 mm."
    assert db.fetch_all("SELECT count(*) FROM session") == [(0,)]
    assert db.fetch_all("SELECT count(*) FROM injection_point") == [(0,)]


def test_editing_the_map_replaces_its_points_in_one_transaction(clinic, db):
    c = clinic
    points = vertex_map(c["minox"].id)
    first = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["minox"].id, round(0.05 * len(points), 3)), points=points))
    fewer = points[:5]
    again = c["sessions"].update(first.id, first.version, session_details(
        c, ProductUse(c["minox"].id, 0.25), points=fewer))
    assert again.details.points == fewer
    assert db.fetch_all("SELECT count(*) FROM injection_point") == [(5,)]
    # a refused change keeps the stored map whole
    with pytest.raises(ValidationError):
        c["sessions"].update(again.id, again.version, session_details(
            c, ProductUse(c["minox"].id, 9.0), points=fewer))
    assert db.fetch_all("SELECT count(*) FROM injection_point") == [(5,)]


def test_amending_a_signed_map_records_the_change_per_zone(clinic):
    c = clinic
    points = vertex_map(c["minox"].id)
    signed = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["minox"].id, round(0.05 * len(points), 3)), points=points),
        sign=True)
    amended = c["sessions"].amend(signed.id, signed.version, session_details(
        c, ProductUse(c["minox"].id, 0.1), points=points[:2]),
        "Map corrected after review")
    changes = amended.amendments[0].changes
    assert f"injection map: {len(points)} points" in changes[-2]
    assert changes[-1].startswith("  Vertex / crown:")


def test_the_previous_map_is_the_latest_earlier_session_with_points(clinic):
    c = clinic
    sessions = c["sessions"]
    with pytest.raises(NotFoundError):
        sessions.previous_map(c["other"].id, datetime(2026, 11, 25))
    points = vertex_map(c["minox"].id)
    total = round(0.05 * len(points), 3)
    older = sessions.create(c["other"].id, session_details(
        c, ProductUse(c["minox"].id, total), points=points,
        performed_at=datetime(2026, 10, 1, 9)))
    sessions.create(c["other"].id, session_details(  # no map: skipped
        c, ProductUse(c["minox"].id, 2.0), performed_at=datetime(2026, 11, 1, 9)))
    when, found = sessions.previous_map(c["other"].id, datetime(2026, 11, 24, 9, 30))
    assert when == datetime(2026, 10, 1, 9) and found == points
    with pytest.raises(NotFoundError):  # the session itself is not its own previous map
        sessions.previous_map(c["other"].id, datetime(2026, 10, 1, 9, 0, 1), excluding=older.id)
