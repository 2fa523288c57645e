"""The demo clinic's treatment side: products, lots, consents, courses, sessions.

Written straight into the tables in bulk (a 100,000-patient demo makes some
300,000 sessions), with values that pass the same domain checks as the
services: sessions use lots valid on the day, courses run at their interval
with the drop-outs and pauses of a real practice.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.catalogue import gtin_check_digit
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseStatus
from mesolog.domain.session import Device, Technique
from mesolog.services.consent import default_text
from mesolog.services.demo_maps import MAPPED_PATIENTS, demo_map
from mesolog.services.demo_side_effects import side_effects_for
from mesolog.store import models
from mesolog.store.bulk import insert_rows

# name, maker, ingredients, usual volume per session (ml)
_PRODUCTS = [
    ("Minoxidil 0.5 % solution", "DermaPharm", [("Minoxidil", "0.5 %")], 2.0),
    ("Biotin complex", "Meso Labs", [("Biotin", "5 mg/ml"), ("Panthenol", "2 %")], 1.5),
    ("Dutasteride 0.01 %", "TrichoMed", [("Dutasteride", "0.01 %")], 1.0),
    ("Vitamin B complex", "Meso Labs", [("Thiamine", ""), ("Riboflavin", ""),
                                        ("Nicotinamide", ""), ("Pyridoxine", ""),
                                        ("Cyanocobalamin", "")], 2.0),
    ("Amino-acid blend", "HairActiv", [("L-cysteine", ""), ("L-methionine", ""),
                                       ("Glycine", "")], 2.0),
    ("Hyaluronic acid 1 %", "HairActiv", [("Sodium hyaluronate", "1 %")], 1.0),
]
# protocol, planned sessions, interval (days), products by index above
_PROTOCOLS = [
    ("Minoxidil + biotin, 6 × 3 weeks", 6, 21, (0, 1)),
    ("Dutasteride series, 4 × 4 weeks", 4, 28, (2,)),
    ("Vitamin B + amino acids, 8 × 2 weeks", 8, 14, (3, 4)),
    ("Hyaluronic + biotin, 6 × 4 weeks", 6, 28, (5, 1)),
]
_LOT_EXPIRIES = (-390, -200, -10, 170, 360, 540)  # days from today; the first three expired
_LOT_SHELF_DAYS = 400
_NOTES = ["", "", "", "", "Tolerated well.", "Mild redness at the vertex, settled in minutes.",
          "Numbing cream applied 30 min before.", "Patient reports less shedding.",
          "Short session: patient felt faint, lay down for 10 minutes.",
          "Photos taken before the session."]
_STOP_REASONS = ["Moved abroad.", "No improvement after four sessions; referred to "
                 "dermatology.", "Pregnancy.", "Could not tolerate the injections.",
                 "Did not come back; lost to follow-up."]


def add_treatment_history(session: OrmSession, rng: random.Random, patient_ids: list[int],
                          practitioner_ids: list[int], now: datetime,
                          tick: Callable[[int], None] = lambda _done: None) -> None:
    today = now.date()
    lots = _add_catalogue(session, rng, now)
    forms = _add_consent_forms(session, now)
    course_rows: list[dict] = []
    session_rows: list[dict] = []
    use_rows: list[dict] = []
    consent_rows: list[dict] = []
    event_rows: list[dict] = []
    check_rows: list[dict] = []
    point_rows: list[dict] = []
    diagnoses = dict(session.execute(select(models.Patient.id, models.Patient.diagnosis)
                                     .where(models.Patient.id <= MAPPED_PATIENTS)).all())

    def flush() -> None:
        # parents before children: the foreign keys are checked row by row
        for table, rows in ((models.Consent, consent_rows), (models.Course, course_rows),
                            (models.Session, session_rows), (models.SessionProduct, use_rows),
                            (models.InjectionPoint, point_rows),
                            (models.AdverseEvent, event_rows),
                            (models.SideEffectCheck, check_rows)):
            if rows:
                insert_rows(session, table, rows)
                rows.clear()

    course_id = session_id = 0
    for done, patient_id in enumerate(patient_ids, 1):
        tick(done)
        if len(use_rows) >= 10_000 or len(point_rows) >= 50_000:  # not all held in memory
            flush()
        if rng.random() > 0.75:
            continue
        two_courses = rng.random() < 0.12
        start = today - timedelta(days=rng.randint(500, 720) if two_courses
                                  else rng.randint(7, 720))
        consent_rows.extend(_consents(rng, patient_id, forms, start, practitioner_ids, now))
        for number in range(2 if two_courses else 1):
            protocol, planned, interval, products = rng.choice(_PROTOCOLS)
            last_course = number == (1 if two_courses else 0)
            course_id += 1
            done_dates = _session_dates(rng, start, planned, interval, today,
                                        drop_out=last_course)
            status = _status(rng, len(done_dates), planned, finished=not last_course)
            if status is CourseStatus.ACTIVE and done_dates and rng.random() < 0.85 and \
                    (today - done_dates[-1]).days > interval + 60:
                status = CourseStatus.STOPPED  # most who stop coming are marked so
            course_rows.append({
                "id": course_id, "patient_id": patient_id, "protocol": protocol,
                "planned_sessions": planned, "interval_days": interval, "start_date": start,
                "status": status.value,
                "stop_reason": rng.choice(_STOP_REASONS) if status is CourseStatus.STOPPED
                else "", "created_at": _at(start, 8), "updated_at": now, "version": 1})
            # a second course follows the first after a break of one to three months
            start = (done_dates[-1] if done_dates else start) + timedelta(days=rng.randint(30, 90))
            practitioner = rng.choice(practitioner_ids)
            for day in done_dates:
                session_id += 1
                performed = datetime.combine(day, time(rng.randint(8, 18), rng.choice((0, 30))))
                session_rows.append(_session_row(rng, session_id, patient_id, course_id,
                                                 practitioner, performed, now))
                uses = [(_lot_for(lots[index], day),
                         round(_PRODUCTS[index][3] * rng.uniform(0.75, 1.25), 1))
                        for index in products]
                if patient_id in diagnoses:
                    points, mapped = demo_map(session_id, patient_id, diagnoses[patient_id],
                                              session_rows[-1]["depth_mm"], uses)
                    point_rows.extend(points)
                    uses = [(lot, mapped.get(lot, volume)) for lot, volume in uses]
                use_rows.extend({"session_id": session_id, "lot_id": lot, "volume_ml": volume,
                                 "expired_override": ""} for lot, volume in uses)
                lot_ids = [lot for lot, _ in uses]
                events, check = side_effects_for(rng, session_id, patient_id, performed,
                                                 lot_ids, practitioner, now)
                event_rows.extend(events)
                if check is not None and check["checked_at"] <= now:
                    check_rows.append(check)
    flush()


def _add_catalogue(session: OrmSession, rng: random.Random,
                   now: datetime) -> list[list[tuple[int, date]]]:
    """Products with their lots; for each product, its (lot id, expiry) pairs."""
    lots: list[list[tuple[int, date]]] = []
    for index, (name, maker, ingredients, _) in enumerate(_PRODUCTS):
        body = f"0{rng.randint(400000000000, 799999999999)}"
        product = models.Product(name=name, maker=maker, gtin=body + gtin_check_digit(body),
                                 active=True, created_at=now, updated_at=now)
        session.add(product)
        session.flush()
        session.add_all(models.ProductIngredient(product_id=product.id, position=i, name=n,
                                                 concentration=c)
                        for i, (n, c) in enumerate(ingredients))
        pairs = []
        for offset in _LOT_EXPIRIES:
            expiry = now.date() + timedelta(days=offset)
            lot = models.Lot(product_id=product.id, expiry=expiry, created_at=now,
                             lot_no=f"{maker[:2].upper()}{expiry:%y%m}{chr(65 + index)}")
            session.add(lot)
            session.flush()
            pairs.append((lot.id, expiry))
        lots.append(pairs)
    return lots


def _add_consent_forms(session: OrmSession, now: datetime) -> dict[ConsentKind, int]:
    forms = {}
    for kind in ConsentKind:
        title, body = default_text(kind)
        form = models.ConsentForm(kind=kind.value, version=1, title=title, body=body,
                                  created_at=now - timedelta(days=1100))
        session.add(form)
        session.flush()
        forms[kind] = form.id
    return forms


def _consents(rng: random.Random, patient_id: int, forms: dict[ConsentKind, int], start: date,
              practitioner_ids: list[int], now: datetime) -> list[dict]:
    rows = []
    for kind, chance in ((ConsentKind.TREATMENT, 0.93), (ConsentKind.PHOTOGRAPHY, 0.6)):
        if rng.random() < chance:
            rows.append({"patient_id": patient_id, "form_id": forms[kind],
                         "signed_at": _at(start - timedelta(days=rng.randint(0, 14)), 9),
                         "taken_by_id": rng.choice(practitioner_ids), "withdrawn_at": None,
                         "created_at": now})
    return rows


def _session_dates(rng: random.Random, start: date, planned: int, interval: int, today: date,
                   *, drop_out: bool) -> list[date]:
    days, day = [], start
    stop_after = rng.randint(1, planned) if drop_out and rng.random() < 0.25 else planned
    while len(days) < stop_after and day < today:
        days.append(day)
        day = day + timedelta(days=interval + rng.choice((-2, -1, 0, 0, 0, 1, 3, 7)))
    return days


def _status(rng: random.Random, done: int, planned: int, *, finished: bool) -> CourseStatus:
    if done >= planned or finished:
        return CourseStatus.COMPLETED
    draw = rng.random()
    if draw < 0.08:
        return CourseStatus.PAUSED
    if draw < 0.13:
        return CourseStatus.STOPPED
    return CourseStatus.ACTIVE


def _session_row(rng: random.Random, session_id: int, patient_id: int, course_id: int,
                 practitioner: int, performed: datetime, now: datetime) -> dict:
    technique = rng.choices(list(Technique), weights=(50, 25, 15, 10))[0]
    signed = performed < now - timedelta(hours=12)
    return {
        "id": session_id, "patient_id": patient_id, "course_id": course_id,
        "practitioner_id": practitioner, "performed_at": performed,
        "technique": technique.value,
        "device": (Device.INJECTOR_GUN if rng.random() < 0.6 else Device.MANUAL).value,
        "needle_gauge": rng.choice((30, 32, 32, 32)), "needle_length_mm": 4.0,
        "depth_mm": rng.choice((1.0, 1.5, 1.5, 2.0, 2.5)), "pain_score": rng.randint(1, 6),
        "notes": rng.choice(_NOTES), "signed_at": performed + timedelta(minutes=25)
        if signed else None, "signed_by_id": practitioner if signed else None,
        "created_at": performed, "updated_at": performed, "version": 1,
    }


def _lot_for(pairs: list[tuple[int, date]], day: date) -> int:
    """The lot on the shelf that day: the one expiring soonest but not yet."""
    usable = [(expiry, lot_id) for lot_id, expiry in pairs
              if day <= expiry and expiry - timedelta(days=_LOT_SHELF_DAYS) <= day]
    return min(usable or [(e, i) for i, e in pairs if day <= e])[1]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour))
