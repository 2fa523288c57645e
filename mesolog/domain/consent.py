"""Consent: versioned form texts and what a patient signed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ConsentKind(StrEnum):
    TREATMENT = "treatment"
    PHOTOGRAPHY = "photography"

    @property
    def label(self) -> str:
        return {"treatment": "Treatment", "photography": "Clinical photography"}[self.value]


@dataclass(frozen=True)
class ConsentForm:
    id: int
    kind: ConsentKind
    version: int
    title: str
    body: str


@dataclass(frozen=True)
class Consent:
    id: int
    patient_id: int
    form: ConsentForm
    signed_at: datetime
    taken_by: str  # the practitioner's name
    withdrawn_at: datetime | None = None

    @property
    def valid(self) -> bool:
        return self.withdrawn_at is None


def treatment_consent_warning(consents: list[Consent], current_version: int | None) -> str | None:
    """What to tell the practitioner before a session, or None if consent is in order."""
    valid = [c for c in consents if c.valid and c.form.kind is ConsentKind.TREATMENT]
    if not valid:
        return "No valid treatment consent is recorded for this patient."
    newest = max(c.form.version for c in valid)
    if current_version is not None and newest < current_version:
        return (f"Treatment consent was signed on form version {newest}; the current form is "
                f"version {current_version}. Consider asking the patient to sign it again.")
    return None
