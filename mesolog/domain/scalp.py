"""The scalp zones that injections, side effects and measurements refer to.

The diagram's geometry (views, outlines, zone polygons) will join these
names here; every other module names a zone through this enum only.
"""

from __future__ import annotations

from enum import StrEnum


class ScalpZone(StrEnum):
    FRONTAL = "frontal"
    MID_SCALP = "mid_scalp"
    VERTEX = "vertex"
    LEFT_TEMPORAL = "left_temporal"
    RIGHT_TEMPORAL = "right_temporal"
    OCCIPITAL = "occipital"

    @property
    def label(self) -> str:
        return {"frontal": "Frontal", "mid_scalp": "Mid-scalp", "vertex": "Vertex / crown",
                "left_temporal": "Left temporal", "right_temporal": "Right temporal",
                "occipital": "Occipital"}[self.value]
