"""Consent: versioned form texts and what a patient signed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum

from mesolog.domain.translation import N_, _


class ConsentKind(StrEnum):
    TREATMENT = "treatment"
    PHOTOGRAPHY = "photography"

    @property
    def label(self) -> str:
        labels = {"treatment": N_("Treatment"),
                  "photography": N_("Clinical photography")}
        return _(labels[self.value])


@dataclass(frozen=True)
class ConsentForm:
    id: int
    kind: ConsentKind
    version: int
    title: str
    body: str
    language: str = "en"  # a translation.LANGUAGES code: each language's text is its own form


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


class ConsentState(Enum):
    """Where a patient's treatment consent stands before a session."""

    IN_ORDER = "in order"
    MISSING = "missing"  # no valid treatment consent
    OLDER_FORM = "older form"  # valid, but signed on an earlier version of the form


@dataclass(frozen=True)
class TreatmentConsent:
    state: ConsentState
    signed_version: int | None = None  # the newest valid consent's form version
    current_version: int | None = None

    @property
    def warning(self) -> str | None:
        """What to tell the practitioner before a session, or None if it is in order."""
        if self.state is ConsentState.MISSING:
            return _("No valid treatment consent is recorded for this patient.")
        if self.state is ConsentState.OLDER_FORM:
            return _("Treatment consent was signed on form version {signed}; the current "
                     "form is version {current}. Consider asking the patient to sign it "
                     "again.").format(signed=self.signed_version, current=self.current_version)
        return None


def treatment_consent(consents: list[Consent], current: Mapping[str, int],
                      language: str) -> TreatmentConsent:
    """Where treatment consent stands, from the patient's consents and the newest form
    version of each language (``current``): a consent is measured against the newest
    text of its own language (a new English text leaves a French consent in order);
    ``language`` is the patient's, whose form a missing consent would be signed on."""
    valid = [c for c in consents if c.valid and c.form.kind is ConsentKind.TREATMENT]
    if not valid:
        return TreatmentConsent(ConsentState.MISSING, None, current.get(language))
    for consent in sorted(valid, key=lambda c: c.form.version, reverse=True):
        newest = current.get(consent.form.language)
        if newest is None or consent.form.version >= newest:
            return TreatmentConsent(ConsentState.IN_ORDER, consent.form.version, newest)
    latest = max(valid, key=lambda c: c.form.version)
    return TreatmentConsent(ConsentState.OLDER_FORM, latest.form.version,
                            current.get(latest.form.language))
