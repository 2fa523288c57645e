"""Where each injection of a session went: points on the scalp diagram.

A point carries its view, its normalised position, depth, volume and lot;
its zone is read from the geometry (``scalp.zone_at``), never stored or
typed. The map is the source of the volumes of the lots it uses: a product
line of the session that has points holds exactly the sum of their volumes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from mesolog.domain.catalogue import Lot
from mesolog.domain.scalp import VIEWS, ScalpView, ScalpZone, distance_cm, grid, zone_at
from mesolog.domain.translation import _, ngettext, number
from mesolog.domain.validation import FieldError

# Sane bounds per injection point on the scalp; outside them it is a slip.
POINT_DEPTH_MM = (0.0, 6.0)
POINT_VOLUME_ML = (0.01, 1.0)
MAX_POINTS = 5_000  # far beyond any session; a bound against runaway fills
NUDGE_CM = 0.1  # one arrow key press moves a point 1 mm on the head


@dataclass(frozen=True)
class InjectionPoint:
    view: ScalpView
    x: float  # 0–1 across the view's canvas
    y: float  # 0–1 down the view's canvas
    depth_mm: float
    volume_ml: float
    lot_id: int

    @property
    def zone(self) -> ScalpZone | None:
        return zone_at(self.view, (self.x, self.y))

    def moved_to(self, x: float, y: float) -> InjectionPoint:
        return replace(self, x=round(x, 4), y=round(y, 4))


def depth_problem(depth_mm: float) -> str:
    """Why a depth cannot be a point's; empty when it can."""
    low, high = POINT_DEPTH_MM
    return "" if low <= depth_mm <= high else _("Depth per point: {low} to {high} mm.").format(
        low=number(low, up_to=2), high=number(high, up_to=2))


def volume_problem(volume_ml: float) -> str:
    low, high = POINT_VOLUME_ML
    return "" if low <= volume_ml <= high else _(
        "Volume per point: {low} to {high} ml.").format(low=number(low, up_to=2),
                                                        high=number(high, up_to=2))


def point_problems(points: Iterable[InjectionPoint]) -> list[FieldError]:
    """What is wrong with a map, as messages for the map's field; empty when sound."""
    problems: list[str] = []
    count = 0
    for point in points:
        count += 1
        for problem in (depth_problem(point.depth_mm), volume_problem(point.volume_ml)):
            if problem and problem not in problems:
                problems.append(problem)
        if point.zone is None:
            problem = _("A point on the {view} view lies off the scalp outline.").format(
                view=point.view.label.lower())
            if problem not in problems:
                problems.append(problem)
    if count > MAX_POINTS:
        problems.append(_("At most {count} points in one session.").format(
            count=number(MAX_POINTS)))
    return [FieldError("injection_map", p) for p in problems]


def volumes_by_lot(points: Iterable[InjectionPoint]) -> dict[int, float]:
    """The volume the map gives each lot, in ml (rounded as stored)."""
    totals: dict[int, float] = defaultdict(float)
    for point in points:
        totals[point.lot_id] += point.volume_ml
    return {lot: round(volume, 3) for lot, volume in totals.items()}


def counts_by_lot(points: Iterable[InjectionPoint]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for point in points:
        counts[point.lot_id] += 1
    return dict(counts)


@dataclass(frozen=True)
class Tally:
    points: int
    volume_ml: float


def _tally(groups: dict, point: InjectionPoint, key: object) -> None:
    count, volume = groups.get(key, (0, 0.0))
    groups[key] = (count + 1, volume + point.volume_ml)


@dataclass(frozen=True)
class MapTotals:
    by_zone: dict[ScalpZone, Tally]  # in the order of ScalpZone
    by_lot: dict[int, Tally]
    points: int
    volume_ml: float


def totals(points: Iterable[InjectionPoint]) -> MapTotals:
    zones: dict = {}
    lots: dict = {}
    count, volume = 0, 0.0
    for point in points:
        zone = point.zone
        if zone is not None:
            _tally(zones, point, zone)
        _tally(lots, point, point.lot_id)
        count += 1
        volume += point.volume_ml
    return MapTotals(
        by_zone={z: Tally(zones[z][0], round(zones[z][1], 3)) for z in ScalpZone if z in zones},
        by_lot={lot: Tally(n, round(v, 3)) for lot, (n, v) in lots.items()},
        points=count, volume_ml=round(volume, 3))


def nudged(point: InjectionPoint, dx_steps: int, dy_steps: int) -> InjectionPoint:
    """The point moved by whole arrow-key steps of ``NUDGE_CM`` on the real head."""
    g = VIEWS[point.view]
    x = min(max(point.x + dx_steps * NUDGE_CM / g.width_cm, 0.0), 1.0)
    y = min(max(point.y + dy_steps * NUDGE_CM / g.height_cm, 0.0), 1.0)
    return point.moved_to(x, y)


def describe_map_change(before: tuple[InjectionPoint, ...],
                        after: tuple[InjectionPoint, ...]) -> tuple[str, ...]:
    """Readable lines for an amendment: points and volume per zone, before → after."""
    if sorted(before, key=_order) == sorted(after, key=_order):
        return ()
    old, new = totals(before), totals(after)
    lines = [_("injection map: {before} → {after}").format(before=_tally_text(old),
                                                           after=_tally_text(new))]
    for zone in ScalpZone:
        a, b = old.by_zone.get(zone), new.by_zone.get(zone)
        if a != b:
            lines.append(f"  {zone.label}: {_tally_text(a)} → {_tally_text(b)}")
    return tuple(lines)


def _order(point: InjectionPoint) -> tuple:
    return (point.view.value, point.x, point.y, point.depth_mm, point.volume_ml, point.lot_id)


def _tally_text(tally: Tally | None) -> str:
    return "—" if tally is None else f"{points_count(tally.points)}, " \
        f"{number(tally.volume_ml, up_to=2)} ml"


def points_count(count: int) -> str:
    """"1 point", "1,200 points", in the language in force."""
    return ngettext("{count} point", "{count} points", count).format(count=number(count))


# Colour-blind-safe (Okabe–Ito) colours for the products of one session, in
# the order they are listed; the editor and the printed map use the same.
PRODUCT_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
                   "#F0E442", "#000000")


def product_colours(product_ids: Iterable[int]) -> dict[int, str]:
    """A colour for each product, by first appearance in ``product_ids``."""
    colours: dict[int, str] = {}
    for product_id in product_ids:
        if product_id not in colours:
            colours[product_id] = PRODUCT_COLOURS[len(colours) % len(PRODUCT_COLOURS)]
    return colours


def free_spots(view: ScalpView, zone: ScalpZone, spacing_cm: float,
               taken: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """Where Fill Zone places points: ``zone``'s grid on ``view`` at ``spacing_cm`` on the
    head, less the spots nearer than half the spacing to a point already there."""
    taken = list(taken)
    return [spot for spot in grid(view, zone, spacing_cm)
            if all(distance_cm(view, spot, other) >= spacing_cm / 2 for other in taken)]


def with_this_sessions_lots(points: Iterable[InjectionPoint], lots: list[Lot],
                            catalogue: dict[int, Lot], fallback_lot_id: int
                            ) -> tuple[list[InjectionPoint], int]:
    """A previous map's points with this session's lots (Copy Last Map): the same lot,
    else a lot of the same product, else ``fallback_lot_id``; and how many points
    changed product (the practitioner checks those)."""
    ids = [lot.id for lot in lots]
    product_of = {lot.id: lot.product_id for lot in lots}
    copied, switched = [], 0
    for point in points:
        old = catalogue.get(point.lot_id)
        if point.lot_id in ids:
            lot_id = point.lot_id
        else:
            lot_id = next((lot.id for lot in lots
                           if old is not None and lot.product_id == old.product_id),
                          fallback_lot_id)
        if old is None or old.product_id != product_of[lot_id]:
            switched += 1
        copied.append(replace(point, lot_id=lot_id))
    return copied, switched
