"""Injection sessions: record, sign, amend; allergy flags for the lots chosen."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime

from sqlalchemy import insert, select, true
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.catalogue import Ingredient, LotDetails, allergy_matches, lot_is_expired
from mesolog.domain.course import CourseStatus
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.permissions import Action
from mesolog.domain.scalp import ScalpView
from mesolog.domain.session import (
    OVERRIDE_REASON_MIN,
    Amendment,
    Device,
    ProductUse,
    Session,
    SessionDetails,
    Technique,
    UsedLot,
    check_session,
    check_session_in_life,
    describe_changes,
)
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import _, day_text
from mesolog.domain.validation import ConflictError, FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.permissions import person_acting
from mesolog.store import models
from mesolog.store.database import Database


class SessionSignedError(ConflictError):
    """A signed session is read-only; it changes only by an amendment with a reason."""


class SessionService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    # -- recording -------------------------------------------------------

    def create(self, patient_id: int, details: SessionDetails, *,
               sign: bool = False) -> Session:
        """Record a session; with ``sign``, signed by the actor in the same transaction."""
        details = check_session(details, self._clock())
        now = self._clock()
        with self._db.transaction(Action.SESSION_RECORD) as session:
            patient = session.get(models.Patient, patient_id)
            if patient is None:
                raise NotFoundError(_("No patient with id {patient_id}.").format(
                                        patient_id=patient_id))
            check_session_in_life(details.performed_at, patient.date_of_birth)
            self._check_references(session, patient_id, details)
            row = models.Session(patient_id=patient_id, created_at=now, updated_at=now)
            _apply(row, details)
            session.add(row)
            session.flush()
            _store_products(session, row.id, details)
            if sign:
                self._sign(session, row)
            session.flush()
            return _read(session, row)

    def update(self, session_id: int, expected_version: int, details: SessionDetails, *,
               sign: bool = False) -> Session:
        """Change an unsigned session (and with ``sign``, sign it as the actor)."""
        details = check_session(details, self._clock())
        with self._db.transaction(Action.SESSION_UPDATE) as session:
            row = self._current(session, session_id, expected_version)
            if row.signed_at is not None:
                raise SessionSignedError(_("This session is signed; amend it with a reason."))
            check_session_in_life(details.performed_at, _born(session, row.patient_id))
            self._check_references(session, row.patient_id, details)
            _apply(row, details)
            row.updated_at = self._clock()
            _store_products(session, session_id, details)
            if sign:
                self._sign(session, row)
            session.flush()
            return _read(session, row)

    def sign(self, session_id: int, expected_version: int) -> Session:
        """Sign as the actor: a signature is always the signer's own."""
        with self._db.transaction(Action.SESSION_SIGN) as session:
            row = self._current(session, session_id, expected_version)
            if row.signed_at is not None:
                raise SessionSignedError(_("This session is already signed."))
            self._sign(session, row)
            session.flush()
            return _read(session, row)

    def _sign(self, session: OrmSession, row: models.Session) -> None:
        signer = person_acting(self._db, session, Action.SESSION_SIGN)
        row.signed_at = self._clock()
        row.signed_by_id = signer.id
        row.updated_at = row.signed_at

    def amend(self, session_id: int, expected_version: int, details: SessionDetails,
              reason: str) -> Session:
        """Change a signed session; the change and its reason are kept with it."""
        details = check_session(details, self._clock())
        reason = reason.strip()
        if len(reason) < OVERRIDE_REASON_MIN or has_control_characters(reason):
            raise ValidationError([FieldError(
                "reason", _("Say why the signed session is changed (at least {count} "
                            "characters).").format(count=OVERRIDE_REASON_MIN))])
        with self._db.transaction(Action.SESSION_AMEND) as session:
            row = self._current(session, session_id, expected_version)
            if row.signed_at is None:
                raise ConflictError(_("This session is not signed; edit it directly."))
            author_id = person_acting(self._db, session, Action.SESSION_AMEND).id
            check_session_in_life(details.performed_at, _born(session, row.patient_id),
                                  row.signed_at)
            self._check_references(session, row.patient_id, details)
            before = _details_of(session, row)
            changes = describe_changes(before, details, self._lot_labels(session, before, details))
            if not changes:
                raise ValidationError([FieldError("reason", _("Nothing was changed."))])
            now = self._clock()
            session.add(models.SessionAmendment(
                session_id=session_id, at=now, author_id=author_id, reason=reason,
                changes="\n".join(changes), before_json=_as_json(before),
                after_json=_as_json(details)))
            _apply(row, details)
            row.updated_at = now
            _store_products(session, session_id, details)
            session.flush()
            return _read(session, row)

    @staticmethod
    def _current(session: OrmSession, session_id: int, expected_version: int) -> models.Session:
        row = session.get(models.Session, session_id)
        if row is None:
            raise NotFoundError(_("No session with id {session_id}.").format(session_id=session_id))
        if row.version != expected_version:
            raise ConflictError(_("The session was changed elsewhere since you opened it; "
                                "your changes were not saved. Reopen it and try again."))
        return row

    def _check_references(self, session: OrmSession, patient_id: int,
                          details: SessionDetails) -> None:
        errors: list[FieldError] = []
        if session.get(models.Practitioner, details.practitioner_id) is None:
            errors.append(FieldError("practitioner_id", _("Choose who performed the session.")))
        if details.course_id is not None:
            course = session.get(models.Course, details.course_id)
            if course is None or course.patient_id != patient_id:
                errors.append(FieldError("course_id", _("That course is not this patient's.")))
            elif course.status in (CourseStatus.COMPLETED, CourseStatus.STOPPED):
                errors.append(FieldError("course_id", _("The course is {status}; resume it or "
                                                        "record without a course.").format(
                                                          status=course.status)))
        day = details.performed_at.date()
        for use in details.products:
            lot = session.get(models.Lot, use.lot_id)
            if lot is None:
                errors.append(FieldError("products",
                    _("Lot #{lot_id} is not in the catalogue.").format(
                                                         lot_id=use.lot_id)))
                continue
            expired = _expired(lot, day)
            reason = use.expired_override.strip()
            if expired and len(reason) < OVERRIDE_REASON_MIN:
                errors.append(FieldError(
                    "products", _("Lot {lot_no} expired on {value}: use another lot, or give the "
                                  "reason it is used anyway.").format(
                                    lot_no=lot.lot_no, value=day_text(lot.expiry))))
            elif reason and has_control_characters(reason):
                errors.append(FieldError("products", _("The override reason has characters "
                                                     "that cannot be stored.")))
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _lot_labels(session: OrmSession, *all_details: SessionDetails) -> dict[int, str]:
        ids = {u.lot_id for d in all_details for u in d.products}
        rows = session.execute(
            select(models.Lot.id, models.Product.name, models.Lot.lot_no)
            .join(models.Product, models.Product.id == models.Lot.product_id)
            .where(models.Lot.id.in_(ids))).all()
        return {i: f"{name} lot {lot_no}" for i, name, lot_no in rows}

    # -- reading ---------------------------------------------------------

    def get(self, session_id: int) -> Session:
        with self._db.reading() as session:
            row = session.get(models.Session, session_id)
            if row is None:
                raise NotFoundError(_("No session with id {session_id}.").format(
                                        session_id=session_id))
            return _read(session, row)

    def for_patient(self, patient_id: int) -> list[Session]:
        """The patient's sessions, newest first."""
        with self._db.reading() as session:
            rows = session.execute(
                select(models.Session).where(models.Session.patient_id == patient_id)
                .order_by(models.Session.performed_at.desc(), models.Session.id.desc())
            ).scalars().all()
            return _read_many(session, rows)

    def previous_map(self, patient_id: int, before: datetime,
                     excluding: int | None = None) -> tuple[datetime, tuple[InjectionPoint, ...]]:
        """The map of the patient's latest session before ``before`` that has one.

        Raises NotFoundError when no earlier session has points.
        """
        has_map = select(models.InjectionPoint.id).where(
            models.InjectionPoint.session_id == models.Session.id).exists()
        with self._db.reading() as session:
            found = session.execute(
                select(models.Session.id, models.Session.performed_at)
                .where(models.Session.patient_id == patient_id,
                       models.Session.performed_at < before,
                       models.Session.id != excluding if excluding is not None
                       else true(), has_map)
                .order_by(models.Session.performed_at.desc(), models.Session.id.desc())
                .limit(1)).first()
            if found is None:
                raise NotFoundError(_("No earlier session of this patient has an injection map."))
            return found.performed_at, tuple(_points_of(session, [found.id])[found.id])

    def allergy_flags(self, patient_id: int, lot_ids: list[int]) -> dict[int, list[str]]:
        """Why each lot may be unsafe for this patient, in words; lots without a flag are left out.

        Two signals: a recorded allergy that names the product or one of its
        ingredients, and an allergic reaction this patient had to the same
        product (any lot of it) after an earlier session.
        """
        flags: dict[int, list[str]] = {}
        with self._db.reading() as session:
            patient = session.get(models.Patient, patient_id)
            if patient is None:
                return {}
            for lot_id in lot_ids:
                lot = session.get(models.Lot, lot_id)
                if lot is None:
                    continue
                product = session.get(models.Product, lot.product_id)
                ingredients = session.execute(
                    select(models.ProductIngredient.name)
                    .where(models.ProductIngredient.product_id == product.id)).scalars().all()
                hits = allergy_matches(patient.allergies,
                                       tuple(Ingredient(n) for n in ingredients), product.name)
                if hits:
                    flags.setdefault(lot_id, []).append(
                        f"recorded allergy names {', '.join(hits)}")
        if lot_ids:
            marks = ",".join("?" * len(lot_ids))
            for lot_id, product, onset, grade in self._db.fetch_all(
                    "SELECT chosen.id, p.name, ae.onset, ae.grade FROM adverse_event ae "
                    "JOIN lot suspected ON suspected.id = ae.suspected_lot_id "
                    "JOIN lot chosen ON chosen.product_id = suspected.product_id "
                    "JOIN product p ON p.id = chosen.product_id "
                    f"WHERE ae.patient_id = ? AND ae.kind = 'allergic_reaction' "
                    f"AND chosen.id IN ({marks}) ORDER BY ae.onset",
                    (patient_id, *lot_ids)):
                flags.setdefault(lot_id, []).append(
                    f"allergic reaction to {product} on {onset} (grade {grade})")
        return flags


def _expired(lot: models.Lot, day: date) -> bool:
    return lot_is_expired(LotDetails(lot.lot_no, lot.expiry, lot.opened), day)


def _apply(row: models.Session, details: SessionDetails) -> None:
    row.performed_at = details.performed_at
    row.practitioner_id = details.practitioner_id
    row.course_id = details.course_id
    row.technique = details.technique.value
    row.device = details.device.value
    row.needle_gauge = details.needle_gauge
    row.needle_length_mm = details.needle_length_mm
    row.depth_mm = details.depth_mm
    row.pain_score = details.pain_score
    row.notes = details.notes.strip()


def _store_products(session: OrmSession, session_id: int, details: SessionDetails) -> None:
    """The session's products and map points, replacing any stored before."""
    for table in (models.SessionProduct, models.InjectionPoint):
        session.execute(table.__table__.delete().where(table.session_id == session_id))
    session.add_all(models.SessionProduct(session_id=session_id, lot_id=u.lot_id,
                                          volume_ml=u.volume_ml,
                                          expired_override=u.expired_override.strip())
                    for u in details.products)
    if details.points:  # a map holds hundreds of points: one executemany, not an ORM flush
        session.execute(insert(models.InjectionPoint), [
            {"session_id": session_id, "view": p.view.value, "x": p.x, "y": p.y,
             "depth_mm": p.depth_mm, "volume_ml": p.volume_ml, "lot_id": p.lot_id}
            for p in details.points])


def _points_of(session: OrmSession, ids: list[int]) -> dict[int, list[InjectionPoint]]:
    """The injection points of the sessions ``ids``, by session, in the order placed."""
    point = models.InjectionPoint.__table__
    views = {v.value: v for v in ScalpView}
    points: dict[int, list[InjectionPoint]] = defaultdict(list)
    for sid, view, x, y, depth, volume, lot_id in session.execute(
            select(point.c.session_id, point.c.view, point.c.x, point.c.y, point.c.depth_mm,
                   point.c.volume_ml, point.c.lot_id)
            .where(point.c.session_id.in_(ids)).order_by(point.c.session_id, point.c.id)):
        points[sid].append(InjectionPoint(views[view], x, y, depth, volume, lot_id))
    return points


def _details_of(session: OrmSession, row: models.Session) -> SessionDetails:
    return _read_many(session, [row])[0].details


def _read(session: OrmSession, row: models.Session) -> Session:
    return _read_many(session, [row])[0]


def _read_many(session: OrmSession, rows: Sequence[models.Session]) -> list[Session]:
    """``rows`` as sessions, read in four statements whatever their number (products with
    their lots, injection points, names, amendments), not four per session: a chart of
    50 sessions opens as fast as one of five."""
    ids = [row.id for row in rows]
    if not ids:
        return []
    sp, lot, product = (models.SessionProduct.__table__, models.Lot.__table__,
                        models.Product.__table__)
    used: dict[int, list] = defaultdict(list)
    for r in session.execute(
            select(sp.c.session_id, sp.c.lot_id, sp.c.volume_ml, sp.c.expired_override,
                   lot.c.lot_no, product.c.name)
            .join(lot, lot.c.id == sp.c.lot_id).join(product, product.c.id == lot.c.product_id)
            .where(sp.c.session_id.in_(ids)).order_by(sp.c.session_id, sp.c.id)):
        used[r.session_id].append(r)
    points = _points_of(session, ids)
    people = {r.practitioner_id for r in rows} | {r.signed_by_id for r in rows}
    names = dict(session.execute(select(models.Practitioner.id, models.Practitioner.name)
                                 .where(models.Practitioner.id.in_(people - {None}))).all())
    amendment = models.SessionAmendment.__table__
    amendments: dict[int, list[Amendment]] = defaultdict(list)
    for a in session.execute(
            select(amendment.c.session_id, amendment.c.at, amendment.c.reason,
                   amendment.c.changes, models.Practitioner.name)
            .join(models.Practitioner, models.Practitioner.id == amendment.c.author_id)
            .where(amendment.c.session_id.in_(ids))
            .order_by(amendment.c.session_id, amendment.c.at)):
        amendments[a.session_id].append(
            Amendment(a.at, a.name, a.reason, tuple(a.changes.splitlines())))
    return [_session_of(row, used[row.id], points[row.id], names, amendments[row.id])
            for row in rows]


def _session_of(row: models.Session, used: list, points: list[InjectionPoint],
                names: dict[int, str], amendments: list[Amendment]) -> Session:
    details = SessionDetails(
        performed_at=row.performed_at, practitioner_id=row.practitioner_id,
        course_id=row.course_id, technique=Technique(row.technique), device=Device(row.device),
        needle_gauge=row.needle_gauge, needle_length_mm=row.needle_length_mm,
        depth_mm=row.depth_mm, pain_score=row.pain_score, notes=row.notes,
        products=tuple(ProductUse(u.lot_id, u.volume_ml, u.expired_override) for u in used),
        points=tuple(points))
    return Session(
        id=row.id, patient_id=row.patient_id, version=row.version, details=details,
        practitioner_name=names.get(row.practitioner_id, ""),
        used=tuple(UsedLot(u.lot_id, u.name, u.lot_no, u.volume_ml, u.expired_override)
                   for u in used),
        signed_at=row.signed_at,
        signed_by=names.get(row.signed_by_id, "") if row.signed_by_id else "",
        amendments=tuple(amendments))


def _as_json(details: SessionDetails) -> str:
    return json.dumps(asdict(details), default=str, ensure_ascii=False, sort_keys=True)


def _born(session: OrmSession, patient_id: int) -> date | None:
    patient = session.get(models.Patient, patient_id)
    return patient.date_of_birth if patient else None
