"""Consent forms (versioned texts) and the consents patients give."""

from __future__ import annotations

from datetime import datetime
from importlib.resources import files

from sqlalchemy import func, select

from mesolog.domain.clock import is_later
from mesolog.domain.consent import (
    Consent,
    ConsentForm,
    ConsentKind,
    TreatmentConsent,
    treatment_consent,
)
from mesolog.domain.permissions import Action, Actor
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.permissions import person_acting
from mesolog.store import models
from mesolog.store.database import Database

_DEFAULT_TEXTS = {ConsentKind.TREATMENT: "consent_treatment.md",
                  ConsentKind.PHOTOGRAPHY: "consent_photography.md"}


def default_text(kind: ConsentKind) -> tuple[str, str]:
    """Title and body of the form shipped in resources/."""
    text = (files("mesolog.resources") / _DEFAULT_TEXTS[kind]).read_text(encoding="utf-8")
    title, _newline, body = text.partition("\n")
    return title.strip(), body.strip()


_SHIPPED_TEXT = Actor.program("Mesolog (the consent text it ships with)")


class ConsentService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def current_form(self, kind: ConsentKind) -> ConsentForm:
        """The newest version of the form; the shipped text becomes version 1."""
        with self._db.reading() as session:
            row = session.execute(select(models.ConsentForm).where(
                models.ConsentForm.kind == kind.value)
                .order_by(models.ConsentForm.version.desc()).limit(1)).scalar()
            if row is not None:
                return _form(row)
        title, body = default_text(kind)
        # the shipped text is Mesolog's, not the publication of whoever reads it first
        return self._publish(self._db.acting_as(_SHIPPED_TEXT), kind, title, body)

    def publish_form(self, kind: ConsentKind, title: str, body: str) -> ConsentForm:
        """A new version of a form; consents already given keep theirs."""
        return self._publish(self._db, kind, title, body)

    def _publish(self, db: Database, kind: ConsentKind, title: str, body: str) -> ConsentForm:
        if not title.strip() or not body.strip():
            raise ValidationError([FieldError("body", _("A consent form needs a title and text."))])
        with db.transaction(Action.CONSENT_PUBLISH) as session:
            newest = session.execute(select(func.max(models.ConsentForm.version)).where(
                models.ConsentForm.kind == kind.value)).scalar() or 0
            row = models.ConsentForm(kind=kind.value, version=newest + 1, title=title.strip(),
                                     body=body.strip(), created_at=self._clock())
            session.add(row)
            session.flush()
            return _form(row)

    def record(self, patient_id: int, kind: ConsentKind,
               signed_at: datetime | None = None) -> Consent:
        """The patient signed the current form of ``kind``, taken by the actor."""
        self._db.require(Action.CONSENT_RECORD)  # before the shipped text is published
        form = self.current_form(kind)
        signed_at = signed_at or self._clock()
        if is_later(signed_at, self._clock()):  # the repeated autumn hour is not "future"
            raise ValidationError([FieldError("signed_at", _("Consent cannot be signed in the "
                                                           "future."))])
        with self._db.transaction(Action.CONSENT_RECORD) as session:
            if session.get(models.Patient, patient_id) is None:
                raise NotFoundError(_("No patient with id {patient_id}.").format(
                                        patient_id=patient_id))
            taker = person_acting(self._db, session, Action.CONSENT_RECORD, "taken_by")
            row = models.Consent(patient_id=patient_id, form_id=form.id, signed_at=signed_at,
                                 taken_by_id=taker.id, created_at=self._clock())
            session.add(row)
            session.flush()
            return Consent(row.id, patient_id, form, signed_at, taker.name)

    def withdraw(self, consent_id: int) -> None:
        with self._db.transaction(Action.CONSENT_WITHDRAW) as session:
            row = session.get(models.Consent, consent_id)
            if row is None:
                raise NotFoundError(_("No consent with id {consent_id}.").format(
                                        consent_id=consent_id))
            if row.withdrawn_at is None:
                row.withdrawn_at = self._clock()

    def for_patient(self, patient_id: int) -> list[Consent]:
        with self._db.reading() as session:
            rows = session.execute(
                select(models.Consent, models.ConsentForm, models.Practitioner.name)
                .join(models.ConsentForm, models.ConsentForm.id == models.Consent.form_id)
                .join(models.Practitioner, models.Practitioner.id == models.Consent.taken_by_id)
                .where(models.Consent.patient_id == patient_id)
                .order_by(models.Consent.signed_at.desc())).all()
            return [Consent(c.id, c.patient_id, _form(f), c.signed_at, name, c.withdrawn_at)
                    for c, f, name in rows]

    def treatment_consent(self, patient_id: int,
                          consents: list[Consent] | None = None) -> TreatmentConsent:
        """Before a session: where the patient's treatment consent stands.

        ``consents`` spares a second read when the caller has just listed them.
        """
        if consents is None:
            consents = self.for_patient(patient_id)
        current = self.current_form(ConsentKind.TREATMENT)
        return treatment_consent(consents, current.version)


def _form(row: models.ConsentForm) -> ConsentForm:
    return ConsentForm(row.id, ConsentKind(row.kind), row.version, row.title, row.body)
