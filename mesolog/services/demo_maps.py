"""Injection maps for the demo clinic's sessions.

Points go where the diagnosis thins the hair: the frontal, mid-scalp and
vertex for pattern hair loss (with the temples for men), the whole top for
telogen effluvium, patches for alopecia areata. Each session's map is drawn
from its own seeded generator, so adding maps leaves the rest of the demo as
it was; a lot's volume in the session is the sum of its points.
"""

from __future__ import annotations

import random
from functools import lru_cache

from mesolog.domain.injection_map import POINT_DEPTH_MM, POINT_VOLUME_ML
from mesolog.domain.scalp import VIEWS, ScalpView, ScalpZone, grid, zone_at

# Only the first patients' sessions carry maps: 100 points per session over a
# 100,000-patient demo would make a file of several gigabytes.
MAPPED_PATIENTS = 2_000
_TOP, _FRONT = ScalpView.TOP, ScalpView.FRONT
_AREAS = {
    "male_aga": ((_TOP, ScalpZone.FRONTAL), (_TOP, ScalpZone.MID_SCALP),
                 (_TOP, ScalpZone.VERTEX), (_FRONT, ScalpZone.LEFT_TEMPORAL),
                 (_FRONT, ScalpZone.RIGHT_TEMPORAL)),
    "female_aga": ((_TOP, ScalpZone.FRONTAL), (_TOP, ScalpZone.MID_SCALP),
                   (_TOP, ScalpZone.VERTEX)),
    "telogen_effluvium": tuple((_TOP, zone) for zone in ScalpZone),
    "other": ((_TOP, ScalpZone.MID_SCALP), (_TOP, ScalpZone.VERTEX)),
}


@lru_cache(maxsize=256)
def _grid(view: ScalpView, zone: ScalpZone, spacing_cm: float) -> tuple[tuple[float, float], ...]:
    return tuple(grid(view, zone, spacing_cm))  # the same few grids serve every session


def demo_map(session_id: int, patient_id: int, diagnosis: str, depth_mm: float,
             lot_volumes: list[tuple[int, float]]) -> tuple[list[dict], dict[int, float]]:
    """Point rows for one session and the volume each lot then holds (ml)."""
    rng = random.Random(session_id)
    spots = (_patches(random.Random(patient_id), rng) if diagnosis == "alopecia_areata"
             else _spread(rng, _AREAS.get(diagnosis, _AREAS["other"])))
    total = sum(volume for _, volume in lot_volumes)
    per_point = min(max(round(total / max(len(spots), 1), 2), POINT_VOLUME_ML[0]),
                    POINT_VOLUME_ML[1])
    shares = [volume / total for _, volume in lot_volumes]
    rows, volumes = [], {lot: 0.0 for lot, _ in lot_volumes}
    chosen_lots = rng.choices([lot for lot, _ in lot_volumes], weights=shares, k=len(spots))
    for (view, x, y), lot in zip(spots, chosen_lots, strict=True):
        depth = min(max(round((depth_mm + rng.choice((-0.5, 0, 0, 0, 0.5))) * 2) / 2,
                        POINT_DEPTH_MM[0] + 0.5), POINT_DEPTH_MM[1])
        rows.append({"session_id": session_id, "view": view.value, "x": x, "y": y,
                     "depth_mm": depth, "volume_ml": per_point, "lot_id": lot})
        volumes[lot] += per_point
    return rows, {lot: round(v, 3) for lot, v in volumes.items() if v}


def _spread(rng: random.Random, areas: tuple[tuple[ScalpView, ScalpZone], ...]
            ) -> list[tuple[ScalpView, float, float]]:
    """60–150 points over the areas, about a centimetre apart, placed by hand (jittered)."""
    wanted = rng.randint(60, 150)
    spacing = 1.0
    while True:
        spots = [(view, zone, x, y) for view, zone in areas
                 for x, y in _grid(view, zone, round(spacing, 1))]
        if len(spots) >= wanted or spacing <= 0.5:
            break
        spacing -= 0.1
    chosen = sorted(rng.sample(spots, min(wanted, len(spots))), key=lambda s: (s[0], s[3], s[2]))
    return [_jittered(rng, view, zone, x, y, spacing) for view, zone, x, y in chosen]


def _patches(patient_rng: random.Random, rng: random.Random
             ) -> list[tuple[ScalpView, float, float]]:
    """Alopecia areata: the same one to three round patches at every session of the patient."""
    spots = []
    for _ in range(patient_rng.randint(1, 3)):
        cx, cy = patient_rng.uniform(0.25, 0.75), patient_rng.uniform(0.2, 0.85)
        radius_cm = patient_rng.uniform(1.2, 2.5)
        g = VIEWS[_TOP]
        for zone in ScalpZone:
            for x, y in _grid(_TOP, zone, 0.6):
                if ((x - cx) * g.width_cm) ** 2 + ((y - cy) * g.height_cm) ** 2 <= radius_cm ** 2:
                    spots.append(_jittered(rng, _TOP, zone, x, y, 0.6))
    return spots[:150]


def _jittered(rng: random.Random, view: ScalpView, zone: ScalpZone, x: float, y: float,
              spacing_cm: float) -> tuple[ScalpView, float, float]:
    """The grid spot moved a little, as a hand places it, without leaving its zone."""
    g = VIEWS[view]
    jx = round(x + rng.uniform(-0.2, 0.2) * spacing_cm / g.width_cm, 4)
    jy = round(y + rng.uniform(-0.2, 0.2) * spacing_cm / g.height_cm, 4)
    return (view, jx, jy) if zone_at(view, (jx, jy)) is zone else (view, x, y)
