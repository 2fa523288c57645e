"""The counts behind safety across the practice (domain/safety.py): sessions, side
effects by kind and grade, and sessions and side effects by product and by lot, in a
period of sessions. Aggregated in SQL, on either engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, select, true

from mesolog.store import models

_T = models.Base.metadata.tables


@dataclass(frozen=True)
class SafetyCounts:
    sessions: int
    by_kind_grade: list[tuple[str, int, int]]  # kind, grade, side effects
    by_product: list[tuple[str, int, int]]  # product, sessions, side effects
    by_lot: list[tuple[str, int, int]]  # "product, lot number", sessions, side effects
    patients: int  # with a session in the period
    patients_with_pain: int  # with pain as a side effect of one of those sessions


def _period(first: date | None, last: date | None) -> Any:
    performed = _T["session"].c.performed_at
    bounds = [true()]
    if first is not None:
        bounds.append(performed >= datetime.combine(first, time.min))
    if last is not None:
        bounds.append(performed < datetime.combine(last + timedelta(days=1), time.min))
    return and_(*bounds)


def safety_counts(conn: Connection, first: date | None, last: date | None) -> SafetyCounts:
    session, event = _T["session"], _T["adverse_event"]
    given, lot, product = _T["session_product"], _T["lot"], _T["product"]
    period = _period(first, last)
    sessions = conn.execute(select(func.count()).select_from(session).where(period)
                            ).scalar_one()
    by_kind_grade = [(k, int(g), int(n)) for k, g, n in conn.execute(
        select(event.c.kind, event.c.grade, func.count())
        .select_from(event.join(session, session.c.id == event.c.session_id))
        .where(period).group_by(event.c.kind, event.c.grade)
        .order_by(event.c.kind, event.c.grade))]

    def by(key: Any, label: Any, group: list[Any]) -> list[tuple[str, int, int]]:
        exposed = dict(conn.execute(
            select(key, func.count(distinct(given.c.session_id)))
            .select_from(given.join(session, session.c.id == given.c.session_id)
                         .join(lot, lot.c.id == given.c.lot_id))
            .where(period).group_by(key)).all())
        events = dict(conn.execute(
            select(key, func.count(distinct(event.c.id)))
            .select_from(event.join(given, given.c.session_id == event.c.session_id)
                         .join(session, session.c.id == event.c.session_id)
                         .join(lot, lot.c.id == given.c.lot_id))
            .where(period).group_by(key)).all())
        labels = dict(conn.execute(select(key, label).select_from(
            lot.join(product, product.c.id == lot.c.product_id)).group_by(key, *group)).all())
        return sorted((labels[k], int(n), int(events.get(k, 0))) for k, n in exposed.items())

    by_product = by(lot.c.product_id, product.c.name, [product.c.name])
    by_lot = by(lot.c.id, product.c.name + ", lot " + lot.c.lot_no,
                [product.c.name, lot.c.lot_no])
    patients = conn.execute(select(func.count(distinct(session.c.patient_id)))
                            .where(period)).scalar_one()
    with_pain = conn.execute(
        select(func.count(distinct(event.c.patient_id)))
        .select_from(event.join(session, session.c.id == event.c.session_id))
        .where(period, event.c.kind == "pain")).scalar_one()
    return SafetyCounts(sessions, by_kind_grade, by_product, by_lot, patients, with_pain)
