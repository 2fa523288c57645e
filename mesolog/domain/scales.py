"""Grading scales of hair loss, one definition each, and the SALT score."""

from __future__ import annotations

from dataclasses import dataclass

from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError, ValidationError


@dataclass(frozen=True)
class Stage:
    code: str
    text: str  # as written (English), marked for the catalogues

    @property
    def description(self) -> str:
        """What the stage looks like, in the language in force."""
        return _(self.text)


@dataclass(frozen=True)
class GradingScale:
    key: str
    name: str
    stages: tuple[Stage, ...]

    def stage(self, code: str) -> Stage:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise ValidationError([FieldError("stage", _("{scale} has no stage “{code}”.")
                                          .format(scale=self.name, code=code))])

    def rank(self, code: str) -> int:
        """Position in the scale, 0 = least loss; for charts and comparisons."""
        return self.stages.index(self.stage(code))


NORWOOD_HAMILTON = GradingScale("norwood", "Norwood-Hamilton", (
    Stage("I", N_("No recession, or minimal recession at the temples")),
    Stage("II", N_("Symmetrical triangular recession at the temples, under 2 cm")),
    Stage("IIa", N_("Whole frontal hairline recedes evenly, no midline island")),
    Stage("III", N_("Deep temporal recession; the first stage counted as baldness")),
    Stage("IIIa", N_("Frontal hairline recedes to the mid-scalp")),
    Stage("III vertex", N_("Stage III recession with thinning at the vertex")),
    Stage("IV", N_("Further recession and a larger vertex area, a band of hair between")),
    Stage("IVa", N_("Frontal recession past the mid-scalp, no separating band")),
    Stage("V", N_("Vertex and front larger, the band between narrower and sparser")),
    Stage("Va", N_("Frontal loss reaching the vertex area")),
    Stage("VI", N_("The band is gone: front and vertex joined")),
    Stage("VII", N_("Only a horseshoe of hair at the sides and back remains")),
))
LUDWIG = GradingScale("ludwig", "Ludwig", (
    Stage("I", N_("Perceptible thinning on the crown, frontal hairline kept")),
    Stage("II", N_("Pronounced thinning of the crown")),
    Stage("III", N_("Full baldness on the crown")),
))
SINCLAIR = GradingScale("sinclair", "Sinclair", (
    Stage("1", N_("Normal: the central part line is narrow")),
    Stage("2", N_("The part widens slightly")),
    Stage("3", N_("The part widens with thinning at its sides")),
    Stage("4", N_("Diffuse hair loss over the top of the scalp")),
    Stage("5", N_("Advanced: little hair left over the top")),
))
SCALES: dict[str, GradingScale] = {s.key: s for s in (NORWOOD_HAMILTON, LUDWIG, SINCLAIR)}

# SALT (Severity of Alopecia Tool): the share of the scalp each view covers.
SALT_WEIGHTS = {"vertex": 0.40, "left": 0.18, "right": 0.18, "back": 0.24}
_SALT_VIEW_NAMES = {"vertex": N_("Vertex"), "left": N_("Left"), "right": N_("Right"),
                    "back": N_("Back")}


def salt_view_name(view: str) -> str:
    """A SALT view's name, in the language in force."""
    return _(_SALT_VIEW_NAMES[view])


def salt_score(vertex: float, left: float, right: float, back: float) -> float:
    """Percent of the whole scalp without hair, from the percent lost in each view."""
    losses = {"vertex": vertex, "left": left, "right": right, "back": back}
    errors = [FieldError(f"salt_{view}", _("{view}: 0 to 100 % loss.").format(
                  view=salt_view_name(view)))
              for view, value in losses.items() if not 0 <= value <= 100]
    if errors:
        raise ValidationError(errors)
    return round(sum(SALT_WEIGHTS[view] * value for view, value in losses.items()), 1)
