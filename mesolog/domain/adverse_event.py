"""Side effects (adverse events): kind, CTCAE-style grade, actions, outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mesolog.domain.scalp import ScalpZone
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError, ValidationError


class EventKind(StrEnum):
    PAIN = "pain"
    ERYTHEMA = "erythema"
    SWELLING = "swelling"
    BRUISING = "bruising"
    ITCHING = "itching"
    HEADACHE = "headache"
    INFECTION = "infection"
    SCARRING = "scarring"
    ALLERGIC_REACTION = "allergic_reaction"
    HAIR_SHEDDING = "hair_shedding"
    NODULE = "nodule_granuloma"
    VASOVAGAL = "vasovagal_episode"
    NECROSIS = "necrosis"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    EventKind.PAIN: N_("Pain"), EventKind.ERYTHEMA: N_("Redness / erythema"),
    EventKind.SWELLING: N_("Swelling / oedema"), EventKind.BRUISING: N_("Bruising / haematoma"),
    EventKind.ITCHING: N_("Itching"), EventKind.HEADACHE: N_("Headache"),
    EventKind.INFECTION: N_("Infection"), EventKind.SCARRING: N_("Scarring"),
    EventKind.ALLERGIC_REACTION: N_("Allergic reaction"),
    EventKind.HAIR_SHEDDING: N_("Hair shedding (temporary)"),
    EventKind.NODULE: N_("Nodule / granuloma"),
    EventKind.VASOVAGAL: N_("Vasovagal episode (fainting)"),
    EventKind.NECROSIS: N_("Skin necrosis"), EventKind.OTHER: N_("Other"),
}

# CTCAE's general grade meanings, shown beside each grade where one is chosen.
GRADES: dict[int, str] = {
    1: N_("Mild; no intervention needed"),
    2: N_("Moderate; minimal, local or non-invasive intervention"),
    3: N_("Severe or medically significant, not immediately life-threatening"),
    4: N_("Life-threatening; urgent intervention needed"),
    5: N_("Death related to the event"),
}


def grade_meaning(grade: int) -> str:
    """CTCAE's meaning of ``grade``, in the language in force."""
    return _(GRADES[grade])
SERIOUS_GRADE = 3  # from this grade on, a lot's event warns whoever chooses the lot


class Action(StrEnum):
    NONE = "none"
    COLD_COMPRESS = "cold_compress"
    TOPICAL = "topical"
    ANTIBIOTICS = "antibiotics"
    ANTIHISTAMINE = "antihistamine"
    REFERRAL = "referral"
    TREATMENT_PAUSED = "treatment_paused"
    COURSE_STOPPED = "course_stopped"

    @property
    def label(self) -> str:
        labels = {"none": N_("None"), "cold_compress": N_("Cold compress"),
                  "topical": N_("Topical treatment"), "antibiotics": N_("Antibiotics"),
                  "antihistamine": N_("Antihistamine"), "referral": N_("Referral"),
                  "treatment_paused": N_("Treatment paused"),
                  "course_stopped": N_("Course stopped")}
        return _(labels[self.value])


class Outcome(StrEnum):
    ONGOING = "ongoing"
    RESOLVED = "resolved"
    RESOLVED_WITH_SEQUELAE = "resolved_with_sequelae"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        labels = {"ongoing": N_("Ongoing"), "resolved": N_("Resolved"),
                  "resolved_with_sequelae": N_("Resolved with sequelae (e.g. scar)"),
                  "unknown": N_("Unknown")}
        return _(labels[self.value])

    @property
    def resolved(self) -> bool:
        return self in (Outcome.RESOLVED, Outcome.RESOLVED_WITH_SEQUELAE)


@dataclass(frozen=True)
class EventDetails:
    session_id: int | None = None
    kind: EventKind | None = None
    other_text: str = ""
    onset: date | None = None
    grade: int | None = None
    serious: bool = False
    actions: tuple[Action, ...] = ()
    zone: ScalpZone | None = None
    suspected_lot_id: int | None = None
    resolved_on: date | None = None
    outcome: Outcome = Outcome.ONGOING
    notes: str = ""

    @property
    def is_open(self) -> bool:
        return not self.outcome.resolved

    @property
    def title(self) -> str:
        name = self.other_text if self.kind is EventKind.OTHER else (
            self.kind.label if self.kind else "")
        return _("{side_effect}, grade {grade}").format(side_effect=name, grade=self.grade) \
            if self.grade else name


@dataclass(frozen=True)
class AdverseEvent:
    id: int
    patient_id: int
    version: int
    details: EventDetails
    session_performed_on: date
    suspected_lot: str = ""  # "Biotin complex lot B-2031"

    def days_open(self, today: date) -> int:
        end = self.details.resolved_on or today
        return (end - self.details.onset).days


def check_event(details: EventDetails, session_day: date, today: date) -> EventDetails:
    """The event as given, or ValidationError naming each bad field."""
    errors: list[FieldError] = []

    def error(name: str, message: str) -> None:
        errors.append(FieldError(name, message))

    if details.kind is None:
        error("kind", _("Choose what kind of side effect it is."))
    elif details.kind is EventKind.OTHER and not details.other_text.strip():
        error("other_text", _("Say what the side effect is."))
    if len(details.other_text) > 200 or has_control_characters(details.other_text):
        error("other_text", _("At most 200 plain characters."))
    if details.onset is None:
        error("onset", _("Onset date is required."))
    elif details.onset < session_day:
        error("onset", _("Onset before the session ({day}).").format(
            day=session_day.isoformat()))
    elif details.onset > today:
        error("onset", _("Onset cannot be in the future."))
    if details.grade not in GRADES:
        error("grade", _("Grade: 1 to 5."))
    if Action.NONE in details.actions and len(details.actions) > 1:
        error("actions", _("“None” cannot go with other actions."))
    if details.resolved_on is not None:
        if details.onset is not None and details.resolved_on < details.onset:
            error("resolved_on", _("Resolved before it began: check the dates."))
        elif details.resolved_on > today:
            error("resolved_on", _("Resolution date cannot be in the future."))
        if not details.outcome.resolved:
            error("outcome", _("With a resolution date, the outcome is resolved (or "
                               "resolved with sequelae)."))
    elif details.outcome.resolved:
        error("resolved_on", _("Give the date it resolved."))
    if len(details.notes) > 10_000 or has_control_characters(details.notes):
        error("notes", _("Notes: at most 10,000 characters, no control characters."))
    if errors:
        raise ValidationError(errors)
    return details
