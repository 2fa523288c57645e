"""Side effects: record, follow until resolved, and the safety signals they raise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.adverse_event import (
    SERIOUS_GRADE,
    Action,
    AdverseEvent,
    EventDetails,
    EventKind,
    Outcome,
    check_event,
)
from mesolog.domain.permissions import Action as Permitted
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.translation import _, ngettext
from mesolog.domain.validation import ConflictError, FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.permissions import person_acting
from mesolog.store import models
from mesolog.store.database import Database


@dataclass(frozen=True)
class OpenEvent:
    """An unresolved side effect on the clinic-wide list."""

    event: AdverseEvent
    chart_no: str
    patient_name: str
    days_open: int


@dataclass(frozen=True)
class SideEffectStatus:
    """What is known of a session's side effects."""

    events: int
    open_events: int
    none_observed: bool

    @property
    def text(self) -> str:
        if self.events and self.open_events:
            return ngettext("{count} side effect, {open} open", "{count} side effects, {open} open",
                            self.events).format(count=self.events, open=self.open_events)
        if self.events:
            return ngettext("{count} side effect, resolved", "{count} side effects, resolved",
                            self.events).format(count=self.events)
        return _("no side effects") if self.none_observed else _("side effects not checked")


class AdverseEventService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    # -- recording -------------------------------------------------------

    def record(self, details: EventDetails) -> AdverseEvent:
        now = self._clock()
        with self._db.transaction(Permitted.SIDE_EFFECT_RECORD) as session:
            sess = self._session_of(session, details)
            check_event(details, sess.performed_at.date(), now.date())
            self._check_lot(session, details)
            row = models.AdverseEvent(patient_id=sess.patient_id, created_at=now,
                                      updated_at=now)
            _apply(row, details)
            session.add(row)
            # an event recorded means the session was checked; drop a "none observed"
            check = session.get(models.SideEffectCheck, sess.id)
            if check is not None:
                session.delete(check)
            session.flush()
            return _event(session, row)

    def update(self, event_id: int, expected_version: int, details: EventDetails) -> AdverseEvent:
        return self._change(event_id, expected_version, details, Permitted.SIDE_EFFECT_UPDATE)

    def _change(self, event_id: int, expected_version: int, details: EventDetails,
                action: Permitted) -> AdverseEvent:
        now = self._clock()
        with self._db.transaction(action) as session:
            row = self._current(session, event_id, expected_version)
            if details.session_id != row.session_id:
                raise ValidationError([FieldError("session_id", _("An event stays with the "
                                                                "session it followed."))])
            sess = self._session_of(session, details)
            check_event(details, sess.performed_at.date(), now.date())
            self._check_lot(session, details)
            _apply(row, details)
            row.updated_at = now
            session.flush()
            return _event(session, row)

    def resolve(self, event_id: int, expected_version: int, resolved_on: date,
                outcome: Outcome = Outcome.RESOLVED) -> AdverseEvent:
        event = self.get(event_id)
        if event.version != expected_version:
            raise ConflictError(_("The side effect was changed elsewhere; reopen it."))
        changed = replace(event.details, resolved_on=resolved_on, outcome=outcome)
        return self._change(event_id, expected_version, changed, Permitted.SIDE_EFFECT_RESOLVE)

    def mark_none_observed(self, session_id: int) -> None:
        """Record that the session was checked, by the actor, and no side effect was seen."""
        with self._db.transaction(Permitted.SIDE_EFFECT_NONE_OBSERVED) as session:
            if session.get(models.Session, session_id) is None:
                raise NotFoundError(_("No session with id {session_id}.").format(
                                        session_id=session_id))
            checker = person_acting(self._db, session, Permitted.SIDE_EFFECT_NONE_OBSERVED,
                                    "checked_by")
            has_events = session.execute(select(models.AdverseEvent.id).where(
                models.AdverseEvent.session_id == session_id).limit(1)).scalar()
            if has_events is not None:
                raise ValidationError([FieldError(
                    "kind", _("Side effects are recorded for this session already."))])
            if session.get(models.SideEffectCheck, session_id) is None:
                session.add(models.SideEffectCheck(session_id=session_id,
                                                   checked_at=self._clock(),
                                                   checked_by_id=checker.id))

    @staticmethod
    def _current(session: OrmSession, event_id: int, expected_version: int) -> models.AdverseEvent:
        row = session.get(models.AdverseEvent, event_id)
        if row is None:
            raise NotFoundError(_("No side effect with id {event_id}.").format(event_id=event_id))
        if row.version != expected_version:
            raise ConflictError(_("The side effect was changed elsewhere; reopen it."))
        return row

    @staticmethod
    def _session_of(session: OrmSession, details: EventDetails) -> models.Session:
        sess = session.get(models.Session, details.session_id) if details.session_id else None
        if sess is None:
            raise ValidationError([FieldError("session_id", _("Choose the session it followed."))])
        return sess

    @staticmethod
    def _check_lot(session: OrmSession, details: EventDetails) -> None:
        if details.suspected_lot_id is None:
            return
        used = session.execute(select(models.SessionProduct.id).where(
            models.SessionProduct.session_id == details.session_id,
            models.SessionProduct.lot_id == details.suspected_lot_id)).scalar()
        if used is None:
            raise ValidationError([FieldError(
                "suspected_lot_id", _("The suspected lot was not used in that session."))])

    # -- reading ---------------------------------------------------------

    def get(self, event_id: int) -> AdverseEvent:
        with self._db.reading() as session:
            row = session.get(models.AdverseEvent, event_id)
            if row is None:
                raise NotFoundError(_("No side effect with id {event_id}.").format(
                                        event_id=event_id))
            return _event(session, row)

    def for_patient(self, patient_id: int) -> list[AdverseEvent]:
        """The patient's side effects, open ones first, then newest first."""
        with self._db.reading() as session:
            rows = session.execute(select(models.AdverseEvent).where(
                models.AdverseEvent.patient_id == patient_id)
                .order_by(models.AdverseEvent.onset.desc())).scalars().all()
            events = [_event(session, row) for row in rows]
        return sorted(events, key=lambda e: not e.details.is_open)

    def for_session(self, session_id: int) -> list[AdverseEvent]:
        with self._db.reading() as session:
            rows = session.execute(select(models.AdverseEvent).where(
                models.AdverseEvent.session_id == session_id)
                .order_by(models.AdverseEvent.onset)).scalars().all()
            return [_event(session, row) for row in rows]

    def status(self, session_ids: list[int]) -> dict[int, SideEffectStatus]:
        """For each session: how many events, how many open, or checked with none."""
        if not session_ids:
            return {}
        marks = ",".join("?" * len(session_ids))
        counts = {sid: (n, n_open) for sid, n, n_open in self._db.fetch_all(
            f"SELECT session_id, count(*), "
            f"sum(CASE WHEN outcome IN ('ongoing', 'unknown') THEN 1 ELSE 0 END) "
            f"FROM adverse_event WHERE session_id IN ({marks}) GROUP BY session_id",
            tuple(session_ids))}
        checked = {r[0] for r in self._db.fetch_all(
            f"SELECT session_id FROM side_effect_check WHERE session_id IN ({marks})",
            tuple(session_ids))}
        return {sid: SideEffectStatus(*counts.get(sid, (0, 0)), sid in checked)
                for sid in session_ids}

    def open_events(self, today: date, *, kind: EventKind | None = None,
                    min_grade: int = 1, lot_id: int | None = None) -> list[OpenEvent]:
        """Unresolved side effects across the clinic, oldest first."""
        stmt = (select(models.AdverseEvent, models.Patient.chart_no, models.Patient.last_name,
                       models.Patient.first_name)
                .join(models.Patient, models.Patient.id == models.AdverseEvent.patient_id)
                .where(models.AdverseEvent.outcome.in_(("ongoing", "unknown")),
                       models.AdverseEvent.grade >= min_grade)
                .order_by(models.AdverseEvent.onset, models.AdverseEvent.id))
        if kind is not None:
            stmt = stmt.where(models.AdverseEvent.kind == kind.value)
        if lot_id is not None:
            stmt = stmt.where(models.AdverseEvent.suspected_lot_id == lot_id)
        with self._db.reading() as session:
            found = []
            for row, chart, last, first in session.execute(stmt).all():
                event = _event(session, row)
                found.append(OpenEvent(event, chart, f"{last}, {first}", event.days_open(today)))
            return found

    def lot_warnings(self, lot_ids: list[int]) -> dict[int, str]:
        """Lots with a side effect of grade 3 or more, anyone's: what to warn about."""
        if not lot_ids:
            return {}
        marks = ",".join("?" * len(lot_ids))
        warnings: dict[int, list[str]] = {}
        for lot_id, kind, grade, onset in self._db.fetch_all(
                f"SELECT suspected_lot_id, kind, grade, onset FROM adverse_event "
                f"WHERE suspected_lot_id IN ({marks}) AND grade >= ? ORDER BY onset",
                (*lot_ids, SERIOUS_GRADE)):
            warnings.setdefault(lot_id, []).append(
                f"{EventKind(kind).label}, grade {grade}, {onset}")
        return {lot_id: "; ".join(items) for lot_id, items in warnings.items()}


def _apply(row: models.AdverseEvent, d: EventDetails) -> None:
    row.session_id = d.session_id
    row.kind = d.kind.value
    row.other_text = d.other_text.strip() if d.kind is EventKind.OTHER else ""
    row.onset = d.onset
    row.grade = d.grade
    row.serious = d.serious
    row.actions = ",".join(a.value for a in d.actions)
    row.zone = d.zone.value if d.zone else None
    row.suspected_lot_id = d.suspected_lot_id
    row.resolved_on = d.resolved_on
    row.outcome = d.outcome.value
    row.notes = d.notes.strip()


def _event(session: OrmSession, row: models.AdverseEvent) -> AdverseEvent:
    performed = session.execute(select(models.Session.performed_at).where(
        models.Session.id == row.session_id)).scalar_one()
    lot = ""
    if row.suspected_lot_id is not None:
        lot_no, product = session.execute(
            select(models.Lot.lot_no, models.Product.name)
            .join(models.Product, models.Product.id == models.Lot.product_id)
            .where(models.Lot.id == row.suspected_lot_id)).one()
        lot = f"{product} lot {lot_no}"
    return AdverseEvent(
        id=row.id, patient_id=row.patient_id, version=row.version,
        details=EventDetails(
            session_id=row.session_id, kind=EventKind(row.kind), other_text=row.other_text,
            onset=row.onset, grade=row.grade, serious=row.serious,
            actions=tuple(Action(a) for a in row.actions.split(",") if a),
            zone=ScalpZone(row.zone) if row.zone else None,
            suspected_lot_id=row.suspected_lot_id, resolved_on=row.resolved_on,
            outcome=Outcome(row.outcome), notes=row.notes),
        session_performed_on=performed.date(), suspected_lot=lot)
