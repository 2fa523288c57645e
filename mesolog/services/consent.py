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
from mesolog.domain.translation import ENGLISH, LANGUAGES, _, language
from mesolog.domain.validation import FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.permissions import person_acting
from mesolog.store import models
from mesolog.store.database import Database

_DEFAULT_TEXTS = {ConsentKind.TREATMENT: "consent_treatment",
                  ConsentKind.PHOTOGRAPHY: "consent_photography"}


def shipped_text(kind: ConsentKind, language: str = ENGLISH) -> tuple[str, str] | None:
    """Title and body of the form shipped in resources/ in ``language``
    (consent_treatment.fr.md), None when Mesolog ships none in it."""
    name = _DEFAULT_TEXTS[kind] + ("" if language == ENGLISH else f".{language}") + ".md"
    source = files("mesolog.resources") / name
    if not source.is_file():
        return None
    title, _newline, body = source.read_text(encoding="utf-8").partition("\n")
    return title.strip(), body.strip()


def default_text(kind: ConsentKind) -> tuple[str, str]:
    """Title and body of the English form shipped in resources/."""
    return shipped_text(kind)


_SHIPPED_TEXT = Actor.program("Mesolog (the consent text it ships with)")


class ConsentService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def current_form(self, kind: ConsentKind, language: str = ENGLISH) -> ConsentForm:
        """The newest version of the form in ``language``; the text Mesolog ships in it
        becomes its version 1. A language with neither gets the English form."""
        with self._db.reading() as session:
            row = session.execute(select(models.ConsentForm).where(
                models.ConsentForm.kind == kind.value,
                models.ConsentForm.language == language)
                .order_by(models.ConsentForm.version.desc()).limit(1)).scalar()
            if row is not None:
                return _form(row)
        shipped = shipped_text(kind, language)
        if shipped is None:
            return self.current_form(kind) if language != ENGLISH else self._missing(kind)
        # the shipped text is Mesolog's, not the publication of whoever reads it first
        return self._publish(self._db.acting_as(_SHIPPED_TEXT), kind, *shipped, language)

    def _missing(self, kind: ConsentKind) -> ConsentForm:
        raise NotFoundError(_("Mesolog ships no {form} form.").format(form=kind.label))

    def form_for(self, patient_id: int, kind: ConsentKind) -> ConsentForm:
        """The form a patient signs: in the language of their reports, or the desk's."""
        return self.current_form(kind, self._language_of(patient_id))

    def _language_of(self, patient_id: int) -> str:
        found = self._db.fetch_all("SELECT language FROM patient WHERE id = ?", (patient_id,))
        return (found[0][0] if found else "") or language()

    def publish_form(self, kind: ConsentKind, title: str, body: str,
                     language: str = ENGLISH) -> ConsentForm:
        """A new version of a form in ``language``; consents already given keep theirs."""
        return self._publish(self._db, kind, title, body, language)

    def _publish(self, db: Database, kind: ConsentKind, title: str, body: str,
                 language: str = ENGLISH) -> ConsentForm:
        if not title.strip() or not body.strip():
            raise ValidationError([FieldError("body", _("A consent form needs a title and text."))])
        if language not in LANGUAGES:
            raise ValidationError([FieldError("language", _("A consent form's language is one "
                                                            "of Mesolog's."))])
        with db.transaction(Action.CONSENT_PUBLISH) as session:
            # versions count every language's texts of a kind: a form is (kind, version)
            newest = session.execute(select(func.max(models.ConsentForm.version)).where(
                models.ConsentForm.kind == kind.value)).scalar() or 0
            row = models.ConsentForm(kind=kind.value, version=newest + 1, title=title.strip(),
                                     body=body.strip(), language=language,
                                     created_at=self._clock())
            session.add(row)
            session.flush()
            return _form(row)

    def record(self, patient_id: int, kind: ConsentKind,
               signed_at: datetime | None = None) -> Consent:
        """The patient signed the current form of ``kind``, taken by the actor."""
        self._db.require(Action.CONSENT_RECORD)  # before the shipped text is published
        form = self.form_for(patient_id, kind)
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
        # a consent is measured against the newest form of its own language
        patient_language = self._language_of(patient_id)
        languages = {c.form.language for c in consents if c.form.kind is ConsentKind.TREATMENT}
        current = {code: self.current_form(ConsentKind.TREATMENT, code).version
                   for code in languages | {patient_language}}
        return treatment_consent(consents, current, patient_language)


def _form(row: models.ConsentForm) -> ConsentForm:
    return ConsentForm(row.id, ConsentKind(row.kind), row.version, row.title, row.body,
                       row.language)
