"""An injection session: how it was done, what went in, and its signature."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from mesolog.domain.clock import is_later, never_happened
from mesolog.domain.injection_map import (
    InjectionPoint,
    describe_map_change,
    point_problems,
    volumes_by_lot,
)
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import N_, _, moment_text, number
from mesolog.domain.validation import FieldError, ValidationError


class Technique(StrEnum):
    NAPPAGE = "nappage"
    POINT_BY_POINT = "point_by_point"
    PAPULE = "papule"
    MICRO_PAPULE = "micro_papule"

    @property
    def label(self) -> str:
        labels = {"nappage": N_("Nappage"), "point_by_point": N_("Point-by-point"),
                  "papule": N_("Papule"), "micro_papule": N_("Micro-papule")}
        return _(labels[self.value])


class Device(StrEnum):
    MANUAL = "manual"
    INJECTOR_GUN = "injector_gun"
    MICRONEEDLING_PEN = "microneedling_pen"
    DERMAROLLER = "dermaroller"

    @property
    def label(self) -> str:
        labels = {"manual": N_("Manual (syringe)"), "injector_gun": N_("Injector gun"),
                  "microneedling_pen": N_("Microneedling pen"),
                  "dermaroller": N_("Dermaroller")}
        return _(labels[self.value])


# Sane bounds for scalp mesotherapy; anything outside is a typing slip.
NEEDLE_GAUGES = range(27, 35)  # 27 G to 34 G
NEEDLE_LENGTH_MM = (1.0, 13.0)
DEPTH_MM = (0.0, 6.0)
VOLUME_ML = (0.01, 20.0)  # per product per session
PAIN_SCORE = range(0, 11)
NOTES_MAX = 10_000
OVERRIDE_REASON_MIN = 10


@dataclass(frozen=True)
class ProductUse:
    """One product given in a session: which lot and how much."""

    lot_id: int
    volume_ml: float
    expired_override: str = ""  # why an expired lot was used anyway


@dataclass(frozen=True)
class SessionDetails:
    performed_at: datetime | None = None
    practitioner_id: int | None = None
    course_id: int | None = None
    technique: Technique | None = None
    device: Device | None = None
    needle_gauge: int | None = 30
    needle_length_mm: float | None = 4.0
    depth_mm: float | None = 1.5
    pain_score: int | None = None
    notes: str = ""
    products: tuple[ProductUse, ...] = ()
    points: tuple[InjectionPoint, ...] = ()  # the injection map


@dataclass(frozen=True)
class Amendment:
    at: datetime
    author: str
    reason: str
    changes: tuple[str, ...]


@dataclass(frozen=True)
class UsedLot:
    """A product use as read back, with what the timeline and editor show."""

    lot_id: int
    product_name: str
    lot_no: str
    volume_ml: float
    expired_override: str


@dataclass(frozen=True)
class Session:
    id: int
    patient_id: int
    version: int
    details: SessionDetails
    practitioner_name: str
    used: tuple[UsedLot, ...]
    signed_at: datetime | None = None
    signed_by: str = ""
    amendments: tuple[Amendment, ...] = field(default=())

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def total_volume_ml(self) -> float:
        return round(sum(u.volume_ml for u in self.used), 3)


def _in(value: float | None, bounds: tuple[float, float]) -> bool:
    return value is not None and bounds[0] <= value <= bounds[1]


def check_session(details: SessionDetails, now: datetime) -> SessionDetails:
    """The details as given, or ValidationError naming each bad field."""
    errors: list[FieldError] = []

    def error(name: str, message: str) -> None:
        errors.append(FieldError(name, message))

    if details.performed_at is None:
        error("performed_at", _("Date and time of the session are required."))
    elif never_happened(details.performed_at):
        error("performed_at", _("{time} did not happen on {day}: the clocks went forward.")
              .format(time=f"{details.performed_at:%H:%M}",
                      day=f"{details.performed_at:%Y-%m-%d}"))
    elif is_later(details.performed_at, now.replace(second=59, microsecond=999_999)):
        error("performed_at", _("The session cannot be in the future."))
    if details.practitioner_id is None:
        error("practitioner_id", _("Choose who performed the session."))
    if details.technique is None:
        error("technique", _("Choose the technique."))
    if details.device is None:
        error("device", _("Choose the device."))
    if details.needle_gauge is not None and details.needle_gauge not in NEEDLE_GAUGES:
        error("needle_gauge", _("Needle gauge: 27 G to 34 G."))
    if details.needle_length_mm is not None and not _in(details.needle_length_mm,
                                                        NEEDLE_LENGTH_MM):
        error("needle_length_mm", _("Needle length: 1 to 13 mm."))
    if details.depth_mm is not None and not _in(details.depth_mm, DEPTH_MM):
        error("depth_mm", _("Depth: 0 to 6 mm."))
    if details.pain_score is not None and details.pain_score not in PAIN_SCORE:
        error("pain_score", _("Pain: 0 (none) to 10 (worst imaginable)."))
    if len(details.notes) > NOTES_MAX or has_control_characters(details.notes):
        error("notes", _("Notes: at most {limit} characters, no control characters.")
              .format(limit=NOTES_MAX))
    if not details.products:
        error("products", _("Add at least one product with its lot and volume."))
    seen: set[int] = set()
    for use in details.products:
        if not _in(use.volume_ml, VOLUME_ML):
            error("products", _("Volume per product: 0.01 to 20 ml."))
            break
        if use.lot_id in seen:
            error("products", _("The same lot is listed twice; add the volumes together."))
            break
        seen.add(use.lot_id)
    errors.extend(point_problems(details.points))
    errors.extend(_map_disagreements(details))
    if errors:
        raise ValidationError(errors)
    return details


def check_session_in_life(performed_at: datetime, born: date | None,
                          signed_at: datetime | None = None) -> None:
    """ValidationError when a session is dated before the patient was born, or a signed
    session after its own signature (both are slips of the date field)."""
    if born is not None and performed_at.date() < born:
        raise ValidationError([FieldError(
            "performed_at", _("The session is dated before the patient's birth ({day}).")
            .format(day=f"{born:%Y-%m-%d}"))])
    if signed_at is not None and is_later(_minute(performed_at), _minute(signed_at)):
        raise ValidationError([FieldError(
            "performed_at", _("The session was signed at {time}; it cannot be dated after "
                              "its signature.").format(time=f"{signed_at:%Y-%m-%d %H:%M}"))])


def _minute(moment: datetime) -> datetime:
    """The minute ``moment`` falls in: the session's time is kept to the minute."""
    return moment.replace(second=0, microsecond=0)


def _map_disagreements(details: SessionDetails) -> list[FieldError]:
    """The map is the source of a mapped lot's volume; the product list must agree."""
    listed = {u.lot_id: u.volume_ml for u in details.products}
    mapped = volumes_by_lot(details.points)
    if any(lot not in listed for lot in mapped):
        return [FieldError("injection_map", _("A point on the map uses a lot that is not "
                                              "in the session's products."))]
    # both to the thousandth of a ml the fields take (the map's total is rounded so)
    if any(round(listed[lot], 3) != volume for lot, volume in mapped.items()):
        return [FieldError("products", _("A mapped product's volume must be the sum of its "
                                         "points on the map."))]
    return []


def describe_changes(before: SessionDetails, after: SessionDetails,
                     lot_labels: dict[int, str]) -> tuple[str, ...]:
    """Readable before → after lines for an amendment record."""
    lines = []
    for name, label in _CHANGED_FIELDS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            lines.append(f"{_(label)}: {_shown(old)} → {_shown(new)}")
    old_uses = {u.lot_id: u.volume_ml for u in before.products}
    new_uses = {u.lot_id: u.volume_ml for u in after.products}
    for lot_id in sorted(old_uses.keys() | new_uses.keys()):
        old, new = old_uses.get(lot_id), new_uses.get(lot_id)
        if old != new:
            label = lot_labels.get(lot_id, _("lot #{number}").format(number=lot_id))
            lines.append(f"{label}: {_ml(old)} → {_ml(new)}")
    lines.extend(describe_map_change(before.points, after.points))
    return tuple(lines)


# what an amendment record calls each field it lists
_CHANGED_FIELDS = {"performed_at": N_("date and time"), "practitioner_id": N_("practitioner"),
                   "course_id": N_("course"), "technique": N_("technique"),
                   "device": N_("device"), "needle_gauge": N_("needle gauge"),
                   "needle_length_mm": N_("needle length"), "depth_mm": N_("depth"),
                   "pain_score": N_("pain score"), "notes": N_("notes")}


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return moment_text(value)
    if isinstance(value, float):
        return number(value, up_to=2)
    return str(getattr(value, "label", value))


def _ml(volume: float | None) -> str:
    return "—" if volume is None else f"{number(volume, up_to=2)} ml"
