"""Hair measurements at a fixed site, their bounds, and change since baseline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import N_, _, number
from mesolog.domain.validation import FieldError, ValidationError

TERMINAL_MIN_UM = 40  # a hair thicker than this is terminal, thinner is vellus


class Metric(StrEnum):
    DENSITY = "density"
    SHAFT_DIAMETER = "shaft_diameter_um"
    TV_RATIO = "tv_ratio"
    ANAGEN = "anagen_pct"
    SATISFACTION = "satisfaction"

    @property
    def label(self) -> str:
        labels = {"density": N_("Hair density (hairs/cm²)"),
                  "shaft_diameter_um": N_("Mean shaft diameter (µm)"),
                  "tv_ratio": N_("Terminal/vellus ratio"), "anagen_pct": N_("Anagen (%)"),
                  "satisfaction": N_("Patient satisfaction (1–5)")}
        return _(labels[self.value])


# field: (low, high, message)
BOUNDS: dict[str, tuple[float, float, str]] = {
    "density": (0, 600, N_("Density: 0 to 600 hairs/cm².")),
    "terminal_count": (0, 2000, N_("Terminal hairs: 0 to 2000.")),
    "vellus_count": (0, 2000, N_("Vellus hairs: 0 to 2000.")),
    "shaft_diameter_um": (5, 150, N_("Shaft diameter: 5 to 150 µm.")),
    "anagen_pct": (0, 100, N_("Anagen: 0 to 100 %.")),
    "telogen_pct": (0, 100, N_("Telogen: 0 to 100 %.")),
    "pull_test": (0, 100, N_("Pull test: 0 to 100 hairs.")),
    "satisfaction": (1, 5, N_("Satisfaction: 1 (very unhappy) to 5 (very happy).")),
}


@dataclass(frozen=True)
class MeasurementDetails:
    site_id: int | None = None
    taken_on: date | None = None
    session_id: int | None = None
    density: float | None = None
    terminal_count: int | None = None
    vellus_count: int | None = None
    shaft_diameter_um: float | None = None
    anagen_pct: float | None = None
    telogen_pct: float | None = None
    pull_test: int | None = None
    satisfaction: int | None = None
    notes: str = ""

    @property
    def tv_ratio(self) -> float | None:
        """Terminal to vellus hairs; None without counts or with no vellus hairs."""
        if self.terminal_count is None or not self.vellus_count:
            return None
        return round(self.terminal_count / self.vellus_count, 2)

    def value(self, metric: Metric) -> float | None:
        return getattr(self, metric.value)  # each metric a field, the ratio a property


@dataclass(frozen=True)
class Measurement:
    id: int
    patient_id: int
    site_name: str
    details: MeasurementDetails


def check_measurement(details: MeasurementDetails, today: date) -> MeasurementDetails:
    errors: list[FieldError] = []
    if details.site_id is None:
        errors.append(FieldError("site_id", _("Choose the measurement site.")))
    if details.taken_on is None:
        errors.append(FieldError("taken_on", _("Date is required.")))
    elif details.taken_on > today:
        errors.append(FieldError("taken_on", _("The date cannot be in the future.")))
    for name, (low, high, message) in BOUNDS.items():
        value = getattr(details, name)
        # NaN fails every comparison, so it is refused here too
        if value is not None and not low <= value <= high:
            errors.append(FieldError(name, _(message)))
    if (details.anagen_pct or 0) + (details.telogen_pct or 0) > 100:
        errors.append(FieldError("telogen_pct", _("Anagen and telogen together exceed 100 %.")))
    measured = [getattr(details, n) for n in BOUNDS]
    if all(v is None for v in measured):
        errors.append(FieldError("density", _("Enter at least one measurement.")))
    if len(details.notes) > 10_000 or has_control_characters(details.notes):
        errors.append(FieldError("notes", _("Notes: at most 10,000 characters.")))
    if errors:
        raise ValidationError(errors)
    return details


@dataclass(frozen=True)
class Change:
    baseline: float
    latest: float

    @property
    def absolute(self) -> float:
        return round(self.latest - self.baseline, 2)

    @property
    def percent(self) -> float | None:
        if self.baseline == 0:
            return None
        return round(100 * (self.latest - self.baseline) / self.baseline, 1)

    @property
    def text(self) -> str:
        """"+21 (+15 %), from 140 to 161": how the window and the reports say it."""
        percent = (f" ({number(self.percent, signed=True, up_to=1)} %)"
                   if self.percent is not None else "")
        return _("{change}{percent}, from {baseline} to {latest}").format(
            change=number(self.absolute, signed=True, up_to=2), percent=percent,
            baseline=number(self.baseline, up_to=2), latest=number(self.latest, up_to=2))


def change_since_baseline(values: list[tuple[date, float | None]]) -> Change | None:
    """First and latest values by date (missing values skipped); None with fewer than two."""
    known = sorted((day, v) for day, v in values if v is not None)
    if len(known) < 2:
        return None
    return Change(known[0][1], known[-1][1])
