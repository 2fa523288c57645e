"""Grading scales of hair loss, one definition each, and the SALT score."""

from __future__ import annotations

from dataclasses import dataclass

from mesolog.domain.validation import FieldError, ValidationError


@dataclass(frozen=True)
class Stage:
    code: str
    description: str


@dataclass(frozen=True)
class GradingScale:
    key: str
    name: str
    stages: tuple[Stage, ...]

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise ValidationError([FieldError("stage", f"{self.name} has no stage “{code}”.")])

    def rank(self, code: str) -> int:
        """Position in the scale, 0 = least loss; for charts and comparisons."""
        return self.stages.index(self.stage(code))


NORWOOD_HAMILTON = GradingScale("norwood", "Norwood-Hamilton", (
    Stage("I", "No recession, or minimal recession at the temples"),
    Stage("II", "Symmetrical triangular recession at the temples, under 2 cm"),
    Stage("IIa", "Whole frontal hairline recedes evenly, no midline island"),
    Stage("III", "Deep temporal recession; the first stage counted as baldness"),
    Stage("IIIa", "Frontal hairline recedes to the mid-scalp"),
    Stage("III vertex", "Stage III recession with thinning at the vertex"),
    Stage("IV", "Further recession and a larger vertex area, a band of hair between"),
    Stage("IVa", "Frontal recession past the mid-scalp, no separating band"),
    Stage("V", "Vertex and front larger, the band between narrower and sparser"),
    Stage("Va", "Frontal loss reaching the vertex area"),
    Stage("VI", "The band is gone: front and vertex joined"),
    Stage("VII", "Only a horseshoe of hair at the sides and back remains"),
))
LUDWIG = GradingScale("ludwig", "Ludwig", (
    Stage("I", "Perceptible thinning on the crown, frontal hairline kept"),
    Stage("II", "Pronounced thinning of the crown"),
    Stage("III", "Full baldness on the crown"),
))
SINCLAIR = GradingScale("sinclair", "Sinclair", (
    Stage("1", "Normal: the central part line is narrow"),
    Stage("2", "The part widens slightly"),
    Stage("3", "The part widens with thinning at its sides"),
    Stage("4", "Diffuse hair loss over the top of the scalp"),
    Stage("5", "Advanced: little hair left over the top"),
))
SCALES: dict[str, GradingScale] = {s.key: s for s in (NORWOOD_HAMILTON, LUDWIG, SINCLAIR)}

# SALT (Severity of Alopecia Tool): the share of the scalp each view covers.
SALT_WEIGHTS = {"vertex": 0.40, "left": 0.18, "right": 0.18, "back": 0.24}


def salt_score(vertex: float, left: float, right: float, back: float) -> float:
    """Percent of the whole scalp without hair, from the percent lost in each view."""
    losses = {"vertex": vertex, "left": left, "right": right, "back": back}
    errors = [FieldError(f"salt_{view}", f"{view.capitalize()}: 0 to 100 % loss.")
              for view, value in losses.items() if not 0 <= value <= 100]
    if errors:
        raise ValidationError(errors)
    return round(sum(SALT_WEIGHTS[view] * value for view, value in losses.items()), 1)
