"""The scalp diagram: views, outlines, zones, and their size on a real head.

Every other module names a zone through ``ScalpZone`` and finds where a point
falls through ``zone_at``; the window's map editor and the printed reports
draw the same polygons from here. Coordinates are normalised (0–1 across
and down a view's canvas), so they mean the same at any window size; each
view carries the canvas' size in centimetres on an average adult head, so
spacings, areas and points per cm² are real numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from mesolog.domain.translation import N_, _

Point = tuple[float, float]
Polygon = tuple[Point, ...]


class ScalpZone(StrEnum):
    FRONTAL = "frontal"
    MID_SCALP = "mid_scalp"
    VERTEX = "vertex"
    LEFT_TEMPORAL = "left_temporal"
    RIGHT_TEMPORAL = "right_temporal"
    OCCIPITAL = "occipital"

    @property
    def label(self) -> str:
        labels = {"frontal": N_("Frontal"), "mid_scalp": N_("Mid-scalp"),
                  "vertex": N_("Vertex / crown"), "left_temporal": N_("Left temporal"),
                  "right_temporal": N_("Right temporal"),
                  "occipital": N_("Occipital")}
        return _(labels[self.value])

    @property
    def side(self) -> Side | None:
        """The patient's side a lateral zone lies on; None for a zone across the midline."""
        return {"left_temporal": Side.PATIENT_LEFT,
                "right_temporal": Side.PATIENT_RIGHT}.get(self.value)

    @property
    def tint(self) -> str:
        """The zone's colour, the same on every view, on screen and on paper; the two
        temporal zones differ, so a mirrored reading shows at a glance."""
        return _ZONE_TINTS[self]


class Side(StrEnum):
    """What lies beyond an edge of a view, in the practitioner's words."""

    PATIENT_LEFT = "patient_left"
    PATIENT_RIGHT = "patient_right"
    FACE = "face"
    BACK = "back"

    @property
    def label(self) -> str:
        labels = {"patient_left": N_("Patient's left"), "patient_right": N_("Patient's right"),
                  "face": N_("Face"), "back": N_("Back of head")}
        return _(labels[self.value])


_ZONE_TINTS = {
    ScalpZone.FRONTAL: "#e3ecfa",
    ScalpZone.MID_SCALP: "#e4f3e7",
    ScalpZone.VERTEX: "#f7efdf",
    ScalpZone.LEFT_TEMPORAL: "#f9e4ee",
    ScalpZone.RIGHT_TEMPORAL: "#e9e3f8",
    ScalpZone.OCCIPITAL: "#ececec",
}


@dataclass(frozen=True)
class Orientation:
    """How a view lies on its canvas: what is beyond each edge as the practitioner looks
    at the diagram, and which side of the head a side view shows whole. The zones'
    sides, the editor's edge labels and the printed map's labels all come from here."""

    left: Side
    right: Side
    top: Side | None = None
    bottom: Side | None = None
    shows: Side | None = None  # a side view: every point on it is on this side

    def patient_side(self, point: Point) -> Side | None:
        """The patient's side ``point`` lies on; None on the midline or for a view across
        the head's length."""
        if self.shows is not None:
            return self.shows
        if {self.left, self.right} != {Side.PATIENT_LEFT, Side.PATIENT_RIGHT}:
            return None
        x = point[0]
        return self.left if x < 0.5 else self.right if x > 0.5 else None

    def edge_labels(self) -> dict[str, str]:
        """The words printed beyond each edge ("left", "right", "top", "bottom"), with an
        arrow pointing out of the diagram."""
        arrows = {"left": "◀ {}", "right": "{} ▶", "top": "▲ {}", "bottom": "▼ {}"}
        edges = {"left": self.left, "right": self.right, "top": self.top,
                 "bottom": self.bottom}
        return {edge: arrows[edge].format(side.label) for edge, side in edges.items()
                if side is not None}


def temporal_zone(side: Side) -> ScalpZone:
    """The temporal zone on the patient's ``side``."""
    return {Side.PATIENT_LEFT: ScalpZone.LEFT_TEMPORAL,
            Side.PATIENT_RIGHT: ScalpZone.RIGHT_TEMPORAL}[side]


class ScalpView(StrEnum):
    TOP = "top"
    FRONT = "front"
    LEFT = "left"
    RIGHT = "right"
    BACK = "back"

    @property
    def label(self) -> str:
        labels = {"top": N_("Top (vertex)"), "front": N_("Front hairline"),
                  "left": N_("Left side"), "right": N_("Right side"), "back": N_("Back")}
        return _(labels[self.value])


@dataclass(frozen=True)
class ViewGeometry:
    view: ScalpView
    width_cm: float  # the canvas, on an average adult head
    height_cm: float
    outline: Polygon
    zones: tuple[tuple[ScalpZone, Polygon], ...]  # first match wins, inside the outline
    orientation: Orientation


def _ellipse(cx: float, cy: float, rx: float, ry: float, start: float = 0.0,
             end: float = 2 * math.pi, steps: int = 64) -> Polygon:
    closed = math.isclose(end - start, 2 * math.pi)
    count = steps if closed else steps + 1  # an arc keeps both of its ends
    return tuple((round(cx + rx * math.cos(start + (end - start) * i / steps), 4),
                  round(cy + ry * math.sin(start + (end - start) * i / steps), 4))
                 for i in range(count))


def _box(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


_UPPER_HALF = _ellipse(0.5, 1.0, 0.48, 0.95, math.pi, 2 * math.pi)

# Seen from above, standing behind the patient, the face at the top of the picture:
# the patient's left is on the viewer's left. Head about 15.5 cm wide and 19.5 cm
# from front to back.
_TOP_SIDES = Orientation(left=Side.PATIENT_LEFT, right=Side.PATIENT_RIGHT, top=Side.FACE,
                         bottom=Side.BACK)
_TOP = ViewGeometry(ScalpView.TOP, 16.0, 20.0, _ellipse(0.5, 0.5, 0.48, 0.48), (
    (ScalpZone.FRONTAL, _box(0.27, 0.0, 0.73, 0.3)),
    (temporal_zone(_TOP_SIDES.left), _box(0.0, 0.0, 0.27, 0.58)),
    (temporal_zone(_TOP_SIDES.right), _box(0.73, 0.0, 1.0, 0.58)),
    (ScalpZone.MID_SCALP, _box(0.27, 0.3, 0.73, 0.58)),
    (ScalpZone.VERTEX, _box(0.2, 0.58, 0.8, 0.82)),
    (ScalpZone.OCCIPITAL, _box(0.0, 0.58, 1.0, 1.0)),
), _TOP_SIDES)
# The hairline facing the patient, the upper half of the head above the forehead:
# the patient's right is on the viewer's left, as in a photograph of the face.
_FRONT_SIDES = Orientation(left=Side.PATIENT_RIGHT, right=Side.PATIENT_LEFT,
                           bottom=Side.FACE)
_FRONT = ViewGeometry(ScalpView.FRONT, 16.0, 9.0, _UPPER_HALF, (
    (temporal_zone(_FRONT_SIDES.left), _box(0.0, 0.0, 0.3, 1.0)),
    (temporal_zone(_FRONT_SIDES.right), _box(0.7, 0.0, 1.0, 1.0)),
    (ScalpZone.FRONTAL, _box(0.3, 0.0, 0.7, 1.0)),
), _FRONT_SIDES)
# The sides, looking at the patient's ear: the face on the left of the left view and
# on the right of the right one.
_LEFT_SIDES = Orientation(left=Side.FACE, right=Side.BACK, shows=Side.PATIENT_LEFT)
_RIGHT_SIDES = Orientation(left=Side.BACK, right=Side.FACE, shows=Side.PATIENT_RIGHT)


def _side_zones(sides: Orientation) -> tuple[tuple[ScalpZone, Polygon], ...]:
    zones = (
        (temporal_zone(sides.shows), _box(0.0, 0.35, 0.45, 1.0)),
        (ScalpZone.MID_SCALP, _box(0.0, 0.0, 0.6, 0.35)),
        (ScalpZone.VERTEX, _box(0.6, 0.0, 1.0, 0.35)),
        (ScalpZone.OCCIPITAL, _box(0.45, 0.35, 1.0, 1.0)),
    )  # drawn with the face on the left; mirrored when the face is on the right
    if sides.left is Side.FACE:
        return zones
    return tuple((zone, tuple((round(1 - x, 4), y) for x, y in polygon))
                 for zone, polygon in zones)


_LEFT = ViewGeometry(ScalpView.LEFT, 20.0, 11.0, _UPPER_HALF, _side_zones(_LEFT_SIDES),
                     _LEFT_SIDES)
_RIGHT = ViewGeometry(ScalpView.RIGHT, 20.0, 11.0, _UPPER_HALF, _side_zones(_RIGHT_SIDES),
                      _RIGHT_SIDES)
# From behind the patient: the patient's left is on the viewer's left.
_BACK = ViewGeometry(ScalpView.BACK, 16.0, 12.0, _UPPER_HALF, (
    (ScalpZone.VERTEX, _box(0.0, 0.0, 1.0, 0.4)),
    (ScalpZone.OCCIPITAL, _box(0.0, 0.4, 1.0, 1.0)),
), Orientation(left=Side.PATIENT_LEFT, right=Side.PATIENT_RIGHT))
VIEWS: dict[ScalpView, ViewGeometry] = {g.view: g for g in (_TOP, _FRONT, _LEFT, _RIGHT, _BACK)}


_BANDS = 32
# The cached functions below are cached by assignment, not with a decorator: mutation
# testing (.ci/mutation) leaves decorated functions as they are, so their rules would go
# unmeasured; tests/conftest.py empties the caches for each run of the tests.


def _sort_edges_into_bands(polygon: Polygon) -> tuple[float, float, tuple[tuple, ...]]:
    """The polygon's edges sorted into horizontal bands, so a test looks at two or three
    edges instead of all 64 of an outline (maps total thousands of points per edit)."""
    top = min(y for _, y in polygon)
    height = (max(y for _, y in polygon) - top) or 1.0
    bands: list[list[tuple[float, float, float, float]]] = [[] for _ in range(_BANDS)]
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        if y1 == y2:
            continue  # a horizontal edge never crosses a horizontal ray
        low = int((min(y1, y2) - top) / height * _BANDS)
        high = int((max(y1, y2) - top) / height * _BANDS)
        for band in range(max(low, 0), min(high, _BANDS - 1) + 1):
            bands[band].append((x1, y1, x2, y2))
    return top, height, tuple(tuple(b) for b in bands)


_edges_by_band = lru_cache(maxsize=64)(_sort_edges_into_bands)


def contains(polygon: Polygon, point: Point) -> bool:
    """Whether ``point`` lies inside ``polygon`` (ray casting; edges count as inside
    only where the ray says so, which is enough at map precision)."""
    x, y = point
    if not (math.isfinite(x) and math.isfinite(y)):
        return False  # NaN and infinity lie nowhere
    top, height, bands = _edges_by_band(polygon)
    band = int((y - top) / height * _BANDS)
    if not 0 <= band < _BANDS:
        return False
    inside = False
    for x1, y1, x2, y2 in bands[band]:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _find_zone(view: ScalpView, point: Point) -> ScalpZone | None:
    """The zone a point on ``view`` falls in; None off the scalp."""
    geometry = VIEWS[view]
    if not contains(geometry.outline, point):
        return None
    return next((zone for zone, polygon in geometry.zones if contains(polygon, point)), None)


zone_at = lru_cache(maxsize=1 << 16)(_find_zone)  # totals re-read every point's zone per edit


def normalised(pixel: Point, width_px: float, height_px: float) -> Point:
    """A position on a drawn view as the 0–1 coordinates stored, whatever the drawing's size."""
    return (min(max(pixel[0] / width_px, 0.0), 1.0), min(max(pixel[1] / height_px, 0.0), 1.0))


def distance_cm(view: ScalpView, a: Point, b: Point) -> float:
    g = VIEWS[view]
    return math.hypot((a[0] - b[0]) * g.width_cm, (a[1] - b[1]) * g.height_cm)


def area_cm2(view: ScalpView, polygon: Polygon) -> float:
    g = VIEWS[view]
    doubled = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] +
                                                                   polygon[:1], strict=True))
    return abs(doubled) / 2 * g.width_cm * g.height_cm


def grid(view: ScalpView, zone: ScalpZone, spacing_cm: float) -> list[Point]:
    """Points ``spacing_cm`` apart on the real head, filling ``zone`` on ``view``."""
    if not 0.2 <= spacing_cm <= 5:
        raise ValueError("spacing between 0.2 and 5 cm")
    g = VIEWS[view]
    step_x, step_y = spacing_cm / g.width_cm, spacing_cm / g.height_cm
    points = []
    y = step_y / 2
    while y < 1:
        x = step_x / 2
        while x < 1:
            if zone_at(view, (x, y)) is zone:
                points.append((round(x, 4), round(y, 4)))
            x += step_x
        y += step_y
    return points


def _read_zone_cells(view: ScalpView
                     ) -> tuple[int, int, tuple[tuple[ScalpZone | None, ...], ...]]:
    """The zone of every half-centimetre cell of a view (read once per view)."""
    g = VIEWS[view]
    columns, rows = int(g.width_cm / 0.5), int(g.height_cm / 0.5)
    return columns, rows, tuple(tuple(zone_at(view, ((i + 0.5) / columns, (j + 0.5) / rows))
                                      for i in range(columns)) for j in range(rows))


_zone_cells = lru_cache(maxsize=8)(_read_zone_cells)


def _find_label_anchor(view: ScalpView, zone: ScalpZone) -> Point:
    """Where a zone's name is written: the spot of the zone farthest from other zones,
    the outline and the canvas' edge, so a name never sits inside a neighbour (the
    occipital band wraps round the vertex)."""
    columns, rows, zones = _zone_cells(view)
    inside = [[zones[j][i] is zone for i in range(columns)] for j in range(rows)]
    # breadth-first distance (in grid steps) inward from the zone's own edge cells
    steps = ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1))

    def inner(j: int, i: int) -> bool:
        return 0 <= j < rows and 0 <= i < columns and inside[j][i]

    far = [[-1] * columns for _ in range(rows)]
    frontier = [(j, i) for j in range(rows) for i in range(columns) if inside[j][i]
                and not all(inner(j + dj, i + di) for dj, di in steps)]
    for j, i in frontier:
        far[j][i] = 1
    while frontier:
        following = []
        for j, i in frontier:
            for dj, di in steps:
                y, x = j + dj, i + di
                if inner(y, x) and far[y][x] == -1:
                    far[y][x] = far[j][i] + 1
                    following.append((y, x))
        frontier = following
    cells = [(far[j][i], -abs(i - columns / 2) - abs(j - rows / 2), j, i)
             for j in range(rows) for i in range(columns) if inside[j][i]]
    if not cells:
        return (0.5, 0.5)
    _value, _distance, j, i = max(cells)  # ties go to the spot nearest the middle
    return ((i + 0.5) / columns, (j + 0.5) / rows)


label_anchor = lru_cache(maxsize=64)(_find_label_anchor)
